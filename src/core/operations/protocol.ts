// The messages between an operation's controller (main thread) and its worker thread.
// Structured-clone data only: no functions, no class instances.

export type ErrorCategory =
  | 'file' // missing, unreadable, empty, not IFC, unknown schema
  | 'parse' // web-ifc could not read it
  | 'memory' // out of memory (WASM heap or JS heap)
  | 'worker-crash' // the worker died or threw outside our handlers
  | 'timeout'
  | 'cancelled'
  | 'internal'; // a bug of ours

/** An error as the user sees it (message + suggestion) with the technical detail for the log. */
export interface OperationErrorInfo {
  category: ErrorCategory;
  /** One sentence for the user, naming the file or thing concerned. */
  message: string;
  /** What the user can do about it. */
  suggestion: string;
  /** Technical detail for logs and the Diagnostics dialog. */
  detail?: string;
  /** A stable code for tests and scripts, e.g. "file-empty", "schema-unknown". */
  code?: string;
}

export interface OperationProgress {
  /** Machine name of the phase: "read", "parse", "spaces", "boundaries", "relationships", "export"… */
  phase: string;
  /** For the status bar, e.g. "Reading model: 12.5 / 230 MB". */
  message: string;
  done?: number;
  total?: number;
  unit?: 'bytes' | 'items';
  /** Overall completion 0..1 when known. */
  fraction?: number;
}

export interface WorkerMemory {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Bytes of WASM memory the worker holds (web-ifc's heap never shrinks). */
  wasm?: number;
}

/**
 * The workerData of a worker started before its job is known (prestarted-worker.ts): its job comes
 * as the first message, { type: 'input' }, once an operation takes the thread over.
 */
export const AWAITS_INPUT = 'ifc-room-schedule:awaits-input';

export type ToWorkerMessage =
  /** The job of a worker started with AWAITS_INPUT (what workerData holds otherwise). */
  | { type: 'input'; input: unknown }
  /** Ask the worker to stop at its next safe point and exit by itself. */
  | { type: 'shutdown' }
  /** Ask the worker to report its memory (answered with a 'memory' message). */
  | { type: 'memory?' }
  /** The controller has taken in a 'part' message; the worker may send the next one. */
  | { type: 'part-ack' };

export type FromWorkerMessage =
  | { type: 'progress'; progress: OperationProgress }
  | { type: 'result'; result: unknown }
  /**
   * A slice of a large result array (e.g. 100 of 5,000 rooms), sent before 'result' and appended by
   * the controller to `result[key]`. One big message would be deserialised on the UI thread in one
   * go (hundreds of ms for a 200 MB model); slices, each acknowledged before the next is sent, keep
   * every step short so the window stays responsive while the result arrives.
   */
  | { type: 'part'; key: string; items: unknown[] }
  /**
   * What the operation knows before its result (an extraction's rooms once the spaces are read), of
   * the type its job declares (RunningOperation's Preview, WorkerContext.preview): shown at once and
   * replaced by the result. At most once, before 'part' and 'result'.
   */
  | { type: 'preview'; preview: unknown }
  | { type: 'error'; error: OperationErrorInfo }
  | { type: 'memory'; memory: WorkerMemory }
  /** The worker saw the shutdown request and is exiting. */
  | { type: 'shutdown-ack' }
  /**
   * The worker enters (true) or leaves (false) a synchronous call that cannot see messages, such as
   * web-ifc's OpenModel: a graceful shutdown request would wait in vain, so cancel terminates at once.
   */
  | { type: 'blocking'; blocking: boolean; phase?: string };

export function isFromWorkerMessage(m: unknown): m is FromWorkerMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}
