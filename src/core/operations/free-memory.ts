// "Free memory" (Diagnostics, the memory-pressure prompt): end the workers of operations that have
// ended but are still winding down (a worker's WASM heap is hundreds of MB after a large model, and
// it goes back to the system only when the thread is gone), forget the ended operations' summaries,
// and collect garbage until the heap stops shrinking; record before/after in the cleanup history so
// the user sees what it achieved. The main process keeps no caches of its own to clear (measured in
// the app: 17.1 MB of JS heap empty, 19.8 MB with a 40 MB model open, 19.4 MB once it is closed;
// the schedule itself is 1.5 MB of JSON), so there is nothing else to release.
import { forceGc, gcAvailable } from '../lifecycle/leak-tracker';
import { CleanupHistory, cleanupHistory, CleanupOutcome, CleanupRecord, CleanupSteps, sampleMemory } from './cleanup-history';
import type { OperationRunner } from './operation-runner';

export interface FreeMemoryOptions {
  /** Whose ended operations to stop and forget; without it only GC. */
  runner?: OperationRunner;
  history?: CleanupHistory;
  /** Upper bound of GC passes (each stops early once the heap no longer shrinks). */
  maxGcPasses?: number;
}

const MB = 1024 * 1024;

export async function freeMemoryResources(options: FreeMemoryOptions = {}): Promise<CleanupRecord> {
  const history = options.history ?? options.runner?.history ?? cleanupHistory;
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
    label: 'Free memory',
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
