// A UI controller's hold on the one operation it started (a load, an export): the operation and the
// controller's subscriptions to it. The runner alone owns the operation — it disposes it once its
// worker is gone — so the slot never disposes it: dropping the slot only drops the subscriptions.
import { Disposable, DisposableStore, MutableDisposable } from '../../core/lifecycle';
import type { CleanupRecord } from '../../core/operations/cleanup-history';
import type { CancelReason } from '../../core/operations/operation-types';
import type { RunningOperation } from '../../core/operations/running-operation';

export class OperationSlot<Out> extends Disposable {
  private op: RunningOperation<Out> | undefined;
  private readonly subscriptions = this.register(new MutableDisposable<DisposableStore>());

  constructor(private readonly label: string) {
    super(`OperationSlot(${label})`);
  }

  get current(): RunningOperation<Out> | undefined {
    return this.op;
  }

  get isRunning(): boolean {
    return this.op !== undefined;
  }

  /** Holds `op` (an operation held before is let go, not cancelled); returns the store for its subscriptions. */
  hold(op: RunningOperation<Out>): DisposableStore {
    this.op = op;
    const store = new DisposableStore(`${this.label}.subscriptions`);
    this.subscriptions.value = store;
    return store;
  }

  /** Lets go of `op` if it is the one held; false when another one took its place meanwhile. */
  release(op: RunningOperation<Out>): boolean {
    if (this.op !== op) return false;
    this.op = undefined;
    this.subscriptions.clear();
    return true;
  }

  /** Cancels the held operation and lets go of it at once; resolves when its worker is gone. */
  cancel(reason: CancelReason = 'user'): Promise<CleanupRecord> | undefined {
    const op = this.op;
    if (!op) return undefined;
    const done = op.cancel(reason);
    this.release(op);
    return done;
  }

  override dispose(): void {
    this.op = undefined;
    super.dispose();
  }
}
