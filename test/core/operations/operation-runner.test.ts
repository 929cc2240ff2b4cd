import { resourceRegistry } from '../../../src/core/lifecycle';
import { CleanupHistory, CleanupRecord } from '../../../src/core/operations/cleanup-history';
import { CancelledError, isCancelled, OperationError } from '../../../src/core/operations/operation-error';
import { OperationEnd, OperationRunner } from '../../../src/core/operations/operation-runner';
import { OperationProgress } from '../../../src/core/operations/protocol';
import { ScriptedInput } from '../../fixtures/workers/scripted-worker';
import { useLeakCheck } from '../../support/leak-check';
import { captureLog, FAST_TIMINGS, SCRIPTED_WORKER } from '../support/operation-fixtures';

function scripted(runner: OperationRunner, input: ScriptedInput, extra: { timeoutMs?: number; onTimeout?: 'notify' | 'cancel'; label?: string } = {}) {
  return runner.start<ScriptedInput, unknown>({ kind: 'scripted', label: extra.label ?? `Scripted ${input.behaviour}`, workerFile: SCRIPTED_WORKER, input, timeoutMs: extra.timeoutMs ?? 60_000, onTimeout: extra.onTimeout });
}

function nextProgress(op: { onDidProgress: (l: (p: OperationProgress) => void) => { dispose(): void } }): Promise<OperationProgress> {
  return new Promise((resolve) => {
    const sub = op.onDidProgress((p) => {
      sub.dispose();
      resolve(p);
    });
  });
}

/** Each story gets its own runner and history, disposed before the leak check looks. */
function story(name: string, body: (runner: OperationRunner, history: CleanupHistory) => Promise<void>): void {
  it(name, async () => {
    const history = new CleanupHistory();
    const runner = new OperationRunner({ history, timings: FAST_TIMINGS, log: captureLog() });
    try {
      await body(runner, history);
    } finally {
      runner.dispose();
      await runner.whenIdle();
      history.dispose();
    }
  });
}

