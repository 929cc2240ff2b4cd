// Starts operations in worker threads and keeps the list of what is running, for the UI (status
// bar, cancel button) and the resource monitor. Disposing the runner cancels everything it started.
import { Disposable } from '../lifecycle/disposable';
import { leakTracker } from '../lifecycle/leak-tracker';
import { Emitter, Event } from '../lifecycle/event';
import { CleanupHistory, cleanupHistory, CleanupRecord } from './cleanup-history';
import { consoleLog, OperationLog } from './operation-log';
import { CancelReason, DEFAULT_TIMINGS, OperationEndInfo, OperationOptions, OperationTimings } from './operation-types';
import { PrestartedWorker } from './prestarted-worker';
import { OperationHost, RunningOperation } from './running-operation';

export { RunningOperation };

export interface OperationRunnerOptions {
  history?: CleanupHistory;
  log?: OperationLog;
  timings?: Partial<OperationTimings>;
  /** How many ended operations `recent()` remembers (plain summaries, for Diagnostics). */
  recentCapacity?: number;
  /** A thread already starting, for the first operation that runs its file (its creator still disposes it). */
  prestarted?: PrestartedWorker;
}

export interface OperationEnd extends OperationEndInfo {
  /** Listeners must not keep it: it is disposed once its worker is gone. */
  operation: RunningOperation<unknown>;
}

export class OperationRunner extends Disposable {
  readonly history: CleanupHistory;
  readonly log: OperationLog;
  readonly timings: OperationTimings;
  /** Running, and ended but still stopping their worker. */
  private readonly live = new Set<RunningOperation<unknown>>();
  private readonly recentEnds: OperationEndInfo[] = [];
  private readonly recentCapacity: number;
  private idleWaiters: Array<() => void> = [];
  private readonly startEmitter = this.register(new Emitter<RunningOperation<unknown>>('OperationRunner.onDidStart'));
  private readonly endEmitter = this.register(new Emitter<OperationEnd>('OperationRunner.onDidEnd'));
  readonly onDidStart: Event<RunningOperation<unknown>> = this.startEmitter.event;
  /** Fires the moment an operation ends (before its worker is necessarily gone). */
  readonly onDidEnd: Event<OperationEnd> = this.endEmitter.event;
  private readonly host: OperationHost;
  private prestarted: PrestartedWorker | undefined;

  constructor(options: OperationRunnerOptions = {}) {
    super('OperationRunner');
    this.history = options.history ?? cleanupHistory;
    this.log = options.log ?? consoleLog;
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.recentCapacity = options.recentCapacity ?? 20;
    this.prestarted = options.prestarted;
    // The host is a separate object so operations never see the runner's private state.
    this.host = {
      history: this.history,
      log: this.log,
      timings: this.timings,
      ended: (op, end) => this.onEnded(op, end),
      cleaned: (op) => this.onCleaned(op),
      retry: (op) => this.start(op.options),
      prestartedWorker: (file, resourceLimits) => this.prestarted?.take(file, resourceLimits),
    };
  }

  start<In, Out, Preview = unknown>(options: OperationOptions<In>): RunningOperation<Out, Preview> {
    if (this.isDisposed) throw new Error('OperationRunner: start() after dispose');
    const op = new RunningOperation<Out, Preview>(options as OperationOptions<unknown>, this.host, this);
    // The runner alone owns its operations (an operation disposes itself once its worker is gone;
    // disposing the runner cancels those still running): controllers only hold subscriptions.
    leakTracker.setParent(op, this);
    this.live.add(op as RunningOperation<unknown>);
    this.startEmitter.fire(op as RunningOperation<unknown>);
    op.launch();
    return op;
  }

  /**
   * A thread already starting, for the next operation that runs its file (undefined: none). Its
   * creator still owns it and disposes it (a no-op once taken).
   */
  offerPrestarted(worker: PrestartedWorker | undefined): void {
    this.prestarted = worker;
  }

  /** Operations still running. */
  active(): RunningOperation<unknown>[] {
    return [...this.live].filter((op) => op.state === 'running');
  }

  /** Operations that ended but whose worker is still being stopped. */
  stopping(): RunningOperation<unknown>[] {
    return [...this.live].filter((op) => op.state !== 'running');
  }

  /** Summaries of the last ended operations, newest last. */
  recent(): readonly OperationEndInfo[] {
    return this.recentEnds;
  }

  /** Forgets the ended-operation summaries ("free memory" resets operation state). */
  resetFinished(): number {
    const n = this.recentEnds.length;
    this.recentEnds.length = 0;
    return n;
  }

  get forcedTerminations(): number {
    return this.history.totals.forced;
  }

  get leaksDetected(): number {
    return this.history.totals.leak;
  }

  cancelAll(reason: CancelReason = 'user'): Promise<CleanupRecord[]> {
    return Promise.all(this.active().map((op) => op.cancel(reason)));
  }

  /**
   * Ended operations whose worker is still winding down get terminated now instead of waiting for
   * their graceful exit (used by "free memory"); resolves once they are cleaned up.
   */
  async stopFinished(): Promise<CleanupRecord[]> {
    return Promise.all(this.stopping().map((op) => op.hurryCleanup()));
  }

  /** Resolves when nothing is running or stopping. */
  whenIdle(): Promise<void> {
    if (this.live.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  override dispose(): void {
    if (this.isDisposed) return;
    for (const op of this.active()) op.dispose();
    super.dispose();
  }

  private onEnded(op: RunningOperation<unknown>, end: OperationEndInfo): void {
    this.recentEnds.push(end);
    if (this.recentEnds.length > this.recentCapacity) this.recentEnds.splice(0, this.recentEnds.length - this.recentCapacity);
    this.endEmitter.fire({ ...end, operation: op });
  }

  private onCleaned(op: RunningOperation<unknown>): void {
    this.live.delete(op);
    if (this.live.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
