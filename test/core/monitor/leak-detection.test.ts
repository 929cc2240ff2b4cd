import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DisposableStore, disposableInterval, leakTracker, resourceRegistry } from '../../../src/core/lifecycle';
import { MonitorWarning, ResourceMonitor } from '../../../src/core/monitor/resource-monitor';
import { CleanupHistory } from '../../../src/core/operations/cleanup-history';
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { ScriptedInput } from '../../fixtures/workers/scripted-worker';
import { captureLog, FAST_TIMINGS, SCRIPTED_WORKER } from '../support/operation-fixtures';

// No useLeakCheck() here: these stories leak on purpose, prove the monitor sees it, then repair
// the leak and prove the monitor sees that too.

function setUp() {
  const history = new CleanupHistory();
  const log = captureLog();
  const runner = new OperationRunner({ history, log, timings: { ...FAST_TIMINGS, gracefulShutdownMs: 200, terminateWaitMs: 400 } });
  const monitor = new ResourceMonitor({ runner, log, memoryWarnBytes: 100_000 * 1024 * 1024, memoryCriticalBytes: 200_000 * 1024 * 1024 });
  monitor.markBaseline();
  return {
    history,
    log,
    runner,
    monitor,
    start(input: ScriptedInput, label = `Scripted ${input.behaviour}`) {
      return runner.start<ScriptedInput, unknown>({ kind: 'scripted', label, workerFile: SCRIPTED_WORKER, input });
    },
    async tearDown() {
      monitor.dispose();
      runner.dispose();
      await runner.whenIdle();
      history.dispose();
    },
  };
}

describe('the monitor finds leaked listeners, timers and workers, and reports none after a clean run', () => {
  afterEach(() => leakTracker.reset());

  it('a clean run — a finished, a cancelled, a crashed and a force-terminated operation — reports no leak', async () => {
    const t = setUp();
    // In a function of its own: once it returns nothing holds the operations, as in the app once
    // the UI has shown their outcome. (Holding one here would rightly be reported as retained.)
    await (async () => {
      const done = t.start({ behaviour: 'finish', steps: 2, stepMs: 5 });
      const cancelled = t.start({ behaviour: 'finish', steps: 500, stepMs: 5 });
      const crashed = t.start({ behaviour: 'exit', exitCode: 3 });
      const stubborn = t.start({ behaviour: 'finish', steps: 500, stepMs: 5, ignoreShutdown: true });
      await done.result;
      await crashed.result.catch(() => undefined);
      await Promise.all([cancelled.cancel(), stubborn.cancel()]);
    })();
    await t.runner.whenIdle();
    await t.monitor.sampleNow();

    const v = await t.monitor.verify();
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('clean');
    const report = t.monitor.getResourceMonitorReport();
    expect(report.leaks).toEqual({ retained: 0, undisposed: 0, collectedWithoutDispose: 0, forcedTerminations: 1, leaksDetected: 0, orphans: 0, details: [] });
    expect(report.active.workers).toBe(0);
    expect(report.history.map((r) => r.outcome).sort()).toEqual(['clean', 'clean', 'clean', 'forced']);
    await t.tearDown();
  });

  it('a listener nobody disposed is reported as never disposed, with where it was created', async () => {
    const t = setUp();
    const forgotten = t.runner.onDidEnd(() => undefined);
    const v = await t.monitor.verify();
    expect(v.outcome).toBe('leaks-found');
    expect(v.undisposed).toBe(1);
    expect(v.findings[0]).toMatch(/^never disposed: OperationRunner\.onDidEnd:listener\n.*leak-detection\.test/s);
    expect(t.monitor.getResourceMonitorReport().leaks.undisposed).toBe(1);

    forgotten.dispose();
    expect((await t.monitor.verify()).outcome).toBe('clean');
    await t.tearDown();
  });

  it('a timer whose owner was disposed without clearing it is an orphan: the next sample warns, verify reports it', async () => {
    const t = setUp();
    const warnings: MonitorWarning[] = [];
    const sub = t.monitor.onDidWarn((w) => warnings.push(w));
    const owner = new DisposableStore('SpacesPanel');
    const timer = disposableInterval(() => undefined, 60_000, 'SpacesPanel.refresh', { owner });
    owner.dispose(); // forgot to register the timer in its store

    const snap = await t.monitor.sampleNow();
    expect(snap.orphans).toBe(1);
    expect(warnings.map((w) => w.kind)).toEqual(['orphans']);
    expect(warnings[0].message).toMatch(/orphaned timer "SpacesPanel\.refresh".*its owner was disposed without releasing it/);
    const v = await t.monitor.verify();
    expect(v.orphans).toBe(1);
    expect(t.monitor.getResourceMonitorReport().leaks.details.some((d) => d.startsWith('orphaned timer "SpacesPanel.refresh"'))).toBe(true);

    timer.dispose();
    sub.dispose();
    expect(resourceRegistry.orphans()).toEqual([]);
    await t.tearDown();
  });

  it('a worker that survives terminate() (stuck in a system call) is logged as a resource leak, counted, and shows as an orphan and a retained handle', async () => {
    const t = setUp();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-leak-'));
    const fifo = path.join(dir, 'stuck.fifo');
    execFileSync('mkfifo', [fifo]);
    const { record, operationId } = await (async () => {
      const op = t.start({ behaviour: 'block-on-fifo', fifo }, 'Reading stuck.ifc');
      await new Promise<void>((resolve) => {
        const s = op.onDidProgress((p) => {
          if (p.phase !== 'blocked') return;
          s.dispose();
          resolve();
        });
      });
      await new Promise((r) => setTimeout(r, 100)); // let it enter open()
      return { record: await op.cancel(), operationId: op.id };
    })();
    expect(record.outcome).toBe('leak');
    expect(record.steps.find((s) => s.name === 'terminate')?.outcome).toBe('still alive');
    expect(t.runner.leaksDetected).toBe(1);
    const logged = t.log.lines.find((l) => l.level === 'error');
    expect(logged?.message).toMatch(/^resource leak detected/);
    expect(logged?.detail).toMatchObject({ label: 'Reading stuck.ifc', operationId });
    expect(resourceRegistry.count('worker')).toBe(1);

    const v = await t.monitor.verify();
    expect(v.outcome).toBe('leaks-found');
    expect(v.findings.some((f) => /^orphaned worker "scripted#\d+".*its owner was disposed/.test(f))).toBe(true);
    expect(v.findings.some((f) => f.startsWith('retained after dispose and GC: WorkerHandle(scripted#'))).toBe(true);
    expect(t.monitor.getResourceMonitorReport().leaks).toMatchObject({ leaksDetected: 1, orphans: 1 });

    // Release the system call: the terminated thread now exits, and the leak is gone.
    fs.writeFileSync(fifo, 'unblocked');
    const exited = Date.now();
    while (resourceRegistry.count('worker') > 0 && Date.now() - exited < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(resourceRegistry.count('worker')).toBe(0);
    const after = await t.monitor.verify();
    expect(after.findings).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
    await t.tearDown();
  });
});
