// Turns whatever went wrong in an operation (a thrown error, a worker 'error' event, a worker exit
// without a result, a timeout) into an OperationError with a category, a sentence for the user and
// a suggestion. The technical detail goes to `detail` for the log and the Diagnostics dialog.
import { fileErrorReason } from '../files/file-errors';
import { OperationError } from './operation-error';
import { ErrorCategory, OperationErrorInfo } from './protocol';

export interface ClassifyContext {
  /** What the user started, e.g. "Reading MultiZoneBuilding.ifc". */
  label?: string;
  /**
   * Where the error came from: 'task' for an error the worker's own code threw and reported (an
   * unrecognised one is a bug of ours), 'uncaught' for the worker thread's 'error' event (it died).
   */
  origin?: 'task' | 'uncaught';
}

// WASM heaps (web-ifc) and V8 heaps say "out of memory" in many ways; all mean the same to the user.
const MEMORY_PATTERNS = [
  /out of memory/i,
  /Cannot enlarge memory/i,
  /Array buffer allocation failed/i,
  /allocation failed/i,
  /Maximum memory size exceeded/i,
  /WebAssembly\.Memory(\.grow)?\(\): .*(memory|size)/i,
  /std::bad_alloc/i,
  /bad_alloc/i,
  /memory access out of bounds/i,
  /ERR_WORKER_OUT_OF_MEMORY/,
];

const FILE_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EMFILE', 'ENFILE', 'EIO', 'ELOOP', 'ENAMETOOLONG']);

function subject(ctx: ClassifyContext): string {
  return ctx.label ? `"${ctx.label}"` : 'The operation';
}

function errorText(e: unknown): { message: string; detail: string; code?: string; name?: string } {
  // Duck-typed, not instanceof: errors from node internals or another realm (a vm context, jest's
  // sandbox) are Errors of a different Error class.
  if (typeof e === 'object' && e !== null && typeof (e as Error).message === 'string') {
    const err = e as NodeJS.ErrnoException;
    const code = err.code;
    return { message: err.message, detail: err.stack ?? err.message, code: typeof code === 'string' ? code : undefined, name: typeof err.name === 'string' ? err.name : undefined };
  }
  return { message: String(e), detail: String(e) };
}

export function isMemoryError(e: unknown): boolean {
  const { message, code } = errorText(e);
  return code === 'ERR_WORKER_OUT_OF_MEMORY' || MEMORY_PATTERNS.some((p) => p.test(message));
}

export function memoryError(ctx: ClassifyContext, detail?: string, code = 'out-of-memory'): OperationError {
  return new OperationError({
    category: 'memory',
    code,
    message: `${subject(ctx)} ran out of memory.`,
    suggestion: 'Free memory (Tools → Free memory), close other models or applications, and try again; very large models may need a machine with more memory.',
    detail,
  });
}

/** Any thrown value or worker 'error' event as an OperationError. OperationErrors pass through unchanged. */
export function classifyError(e: unknown, ctx: ClassifyContext = {}): OperationError {
  if (e instanceof OperationError) return e;
  const { message, detail, code, name } = errorText(e);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return memoryError(ctx, detail, 'worker-heap-exhausted');
  if (isMemoryError(e)) return memoryError(ctx, detail);
  if (code && FILE_CODES.has(code)) {
    const reason = fileErrorReason(e, 'read');
    return new OperationError({
      category: 'file',
      code: `file-${code.toLowerCase()}`,
      message: `${subject(ctx)} could not read its file: ${reason.why}.`,
      suggestion: code === 'ENOENT' ? 'Check that the file still exists and was not moved or renamed.' : reason.suggestion,
      detail,
    });
  }
  // A WASM trap that is not about memory means web-ifc choked on the model's content.
  if (name === 'RuntimeError' && /unreachable|Aborted|index out of bounds|table index|divide by zero/i.test(message)) {
    return new OperationError({
      category: 'parse',
      code: 'parser-trap',
      message: `${subject(ctx)} failed: the IFC reader could not process this model.`,
      suggestion: 'The file may be damaged or use features the reader does not support; try re-exporting it from the authoring tool.',
      detail,
    });
  }
  if (ctx.origin === 'uncaught') return workerCrash(ctx, `it threw: ${message}`, detail);
  return new OperationError({
    category: 'internal',
    code: 'unexpected',
    message: `Unexpected error${ctx.label ? ` in "${ctx.label}"` : ''}: ${message}`,
    suggestion: 'Please report this with the log file (Help → Diagnostics → Save report).',
    detail,
  });
}

export function workerCrash(ctx: ClassifyContext, what: string, detail?: string, code = 'worker-crash'): OperationError {
  return new OperationError({
    category: 'worker-crash',
    code,
    message: `${subject(ctx)} stopped unexpectedly (${what}).`,
    suggestion: 'The application is still running; try again. If it keeps happening, save a diagnostics report (Help → Diagnostics).',
    detail,
  });
}

/** A worker that exited before sending its result. */
export function classifyExit(exitCode: number, ctx: ClassifyContext = {}): OperationError {
  return workerCrash(ctx, `its worker exited with code ${exitCode} before finishing`, `worker exit code ${exitCode}`, 'worker-exit');
}

export function timeoutError(elapsedMs: number, timeoutMs: number, ctx: ClassifyContext = {}): OperationError {
  return new OperationError({
    category: 'timeout',
    code: 'timed-out',
    message: `${subject(ctx)} took longer than ${formatDuration(timeoutMs)} and was stopped.`,
    suggestion: 'Very large models take longer: try again and choose "Wait longer" when asked, or open a smaller model.',
    detail: `elapsed ${elapsedMs} ms, timeout ${timeoutMs} ms`,
  });
}

/** An error reported by the worker itself (already classified there). */
export function fromWorkerError(info: OperationErrorInfo): OperationError {
  return OperationError.from(info);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  return `${Math.round(s / 60)} min`;
}

export const USER_VISIBLE_CATEGORIES: readonly ErrorCategory[] = ['file', 'memory', 'parse', 'worker-crash', 'timeout'];
