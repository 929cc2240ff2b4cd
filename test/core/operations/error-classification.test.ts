import { classifyError, classifyExit, timeoutError } from '../../../src/core/operations/error-classification';
import { CancelledError, OperationError } from '../../../src/core/operations/operation-error';

const ctx = { label: 'Reading Tower.ifc', origin: 'uncaught' as const };

function errnoError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('what the user reads when an operation fails', () => {
  it.each([
    ['web-ifc (emscripten) cannot enlarge its heap', new Error('Cannot enlarge memory arrays to size 4294967296 bytes'), 'memory'],
    ['a WASM allocation aborts', new Error('Aborted(OOM). Build with -sASSERTIONS for more info.: out of memory'), 'memory'],
    ['V8 cannot allocate an ArrayBuffer for the file', new RangeError('Array buffer allocation failed'), 'memory'],
    ['the worker hits its resourceLimits', errnoError('ERR_WORKER_OUT_OF_MEMORY', 'Worker terminated due to reaching memory limit: JS heap out of memory'), 'memory'],
    ['the file vanished', errnoError('ENOENT', "ENOENT: no such file or directory, open '/models/Tower.ifc'"), 'file'],
    ['the file is not readable', errnoError('EACCES', "EACCES: permission denied, open '/models/Tower.ifc'"), 'file'],
    ['web-ifc traps on broken content', Object.assign(new Error('unreachable'), { name: 'RuntimeError' }), 'parse'],
    ['anything else kills the worker', new TypeError("Cannot read properties of undefined (reading 'x')"), 'worker-crash'],
  ])('%s → %s', (_what, error, category) => {
    const e = classifyError(error, ctx);
    expect(e.category).toBe(category);
    expect(e.message).toContain('Tower.ifc');
    expect(e.suggestion.length).toBeGreaterThan(20);
    expect(e.detail).toContain(error.message);
  });

  it('an error the task itself throws and nobody recognises is a bug of ours (internal), with a report hint', () => {
    const e = classifyError(new Error('x is not a function'), { origin: 'task' });
    expect(e).toMatchObject({ category: 'internal', code: 'unexpected', message: 'Unexpected error: x is not a function' });
    expect(e.suggestion).toMatch(/report/);
  });

  it('an error already classified in the worker passes through unchanged', () => {
    const original = new OperationError({ category: 'file', code: 'file-empty', message: 'Tower.ifc is empty.', suggestion: 'Choose another file.' });
    expect(classifyError(original, ctx)).toBe(original);
    expect(classifyError(new CancelledError('Reading Tower.ifc'), ctx).category).toBe('cancelled');
  });

  it('a worker that exits without a result names its exit code', () => {
    const e = classifyExit(134, ctx);
    expect(e).toMatchObject({ category: 'worker-crash', code: 'worker-exit' });
    expect(e.message).toBe('"Reading Tower.ifc" stopped unexpectedly (its worker exited with code 134 before finishing).');
  });

  it('a timeout says how long it waited and suggests waiting longer', () => {
    const e = timeoutError(185_000, 180_000, ctx);
    expect(e).toMatchObject({ category: 'timeout', code: 'timed-out' });
    expect(e.message).toBe('"Reading Tower.ifc" took longer than 3 min and was stopped.');
    expect(e.suggestion).toMatch(/Wait longer/);
  });
});
