import * as path from 'path';
import { resourceRegistry } from '../../../src/core/lifecycle';
import { OperationError } from '../../../src/core/operations/operation-error';
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { OpenModelInput } from '../../fixtures/workers/open-model-worker';
import { ScriptedInput } from '../../fixtures/workers/scripted-worker';
import { useLeakCheck } from '../../support/leak-check';
import { useRunner, OPEN_MODEL_WORKER, realIfc, SCRIPTED_WORKER } from '../support/operation-fixtures';

async function failureOf(runner: OperationRunner, input: ScriptedInput, resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number }): Promise<OperationError> {
  const op = runner.start<ScriptedInput, unknown>({ kind: 'scripted', label: 'Reading crash.ifc', workerFile: SCRIPTED_WORKER, input, resourceLimits });
  const error = await op.result.then(
    () => {
      throw new Error('expected the operation to fail');
    },
    (e: unknown) => e,
  );
  expect(op.state).toBe('failed');
  await op.cleanedUp;
  expect(error).toBeInstanceOf(OperationError);
  return error as OperationError;
}

describe('a worker that crashes or runs out of memory ends as a clear error, and the app keeps running', () => {
  useLeakCheck();
  const fixture = useRunner();

  it('an exception thrown outside the task kills the worker: a worker-crash error with a suggestion', async () => {
    const e = await failureOf(fixture.runner, { behaviour: 'throw-uncaught', stepMs: 10 });
    expect(e.category).toBe('worker-crash');
    expect(e.message).toBe('"Reading crash.ifc" stopped unexpectedly (it threw: scripted uncaught failure).');
    expect(e.suggestion).toMatch(/still running; try again/);
    expect(e.detail).toMatch(/scripted uncaught failure/);
    expect(fixture.history.last()).toMatchObject({ trigger: 'error', outcome: 'clean', label: 'Reading crash.ifc' });
  });

  it('process.exit(3) inside the worker: a worker-crash error naming the exit code', async () => {
    const e = await failureOf(fixture.runner, { behaviour: 'exit', exitCode: 3, stepMs: 10 });
    expect(e.category).toBe('worker-crash');
    expect(e.code).toBe('worker-exit');
    expect(e.message).toMatch(/exited with code 3 before finishing/);
    expect(fixture.history.last()?.steps.find((s) => s.name === 'await-exit')?.outcome).toMatch(/already exited \(code 3\)/);
  });

  it("exhausting the worker's V8 heap (resourceLimits) is a memory error, not a crash of the app", async () => {
    const e = await failureOf(fixture.runner, { behaviour: 'exhaust-heap' }, { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 });
    expect(e.category).toBe('memory');
    expect(e.code).toBe('worker-heap-exhausted');
    expect(e.message).toBe('"Reading crash.ifc" ran out of memory.');
    expect(e.suggestion).toMatch(/Free memory/);
  });

  it('a WASM heap that cannot grow (as web-ifc reports it) is a memory error', async () => {
    const e = await failureOf(fixture.runner, { behaviour: 'exhaust-wasm' });
    expect(e.category).toBe('memory');
    expect(e.detail).toMatch(/WebAssembly\.Memory/);
  });

  it('an error the task itself throws is reported by the worker as an unexpected (internal) error', async () => {
    const e = await failureOf(fixture.runner, { behaviour: 'throw-in-task', stepMs: 5 });
    expect(e.category).toBe('internal');
    expect(e.message).toBe('Unexpected error: scripted failure inside the task');
    expect(e.suggestion).toMatch(/report this/);
  });

  it('a worker entry file that does not exist fails as a worker-crash, not an exception in the app', async () => {
    const op = fixture.runner.start({ kind: 'scripted', label: 'Missing worker', workerFile: path.join(__dirname, 'no-such-worker.js'), input: {} });
    const e = (await op.result.catch((x: unknown) => x)) as OperationError;
    await op.cleanedUp;
    expect(e.category).toBe('worker-crash');
    expect(e.detail).toMatch(/Cannot find module/);
  });

  it('web-ifc on a file that is not there: a file error that says so', async () => {
    const op = fixture.runner.start<OpenModelInput, unknown>({ kind: 'open', label: 'Reading Gone.ifc', workerFile: OPEN_MODEL_WORKER, input: { path: realIfc('Gone.ifc') } });
    const e = (await op.result.catch((x: unknown) => x)) as OperationError;
    await op.cleanedUp;
    expect(e.category).toBe('file');
    expect(e.code).toBe('file-enoent');
    expect(e.suggestion).toMatch(/still exists/);
  });

  it('after all of these the process still runs real work, every failure is in the fixture.history, and no worker is left', async () => {
    const op = fixture.runner.start<OpenModelInput, { spaces: number }>({ kind: 'open', label: 'Reading OneZone.ifc', workerFile: OPEN_MODEL_WORKER, input: { path: realIfc('OneZone.ifc') } });
    await expect(op.result).resolves.toMatchObject({ spaces: 1 });
    await op.cleanedUp;
    const triggers = fixture.history.list().map((r) => r.trigger);
    expect(triggers.filter((t) => t === 'error')).toHaveLength(7);
    expect(triggers[triggers.length - 1]).toBe('finish');
    expect(resourceRegistry.count('worker')).toBe(0);
  });
});