describe('running an operation in a worker', () => {
  useLeakCheck();

  story('hands a result over only once its worker has exited, so a teardown never runs beside the work that uses the result', async (runner) => {
    // The worker returns at once, then its thread lives on for 300 ms, as one freeing a large WASM heap does.
    const op = scripted(runner, { behaviour: 'finish', steps: 1, stepMs: 1, result: { rooms: 13 }, lingerMs: 300 });
    const started = performance.now();
    await expect(op.result).resolves.toEqual({ rooms: 13 });
    expect(op.workerRunning).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(op.state).toBe('succeeded');
    expect((await op.cleanedUp).outcome).toBe('clean');
  });

  story('reports progress, then the result; the worker exits by itself and the cleanup is recorded as clean', async (runner, history) => {
    const progress: OperationProgress[] = [];
    const started: number[] = [];
    const ended: string[] = [];
    const subs = [runner.onDidStart((op) => started.push(op.id)), runner.onDidEnd((e) => ended.push(e.outcome))];
    const op = scripted(runner, { behaviour: 'finish', steps: 4, stepMs: 10, result: { rooms: 13 } });
    const progressSub = op.onDidProgress((p) => progress.push(p));
    expect(op.state).toBe('running');
    expect(runner.active()).toContain(op);

    await expect(op.result).resolves.toEqual({ rooms: 13 });
    expect(op.state).toBe('succeeded');
    expect(progress.filter((p) => p.phase === 'work').map((p) => p.done)).toEqual([1, 2, 3, 4]);
    const record = await op.cleanedUp;
    expect(record).toMatchObject({ operationId: op.id, trigger: 'finish', outcome: 'clean', kind: 'scripted' });
    expect(record.steps.map((s) => s.name)).toEqual(['disconnect-listeners', 'await-exit']);
    expect(history.last()).toBe(record);
    expect(started).toEqual([op.id]);
    expect(ended).toEqual(['succeeded']);
    expect(runner.active()).toEqual([]);
    expect(resourceRegistry.count('worker')).toBe(0);
    progressSub.dispose();
    subs.forEach((s) => s.dispose());
  });

  story('cancel answers at once: state and result flip before cancel() returns, and no progress arrives afterwards', async (runner, history) => {
    const op = scripted(runner, { behaviour: 'finish', steps: 200, stepMs: 5 });
    let afterCancel = 0;
    let cancelled = false;
    await nextProgress(op);
    await nextProgress(op);
    op.result.catch((e) => (cancelled = isCancelled(e)));
    const t0 = performance.now();
    const done = op.cancel();
    const sync = performance.now() - t0;
    expect(op.state).toBe('cancelled');
    const sub = op.onDidProgress(() => afterCancel++);
    await Promise.resolve();
    expect(cancelled).toBe(true);
    await expect(op.result).rejects.toBeInstanceOf(CancelledError);
    await expect(op.result).rejects.toMatchObject({ category: 'cancelled', message: 'Scripted finish was cancelled.' });
    expect(sync).toBeLessThan(50);

    const record = await done;
    expect(afterCancel).toBe(0);
    expect(record.trigger).toBe('cancel');
    expect(record.outcome).toBe('clean');
    // Three worker listeners and the deadline timer go first, before the worker is even asked to stop.
    expect(record.steps.map((s) => `${s.name}:${s.outcome}`)).toEqual(['mark-cancelled:cancelled', 'disconnect-listeners:4 removed', 'graceful-shutdown:exited']);
    expect(record.memoryBefore.rss).toBeGreaterThan(0);
    expect(record.memoryAfter.heapUsed).toBeGreaterThan(0);
    expect(resourceRegistry.count('worker')).toBe(0);
    expect(resourceRegistry.count('operation')).toBe(0);
    sub.dispose();
  });

  story('a cancelled result that nobody awaits does not become an unhandled rejection', async (runner, history) => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const op = scripted(runner, { behaviour: 'finish', steps: 100, stepMs: 5 });
      await op.cancel();
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  story('a worker that ignores the graceful shutdown is force-terminated and recorded as forced', async (runner, history) => {
    const op = scripted(runner, { behaviour: 'finish', steps: 1000, stepMs: 10, ignoreShutdown: true });
    await nextProgress(op);
    const t0 = performance.now();
    const record = await op.cancel();
    const elapsed = performance.now() - t0;
    expect(record.outcome).toBe('forced');
    expect(record.steps.find((s) => s.name === 'graceful-shutdown')?.outcome).toBe('timeout');
    expect(record.steps.find((s) => s.name === 'terminate')?.outcome).toBe('terminated');
    // It waited the whole (test) grace period of 400 ms before terminating.
    expect(elapsed).toBeGreaterThanOrEqual(380);
    expect(runner.forcedTerminations).toBe(1);
    expect(resourceRegistry.count('worker')).toBe(0);
  });

  story('a worker inside a declared blocking call is terminated without waiting for a reply', async (runner, history) => {
    const op = scripted(runner, { behaviour: 'block-sync', stepMs: 30_000, declareBlocking: true });
    await nextProgress(op);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const record = await op.cancel();
    const elapsed = performance.now() - t0;
    expect(record.steps.find((s) => s.name === 'graceful-shutdown')?.outcome).toMatch(/^skipped/);
    expect(record.outcome).toBe('forced');
    expect(elapsed).toBeLessThan(500);
  });

  story('a busy worker that cannot even acknowledge the shutdown is terminated after the acknowledgement window', async (runner, history) => {
    const op = scripted(runner, { behaviour: 'block-sync', stepMs: 30_000 });
    await nextProgress(op);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const record = await op.cancel();
    const elapsed = performance.now() - t0;
    expect(record.steps.find((s) => s.name === 'graceful-shutdown')?.outcome).toBe('no-ack');
    expect(record.outcome).toBe('forced');
    expect(elapsed).toBeLessThan(150 + 500);
  });

  story('after the timeout the operation keeps running and asks; "wait longer" moves the deadline, retry starts afresh', async (runner, history) => {
    const op = scripted(runner, { behaviour: 'finish', steps: 400, stepMs: 5 }, { timeoutMs: 150 });
    const timeouts: Array<{ elapsedMs: number; timeoutMs: number }> = [];
    const sub = op.onDidTimeout((t) => timeouts.push(t));
    await new Promise((r) => setTimeout(r, 300));
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0].timeoutMs).toBe(150);
    expect(timeouts[0].elapsedMs).toBeGreaterThanOrEqual(140);
    expect(op.state).toBe('running');

    op.extendTimeout(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(timeouts).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 250));
    expect(timeouts).toHaveLength(2);
    expect(timeouts[1].timeoutMs).toBeGreaterThanOrEqual(450);

    const again = op.retry();
    expect(again.id).not.toBe(op.id);
    expect(again.label).toBe(op.label);
    expect(runner.active()).toHaveLength(2);
    await Promise.all([op.cancel(), again.cancel()]);
    sub.dispose();
  });

  story('a headless caller can ask a timeout to stop the operation: it ends as timed-out with a timeout error', async (runner, history) => {
    const ends: OperationEnd[] = [];
    const sub = runner.onDidEnd((e) => ends.push(e));
    const op = scripted(runner, { behaviour: 'finish', steps: 400, stepMs: 5 }, { timeoutMs: 100, onTimeout: 'cancel' });
    const error = await op.result.catch((e: OperationError) => e);
    expect(op.state).toBe('timed-out');
    expect(error).toBeInstanceOf(OperationError);
    expect((error as OperationError).category).toBe('timeout');
    expect((error as OperationError).suggestion).toMatch(/Wait longer/);
    const record = await op.cleanedUp;
    expect(record.trigger).toBe('timeout');
    expect(ends.map((e) => [e.outcome, e.error?.category])).toEqual([['timed-out', 'timeout']]);
    sub.dispose();
  });

  story('the worker answers memory queries while it runs, and nothing once it ended', async (runner, history) => {
    const op = scripted(runner, { behaviour: 'finish', steps: 100, stepMs: 10 });
    await nextProgress(op);
    const memory = await op.queryWorkerMemory();
    expect(memory?.heapUsed).toBeGreaterThan(1024 * 1024);
    expect(memory?.heapTotal).toBeGreaterThanOrEqual(memory?.heapUsed ?? 0);
    await op.cancel();
    await expect(op.queryWorkerMemory()).resolves.toBeUndefined();
  });

  story('disposing the runner cancels what it started, and each cleanup is recorded', async (runner, history) => {
    const records: CleanupRecord[] = [];
    const sub = history.onDidRecord((r) => records.push(r));
    const a = scripted(runner, { behaviour: 'finish', steps: 500, stepMs: 5 }, { label: 'A' });
    const b = scripted(runner, { behaviour: 'finish', steps: 500, stepMs: 5 }, { label: 'B' });
    runner.dispose();
    expect([a.state, b.state]).toEqual(['cancelled', 'cancelled']);
    await runner.whenIdle();
    expect(records.map((r) => [r.label, r.trigger]).sort()).toEqual([
      ['A', 'dispose'],
      ['B', 'dispose'],
    ]);
    expect(resourceRegistry.count('worker')).toBe(0);
    expect(() => runner.start({ kind: 'x', label: 'x', workerFile: SCRIPTED_WORKER, input: {} })).toThrow(/after dispose/);
    sub.dispose();
  });
});
