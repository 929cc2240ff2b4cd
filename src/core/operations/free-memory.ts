// "Free memory" (Tools menu, the memory-pressure prompt, the CLI between files): release what is
// no longer needed, collect garbage until the heap stops shrinking, and record before/after in the
// cleanup history so the user sees what it achieved.
import { forceGc, gcAvailable } from '../lifecycle/leak-tracker';
import { CacheRegistry, cacheRegistry } from './cache-registry';
import { CleanupHistory, cleanupHistory, CleanupOutcome, CleanupRecord, CleanupSteps, sampleMemory } from './cleanup-history';
import type { OperationRunner } from './operation-runner';

export interface FreeMemoryOptions {
  /** Also drop the open model (the user confirmed losing it). */
  dropModel?: boolean;
  /** Whose ended operations to stop and forget; without it only caches, models and GC. */
  runner?: OperationRunner;
  history?: CleanupHistory;
  caches?: CacheRegistry;
  /** Upper bound of GC passes (each stops early once the heap no longer shrinks). */
  maxGcPasses?: number;
}

const MB = 1024 * 1024;

export async function freeMemoryResources(options: FreeMemoryOptions = {}): Promise<CleanupRecord> {
  const history = options.history ?? options.runner?.history ?? cleanupHistory;
  const caches = options.caches ?? cacheRegistry;
  const at = new Date();
  const started = performance.now();
  const memoryBefore = sampleMemory();
  const steps = new CleanupSteps();
  let outcome: CleanupOutcome = 'clean';

  if (options.runner) {
    const runner = options.runner;
    await steps.time('stop-finished-operations', async () => {
      const records = await runner.stopFinished();
      if (records.some((r) => r.outcome === 'leak')) outcome = 'leak';
      return `${records.length} stopped`;
    });
  }
  steps.timeSync('clear-caches', () => {
    const results = caches.clearAll();
    const failed = results.filter((r) => r.error);
    if (failed.length) throw new Error(failed.map((r) => `${r.name}: ${r.error}`).join('; '));
    const bytes = results.reduce((a, r) => a + (r.bytesBefore ?? 0), 0);
    return `${results.length} cleared (${(bytes / MB).toFixed(1)} MB)`;
  });
  if (options.dropModel) {
    await steps.time('drop-model', async () => {
      const results = await caches.dropModels();
      const failed = results.filter((r) => r.error);
      if (failed.length) throw new Error(failed.map((r) => `${r.name}: ${r.error}`).join('; '));
      return results.length ? `${results.length} dropped` : 'no model loaded';
    });
  }
  if (options.runner) {
    const runner = options.runner;
    steps.timeSync('reset-operation-state', () => `${runner.resetFinished()} ended operations forgotten`);
  }
  await steps.time('gc', async () => {
    if (!gcAvailable()) return 'skipped: gc not available';
    const r = await forceGc(options.maxGcPasses ?? 10);
    return `${r.passes} passes, heap ${((r.heapBefore - r.heapAfter) / MB).toFixed(1)} MB smaller`;
  });
  if (steps.failed && outcome === 'clean') outcome = 'error';
  const record: CleanupRecord = {
    at: at.toISOString(),
    label: options.dropModel ? 'Free memory (and close the model)' : 'Free memory',
    kind: 'free-memory',
    trigger: 'free-memory',
    steps: steps.steps,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    outcome,
    memoryBefore,
    memoryAfter: sampleMemory(),
  };
  history.record(record);
  return record;
}
