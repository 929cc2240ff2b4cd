import { ErrorCategory, OperationErrorInfo } from './protocol';

/** An error that carries what the user should read; thrown in workers and in the main thread alike. */
export class OperationError extends Error implements OperationErrorInfo {
  readonly category: ErrorCategory;
  readonly suggestion: string;
  readonly detail?: string;
  readonly code?: string;

  constructor(info: OperationErrorInfo) {
    super(info.message);
    this.name = 'OperationError';
    this.category = info.category;
    this.suggestion = info.suggestion;
    this.detail = info.detail;
    this.code = info.code;
  }

  toInfo(): OperationErrorInfo {
    return { category: this.category, message: this.message, suggestion: this.suggestion, detail: this.detail, code: this.code };
  }

  static from(info: OperationErrorInfo): OperationError {
    return new OperationError(info);
  }
}

/** A cancellation is not a failure: callers check for it and show "cancelled", not an error. */
export class CancelledError extends OperationError {
  constructor(what = 'The operation') {
    super({ category: 'cancelled', code: 'cancelled', message: `${what} was cancelled.`, suggestion: 'Start it again when you are ready.' });
    this.name = 'CancelledError';
  }
}

export function isCancelled(e: unknown): boolean {
  return e instanceof OperationError && e.category === 'cancelled';
}
