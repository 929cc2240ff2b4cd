// The shapes shared by the runner and its operations.
import type { ResourceLimits, TransferListItem } from 'worker_threads';
import type { OperationErrorInfo } from './protocol';

export type OperationState = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'timed-out';
export type OperationOutcome = Exclude<OperationState, 'running'>;

/** Why an operation is being stopped; each maps to a cleanup trigger in the history. */
export type CancelReason = 'user' | 'timeout' | 'free-memory' | 'dispose';

export interface OperationOptions<In> {
  /** Machine name, e.g. "extract", "export-xlsx". */
  kind: string;
  /** For the user, e.g. "Reading MultiZoneBuilding.ifc". */
  label: string;
  /** Absolute path of the compiled worker entry file (it calls runWorkerTask). */
  workerFile: string;
  /** Sent as workerData (structured clone). */
  input: In;
  /** Sizes the timeout when `timeoutMs` is not given (see timeouts.ts). */
  fileSizeBytes?: number;
  timeoutMs?: number;
  /** 'notify' (default): emit onDidTimeout and keep running, the caller asks the user; 'cancel': stop as 'timed-out' (headless callers). */
  onTimeout?: 'notify' | 'cancel';
  /** V8 heap limits of the worker: exceeding them ends the operation as a 'memory' error, not a crash of the app. */
  resourceLimits?: ResourceLimits;
  transferList?: readonly TransferListItem[];
}

/** How long each cleanup step may take. Tests use shorter values. */
export interface OperationTimings {
  /**
   * A worker that has not even acknowledged the shutdown request after this long is stuck in a
   * synchronous call (e.g. web-ifc parsing) and cannot see it: terminate instead of waiting.
   * An idle or cooperatively yielding worker acknowledges within a few ms; terminating a 200 MB
   * parse takes 100–300 ms on the 2-core reference machine, so 50 ms keeps cancel under 500 ms.
   * Workers that declare their blocking calls (ctx.blocking) skip even this wait.
   */
  shutdownAckMs: number;
  /** How long an acknowledging (or finished) worker gets to exit by itself. */
  gracefulShutdownMs: number;
  /** How long terminate() gets before the thread counts as leaked. */
  terminateWaitMs: number;
  /** How long a worker gets to answer a memory query. */
  memoryQueryMs: number;
}

export const DEFAULT_TIMINGS: Readonly<OperationTimings> = {
  shutdownAckMs: 50,
  gracefulShutdownMs: 2000,
  terminateWaitMs: 3000,
  memoryQueryMs: 500,
};

export interface OperationEndInfo {
  id: number;
  kind: string;
  label: string;
  outcome: OperationOutcome;
  error?: OperationErrorInfo;
  durationMs: number;
  endedAt: string;
}
