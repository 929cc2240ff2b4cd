// When the extraction worker dies or will not stop, the app names what happened, shows it in
// Diagnostics (the resource monitor's report history) and is left with nothing running: each fault
// is provoked in the real extraction, mid-read, with web-ifc's WASM heap allocated.
import * as path from 'path';
import { generateLargeModel } from '../../bench/model-generator';
import { resourceRegistry } from '../../src/core/lifecycle';
import { ResourceMonitor } from '../../src/core/monitor/resource-monitor';
import { CleanupHistory } from '../../src/core/operations/cleanup-history';
import { OperationError } from '../../src/core/operations/operation-error';
import { OperationRunner } from '../../src/core/operations/operation-runner';
import { startExtraction } from '../../src/ifc/extraction-job';
import { captureLog, FAST_TIMINGS } from '../core/support/operation-fixtures';
import { realModel } from '../support/fixtures';
import { useLeakCheck } from '../support/leak-check';
import { FaultyExtractionInput } from './faulty-extraction-worker';

const FAULTY_WORKER = path.join(__dirname, 'faulty-extraction-worker.js');

describe('worker faults during a real extraction: classified, in the Diagnostics history, nothing left behind', () => {
  let history: CleanupHistory;
  let runner: OperationRunner;
  let monitor: ResourceMonitor;

  beforeEach(() => {
    history = new CleanupHistory();
    runner = new OperationRunner({ history, timings: FAST_TIMINGS, log: captureLog() });
    monitor = new ResourceMonitor({ runner, log: captureLog() });
  });
  afterEach(async () => {
    monitor.dispose();
    runner.dispose();
    await runner.whenIdle();
    history.dispose();
  });
  // After the hooks above: jest runs afterEach hooks in the order they were added, so the leak check
  // sees what is left once this suite's own runner and monitor are disposed.
  useLeakCheck();

  async function failure(op: { result: Promise<unknown>; cleanedUp: Promise<unknown>; state: string }): Promise<OperationError> {
    const e = await op.result.then(
      () => new Error('expected the extraction to fail'),
      (x: unknown) => x,
    );
    await op.cleanedUp;
    expect(e).toBeInstanceOf(OperationError);
    return e as OperationError;
  }

  function faulty(input: FaultyExtractionInput) {
    return runner.start<FaultyExtractionInput, unknown>({ kind: 'extract', label: `Reading ${path.basename(input.path)}`, workerFile: FAULTY_WORKER, input });
  }

  /** The last record of the report's history, and proof that nothing is left running. */
  function lastReported() {
    const report = monitor.getResourceMonitorReport();
    expect(report.active).toMatchObject({ workers: 0, operations: 0 });
    expect(resourceRegistry.count('worker')).toBe(0);
    return report.history[report.history.length - 1];
  }

  it("web-ifc's MEMORY_LIMIT too small for MultiZoneBuilding.ifc: an out-of-memory error with advice, cleaned up", async () => {
    // web-ifc's limit, so the engine that parses the whole file into web-ifc's heap.
    const op = startExtraction(runner, { path: realModel('MultiZoneBuilding.ifc'), name: 'MultiZoneBuilding.ifc', memoryLimitBytes: 64 * 1024, engine: 'web-ifc' });
    const e = await failure(op);
    expect(e).toMatchObject({ category: 'memory', code: 'out-of-memory' });
    expect(e.message).toContain('MultiZoneBuilding.ifc');
    expect(e.suggestion).toMatch(/Close other models/);
    expect(lastReported()).toMatchObject({ label: 'Reading MultiZoneBuilding.ifc', trigger: 'error', outcome: 'clean' });
  });

  it("the worker's V8 heap limit reached while loading web-ifc: a memory error, not a crash of the app", async () => {
    const op = startExtraction(runner, { path: realModel('OneZone.ifc'), name: 'OneZone.ifc' }, undefined, { resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
    const e = await failure(op);
    expect(e).toMatchObject({ category: 'memory', code: 'worker-heap-exhausted' });
    expect(lastReported()).toMatchObject({ trigger: 'error', label: 'Reading OneZone.ifc' });
  });

  it('an uncaught exception in the worker right after the parse: a worker-crash error naming it', async () => {
    const e = await failure(faulty({ path: realModel('TwoZones.ifc'), fault: 'throw-uncaught', atPhase: 'relationships' }));
    expect(e).toMatchObject({ category: 'worker-crash' });
    expect(e.message).toMatch(/"Reading TwoZones.ifc" stopped unexpectedly/);
    expect(e.detail).toMatch(/injected uncaught failure during relationships/);
    expect(lastReported()).toMatchObject({ label: 'Reading TwoZones.ifc', trigger: 'error' });
  });

  it('an exception inside the extraction: reported by the worker as an unexpected error with a suggestion', async () => {
    const e = await failure(faulty({ path: realModel('TwoZones.ifc'), fault: 'throw-in-task', atPhase: 'spaces' }));
    expect(e).toMatchObject({ category: 'internal' });
    expect(e.message).toMatch(/injected failure inside the extraction during spaces/);
    expect(e.suggestion).toMatch(/report/i);
    expect(lastReported()).toMatchObject({ trigger: 'error', outcome: 'clean' });
  });

  it('process.exit(7) in the worker mid-read: a worker-crash error with the exit code', async () => {
    const e = await failure(faulty({ path: realModel('TwoZones.ifc'), fault: 'exit', atPhase: 'relationships', exitCode: 7 }));
    expect(e).toMatchObject({ category: 'worker-crash', code: 'worker-exit' });
    expect(e.message).toMatch(/exited with code 7/);
    const record = lastReported();
    expect(record).toMatchObject({ trigger: 'error' });
    expect(record.steps.map((s) => s.name)).toContain('await-exit');
  });

  it('a worker that ignores the graceful shutdown is terminated: the cancel is immediate, the history says "forced"', async () => {
    // The phases after the parse of a 10 MB model take ~400 ms on an idle core: far longer than this
    // runner's graceful wait, so the worker cannot finish by itself before it is terminated.
    const impatient = new OperationRunner({ history, timings: { ...FAST_TIMINGS, gracefulShutdownMs: 50 }, log: captureLog() });
    try {
      const big = await generateLargeModel({ sample: realModel('MultiZoneBuilding.ifc'), targetMb: 10 });
      const op = startExtraction(impatient, { path: big.path, name: path.basename(big.path), ignoreShutdown: true });
      await new Promise<void>((resolve) => {
        const sub = op.onDidProgress((p) => {
          if (p.phase !== 'relationships') return;
          sub.dispose();
          resolve();
        });
      });
      const t0 = performance.now();
      const cleaned = op.cancel();
      expect(op.state).toBe('cancelled');
      await expect(op.result).rejects.toMatchObject({ category: 'cancelled' });
      expect(performance.now() - t0).toBeLessThan(100);
      const record = await cleaned;
      expect(record).toMatchObject({ trigger: 'cancel', outcome: 'forced' });
      expect(record.steps.map((s) => s.name)).toContain('terminate');
      expect(lastReported()).toMatchObject({ trigger: 'cancel', outcome: 'forced' });
      expect(monitor.getResourceMonitorReport().leaks.forcedTerminations).toBe(1);
    } finally {
      impatient.dispose();
      await impatient.whenIdle();
    }
  }, 120_000);
});
