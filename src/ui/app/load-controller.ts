// Opening a model, from the user's side: start the extraction operation, show its progress in the
// status bar, and end in exactly one of loaded / failed / cancelled. Cancel flips the UI to ready
// at once (the operation's result rejects synchronously); the worker's shutdown goes on behind and
// lands in the cleanup history. A timeout asks, without blocking: wait longer, cancel or retry.
import * as fs from 'fs';
import * as path from 'path';
import { Disposable, Emitter, Event, MutableDisposable } from '../../core/lifecycle';
import { OperationRunner } from '../../core/operations/operation-runner';
import { PrestartedWorker } from '../../core/operations/prestarted-worker';
import { isCancelled, OperationError } from '../../core/operations/operation-error';
import { OperationErrorInfo, OperationProgress } from '../../core/operations/protocol';
import { RoomSchedule } from '../../core/schedule/model';
import { RoomsPreview } from '../../core/schedule/room-preview';
import { DEFAULT_ENGINE, ExtractionEngine } from '../../ifc/extraction-engine';
import { EXTRACTION_WORKER_FILE, startExtraction } from '../../ifc/extraction-job';
import { log } from '../../platform/logging';
import { appVersion } from '../../platform/assets';
import { OperationSlot } from './operation-slot';

export type LoadOutcome =
  | { kind: 'loaded'; file: string; schedule: RoomSchedule; ms: number }
  | { kind: 'failed'; file: string; error: OperationErrorInfo }
  | { kind: 'cancelled'; file: string };

export class LoadController extends Disposable {
  /** The running load and our subscriptions to it (the runner owns the operation itself). */
  private readonly current = this.register(new OperationSlot<RoomSchedule>('load'));
  /** The extraction thread started ahead of an open (prepare), until the open takes it or is given up. */
  private readonly ahead = this.register(new MutableDisposable<PrestartedWorker>());
  private currentFile: string | undefined;
  private openedAt: number | undefined;
  private readonly progressed = this.register(new Emitter<OperationProgress>('LoadController.progress'));
  private readonly ended = this.register(new Emitter<LoadOutcome>('LoadController.ended'));
  private readonly timedOut = this.register(new Emitter<{ file: string; elapsedMs: number }>('LoadController.timeout'));
  private readonly previewed = this.register(new Emitter<{ file: string; preview: RoomsPreview }>('LoadController.preview'));
  readonly onDidProgress: Event<OperationProgress> = this.progressed.event;
  /** The running load's rooms, before its schedule is complete (once per load, before onDidEnd). */
  readonly onDidPreview: Event<{ file: string; preview: RoomsPreview }> = this.previewed.event;
  readonly onDidEnd: Event<LoadOutcome> = this.ended.event;
  readonly onDidTimeout: Event<{ file: string; elapsedMs: number }> = this.timedOut.event;

  /** `engine`: how the worker reads the file (the CLI's --engine; the app's too). */
  constructor(
    private readonly runner: OperationRunner,
    readonly engine: ExtractionEngine = DEFAULT_ENGINE,
  ) {
    super('LoadController');
  }

  get isLoading(): boolean {
    return this.current.isRunning;
  }

  get file(): string | undefined {
    return this.currentFile;
  }

  /** performance.now() when the last open was asked for (what "rooms on screen" is timed from). */
  get startedAt(): number | undefined {
    return this.openedAt;
  }

  /**
   * An open is coming (the Open dialog is up): the extraction thread starts now, so its start-up —
   * 100–270 ms before the first progress in the app on the 2-core VM — overlaps the user's choice
   * instead of delaying the rooms. unprepare() ends it if no open comes.
   */
  prepare(): void {
    if (this.ahead.value) return;
    const worker = new PrestartedWorker(EXTRACTION_WORKER_FILE);
    this.ahead.value = worker;
    this.runner.offerPrestarted(worker);
  }

  /** No open came (the dialog was cancelled): the thread started ahead ends. */
  unprepare(): void {
    this.runner.offerPrestarted(undefined);
    this.ahead.clear();
  }

  /** Starts loading `file`; a load already running is cancelled first. */
  open(file: string): void {
    if (this.current.isRunning) void this.cancel();
    const abs = path.resolve(file);
    this.currentFile = abs;
    let size: number | undefined;
    try {
      size = fs.statSync(abs).size;
    } catch {
      size = undefined; // the worker reports the specific error (missing, unreadable)
    }
    const started = performance.now();
    this.openedAt = started;
    const op = startExtraction(this.runner, { path: abs, name: path.basename(abs), appVersion: appVersion(), engine: this.engine }, size);
    // The thread started ahead is this load's now (or, if it did not fit, ends).
    this.unprepare();
    const subs = this.current.hold(op);
    subs.add(
      op.onDidProgress((p) => {
        // How the engine started (code cache used or not, and how long): in the log, for slow starts.
        if (p.phase === 'start-up') log().info(p.message);
        this.progressed.fire(p);
      }),
    );
    subs.add(op.onDidPreview((preview) => this.previewed.fire({ file: abs, preview })));
    subs.add(op.onDidTimeout((t) => this.timedOut.fire({ file: abs, elapsedMs: t.elapsedMs })));
    op.result.then(
      (schedule) => {
        if (!this.current.release(op)) return;
        this.ended.fire({ kind: 'loaded', file: abs, schedule, ms: performance.now() - started });
      },
      (e: unknown) => {
        if (!this.current.release(op)) return;
        if (isCancelled(e)) this.ended.fire({ kind: 'cancelled', file: abs });
        else this.ended.fire({ kind: 'failed', file: abs, error: e instanceof OperationError ? e.toInfo() : { category: 'internal', message: String(e), suggestion: 'Please report this with the log file.' } });
      },
    );
  }

  /** Gives the running load more time after a timeout. */
  waitLonger(ms: number): void {
    this.current.current?.extendTimeout(ms);
  }

  /**
   * Cancels the running load. The outcome 'cancelled' is announced before this returns; the
   * returned promise resolves when the worker has gone (graceful, or forced).
   */
  async cancel(): Promise<void> {
    const file = this.currentFile ?? '';
    // Detaches at once: the UI is ready now, while the worker shuts down behind.
    const done = this.current.cancel('user');
    if (!done) return;
    this.ended.fire({ kind: 'cancelled', file });
    try {
      await done;
    } catch (e) {
      log().warn(`cancel of ${file} ended with an error`, e);
    }
  }
}
