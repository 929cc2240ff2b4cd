// Opening a model, from the user's side: start the extraction operation, show its progress in the
// status bar, and end in exactly one of loaded / failed / cancelled. Cancel flips the UI to ready
// at once (the operation's result rejects synchronously); the worker's shutdown goes on behind and
// lands in the cleanup history. A timeout asks, without blocking: wait longer, cancel or retry.
import * as fs from 'fs';
import * as path from 'path';
import { Disposable, DisposableStore, Emitter, Event, MutableDisposable } from '../../core/lifecycle';
import { OperationRunner, RunningOperation } from '../../core/operations/operation-runner';
import { isCancelled, OperationError } from '../../core/operations/operation-error';
import { OperationErrorInfo, OperationProgress } from '../../core/operations/protocol';
import { RoomSchedule } from '../../core/schedule/model';
import { startExtraction } from '../../ifc/extraction-job';
import { log } from '../../platform/logging';
import { appVersion } from '../../platform/assets';

export type LoadOutcome =
  | { kind: 'loaded'; file: string; schedule: RoomSchedule; ms: number }
  | { kind: 'failed'; file: string; error: OperationErrorInfo }
  | { kind: 'cancelled'; file: string };

export class LoadController extends Disposable {
  private readonly current = this.register(new MutableDisposable<RunningOperation<RoomSchedule>>());
  /** Our subscriptions to the running load's events: dropped with the load. */
  private readonly subscriptions = this.register(new MutableDisposable<DisposableStore>());
  private currentFile: string | undefined;
  private readonly progressed = this.register(new Emitter<OperationProgress>('LoadController.progress'));
  private readonly ended = this.register(new Emitter<LoadOutcome>('LoadController.ended'));
  private readonly timedOut = this.register(new Emitter<{ file: string; elapsedMs: number }>('LoadController.timeout'));
  readonly onDidProgress: Event<OperationProgress> = this.progressed.event;
  readonly onDidEnd: Event<LoadOutcome> = this.ended.event;
  readonly onDidTimeout: Event<{ file: string; elapsedMs: number }> = this.timedOut.event;

  constructor(private readonly runner: OperationRunner) {
    super('LoadController');
  }

  get isLoading(): boolean {
    return this.current.value !== undefined;
  }

  get file(): string | undefined {
    return this.currentFile;
  }

  /** Starts loading `file`; a load already running is cancelled first. */
  open(file: string): void {
    if (this.current.value) void this.cancel();
    const abs = path.resolve(file);
    this.currentFile = abs;
    let size: number | undefined;
    try {
      size = fs.statSync(abs).size;
    } catch {
      size = undefined; // the worker reports the specific error (missing, unreadable)
    }
    const started = performance.now();
    const op = startExtraction(this.runner, { path: abs, name: path.basename(abs), appVersion: appVersion() }, size);
    this.current.value = op;
    const subs = new DisposableStore('load-subscriptions');
    this.subscriptions.value = subs;
    subs.add(
      op.onDidProgress((p) => {
        // How the engine started (code cache used or not, and how long): in the log, for slow starts.
        if (p.phase === 'start-up') log().info(p.message);
        this.progressed.fire(p);
      }),
    );
    subs.add(op.onDidTimeout((t) => this.timedOut.fire({ file: abs, elapsedMs: t.elapsedMs })));
    op.result.then(
      (schedule) => {
        if (this.current.value !== op) return;
        this.finish(op);
        this.ended.fire({ kind: 'loaded', file: abs, schedule, ms: performance.now() - started });
      },
      (e: unknown) => {
        if (this.current.value !== op) return;
        this.finish(op);
        if (isCancelled(e)) this.ended.fire({ kind: 'cancelled', file: abs });
        else this.ended.fire({ kind: 'failed', file: abs, error: e instanceof OperationError ? e.toInfo() : { category: 'internal', message: String(e), suggestion: 'Please report this with the log file.' } });
      },
    );
  }

  /** Gives the running load more time after a timeout. */
  waitLonger(ms: number): void {
    this.current.value?.extendTimeout(ms);
  }

  /**
   * Cancels the running load. The outcome 'cancelled' is announced before this returns; the
   * returned promise resolves when the worker has gone (graceful, or forced).
   */
  async cancel(): Promise<void> {
    const op = this.current.value;
    if (!op) return;
    const file = this.currentFile ?? '';
    const done = op.cancel('user');
    // Detach now: the UI is ready at once, while the worker shuts down behind.
    this.finish(op);
    this.ended.fire({ kind: 'cancelled', file });
    try {
      await done;
    } catch (e) {
      log().warn(`cancel of ${file} ended with an error`, e);
    }
  }

  private finish(op: RunningOperation<RoomSchedule>): void {
    // Drops our subscriptions and our hold on the operation. Disposing an ended operation is harmless:
    // its worker shutdown, if still under way, goes on and is recorded when it completes.
    if (this.current.value === op) {
      this.subscriptions.clear();
      this.current.clear();
    }
  }
}
