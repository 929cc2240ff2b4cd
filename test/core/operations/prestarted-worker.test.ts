// A worker started before its job is known (the CLI starts the extraction worker before it parses
// its command line): the first operation that runs its file takes the thread over and gets the
// same result a fresh thread gives; one nobody takes ends on dispose and leaves nothing running.
import { resourceRegistry } from '../../../src/core/lifecycle';
import { CleanupHistory } from '../../../src/core/operations/cleanup-history';
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { PrestartedWorker } from '../../../src/core/operations/prestarted-worker';
import { ScriptedInput } from '../../fixtures/workers/scripted-worker';
import { useLeakCheck } from '../../support/leak-check';
import { captureLog, FAST_TIMINGS, OPEN_MODEL_WORKER, SCRIPTED_WORKER } from '../support/operation-fixtures';

function scripted(runner: OperationRunner, input: ScriptedInput) {
  return runner.start<ScriptedInput, unknown>({ kind: 'scripted', label: `Scripted ${input.behaviour}`, workerFile: SCRIPTED_WORKER, input, timeoutMs: 60_000 });
}

/** Each story gets a prestarted scripted worker and a runner given it, all disposed before the leak check looks. */
function story(name: string, body: (runner: OperationRunner, prestarted: PrestartedWorker) => Promise<void>): void {
  it(name, async () => {
    const history = new CleanupHistory();
    const prestarted = new PrestartedWorker(SCRIPTED_WORKER);
    const runner = new OperationRunner({ history, timings: FAST_TIMINGS, log: captureLog(), prestarted });
    try {
      await body(runner, prestarted);
    } finally {
      runner.dispose();
      await runner.whenIdle();
      prestarted.dispose();
      await prestarted.whenGone();
      history.dispose();
    }
  });
}

describe('a prestarted worker', () => {
  useLeakCheck();

  story('runs the first operation of its file in its own thread, with its progress and result; the next gets a thread of its own', async (runner) => {
    const prestartedThread = resourceRegistry.list('worker').find((w) => w.label.startsWith('prestarted'))?.detail?.threadId;
    const first = scripted(runner, { behaviour: 'finish', steps: 3, stepMs: 5, result: { rooms: 13 } });
    const phases: string[] = [];
    const sub = first.onDidProgress((p) => phases.push(p.phase));
    await expect(first.result).resolves.toEqual({ rooms: 13 });
    sub.dispose();
    expect(first.threadId).toBe(prestartedThread);
    expect(phases[0]).toBe('start');
    const second = scripted(runner, { behaviour: 'finish', steps: 1, stepMs: 1, result: { rooms: 2 } });
    expect(second.threadId).not.toBe(first.threadId);
    await expect(second.result).resolves.toEqual({ rooms: 2 });
    expect((await first.cleanedUp).outcome).toBe('clean');
  });

  story('once taken over, the registry lists its thread as the operation\'s', async (runner) => {
    const workersBefore = resourceRegistry.list('worker').filter((w) => w.label.startsWith('prestarted'));
    expect(workersBefore).toHaveLength(1);
    const op = scripted(runner, { behaviour: 'finish', steps: 20, stepMs: 10, result: 1 });
    expect(op.threadId).toBe(workersBefore[0].detail?.threadId);
    expect(resourceRegistry.list('worker').filter((w) => w.label.startsWith('prestarted'))).toEqual([]);
    expect(resourceRegistry.list('worker').map((w) => w.label)).toContain(`scripted#${op.id}`);
    await op.result;
  });

  story('cancelled while it runs the job it was handed, its thread is gone like any operation\'s', async (runner) => {
    const op = scripted(runner, { behaviour: 'finish', steps: 100, stepMs: 20 });
    await new Promise((r) => setTimeout(r, 100));
    const record = await op.cancel('user');
    expect(op.workerRunning).toBe(false);
    expect(['clean', 'forced']).toContain(record.outcome);
  });

  story('is not used for another file, and one nobody took is ended on dispose: no worker left running', async (runner, prestarted) => {
    const other = runner.start<unknown, unknown>({ kind: 'open', label: 'other file', workerFile: OPEN_MODEL_WORKER, input: { path: '/nonexistent.ifc' }, timeoutMs: 60_000 });
    await other.result.catch(() => undefined);
    await other.cleanedUp;
    expect(resourceRegistry.list('worker').filter((w) => w.label.startsWith('prestarted'))).toHaveLength(1);
    prestarted.dispose();
    await prestarted.whenGone();
    expect(resourceRegistry.count('worker')).toBe(0);
  });
});
