// One operation running in its own worker thread, from the main thread's side. Its promise to the
// UI: cancel() answers at once (state and result flip synchronously), nothing from the worker can
// arrive afterwards, and the worker is gone when the returned promise resolves — or, if it cannot be
// stopped, the leak is logged, counted and recorded.
import { Disposable, DisposableStore, IDisposable } from '../lifecycle/disposable';
import { Emitter, Event } from '../lifecycle/event';
import { leakTracker } from '../lifecycle/leak-tracker';
import { resourceRegistry, ResourceRegistration } from '../lifecycle/resource-registry';
import { disposableTimeout } from '../lifecycle/timers';
import { CleanupHistory, CleanupOutcome, CleanupRecord, CleanupSteps, CleanupTrigger, MemorySample, sampleMemory } from './cleanup-history';
import { classifyError, classifyExit, fromWorkerError, timeoutError } from './error-classification';
import { CancelledError, OperationError } from './operation-error';
import { OperationLog } from './operation-log';
import { CancelReason, OperationEndInfo, OperationOptions, OperationState, OperationTimings } from './operation-types';
import { isFromWorkerMessage, OperationProgress, WorkerMemory } from './protocol';
import { Deadline, timeoutForFileSize } from './timeouts';
import { WorkerHandle } from './worker-handle';
import type { ResourceLimits } from 'worker_threads';

/** What the runner gives each operation. */
export interface OperationHost {
  readonly history: CleanupHistory;
  readonly log: OperationLog;
  readonly timings: OperationTimings;
  ended(op: RunningOperation<unknown>, end: OperationEndInfo): void;
  cleaned(op: RunningOperation<unknown>, record: CleanupRecord): void;
  retry(op: RunningOperation<unknown>): RunningOperation<unknown>;
  /** A thread already started for `file` (PrestartedWorker), if the runner was given one that fits. */
  prestartedWorker(file: string, resourceLimits: ResourceLimits | undefined): WorkerHandle | undefined;
}

let nextOperationId = 1;

export class RunningOperation<Out, Preview = unknown> extends Disposable {
  readonly id = nextOperationId++;
  readonly kind: string;
  readonly label: string;
  readonly startedAt = Date.now();
  /**
   * Settles once: resolves with the worker's result once that worker has exited (see finish), rejects
   * at once with an OperationError (CancelledError when cancelled).
   */
  readonly result: Promise<Out>;
  /** Resolves when the worker is gone (or declared leaked) and the cleanup is recorded, however the operation ended. */
  readonly cleanedUp: Promise<CleanupRecord>;
  readonly timeoutMs: number;

  private currentState: OperationState = 'running';
  private failure: OperationError | undefined;
  private endedAt: number | undefined;
  private latestProgress: OperationProgress | undefined;
  private handle: WorkerHandle | undefined;
  private deadline: Deadline | undefined;
  private workerBlocked = false;
  private hurried = false;
  private pendingMemory: Array<(m: WorkerMemory | undefined) => void> = [];
  /** Slices of the result received so far ('part' messages), by result key. */
  private readonly parts = new Map<string, unknown[]>();
  /** A result that arrived, held until the worker has exited (see finish). */
  private pendingValue: { value: Out } | undefined;
  private resolveResult!: (value: Out) => void;
  private rejectResult!: (error: OperationError) => void;
  private resolveCleaned!: (record: CleanupRecord) => void;
  private readonly registration: ResourceRegistration;
  /** Our listeners on the worker: disposed first thing when the operation ends. */
  private readonly connection: DisposableStore;
  private readonly progressEmitter: Emitter<OperationProgress>;
  private readonly timeoutEmitter: Emitter<{ elapsedMs: number; timeoutMs: number }>;
  /** Typed at onDidPreview: a RunningOperation<Out, P> is then a RunningOperation<Out> to code that ignores previews. */
  private readonly previewEmitter: Emitter<unknown>;
  readonly onDidProgress: Event<OperationProgress>;
  /** What the worker knows before the result (the 'preview' message); never after the operation ended. */
  readonly onDidPreview: Event<Preview>;
  /** The deadline passed; the operation keeps running until the caller extends, cancels or retries. */
  readonly onDidTimeout: Event<{ elapsedMs: number; timeoutMs: number }>;

  constructor(
    readonly options: OperationOptions<unknown>,
    private readonly host: OperationHost,
    owner: object,
  ) {
    super(`RunningOperation(${options.label})`);
    this.kind = options.kind;
    this.label = options.label;
    this.timeoutMs = options.timeoutMs ?? timeoutForFileSize(options.fileSizeBytes);
    this.connection = this.register(new DisposableStore(`RunningOperation(${options.label}).connection`));
    this.progressEmitter = this.register(new Emitter<OperationProgress>(`${options.kind}#${this.id}.onDidProgress`));
    this.timeoutEmitter = this.register(new Emitter<{ elapsedMs: number; timeoutMs: number }>(`${options.kind}#${this.id}.onDidTimeout`));
    this.previewEmitter = this.register(new Emitter<unknown>(`${options.kind}#${this.id}.onDidPreview`));
    this.onDidProgress = this.progressEmitter.event;
    this.onDidPreview = this.previewEmitter.event as Event<Preview>;
    this.onDidTimeout = this.timeoutEmitter.event;
    this.result = new Promise<Out>((resolve, reject) => {
      this.resolveResult = resolve;
      this.rejectResult = reject;
    });
    // Nobody may be listening when a cancel rejects the result: that must not be an unhandledRejection.
    this.result.catch(() => undefined);
    this.cleanedUp = new Promise((resolve) => (this.resolveCleaned = resolve));
    this.registration = resourceRegistry.register('operation', options.label, owner, { id: this.id, kind: options.kind });
  }

  get state(): OperationState {
    return this.currentState;
  }

  get error(): OperationError | undefined {
    return this.failure;
  }

  get lastProgress(): OperationProgress | undefined {
    return this.latestProgress;
  }

  get durationMs(): number {
    return (this.endedAt ?? Date.now()) - this.startedAt;
  }

  /** Whether the operation's worker thread is still running (it may outlive the operation's end briefly). */
  get workerRunning(): boolean {
    return this.handle?.alive ?? false;
  }

  get threadId(): number | undefined {
    return this.handle?.threadId;
  }

  /** @internal Called by the runner once it tracks the operation. */
  launch(): void {
    const { options } = this;
    try {
      this.handle = this.takePrestarted() ?? new WorkerHandle(options.workerFile, { workerData: options.input, resourceLimits: options.resourceLimits, transferList: options.transferList as never }, this, `${options.kind}#${this.id}`);
    } catch (e) {
      this.finish('failed', 'error', classifyError(e, { label: this.label, origin: 'uncaught' }));
      return;
    }
    const h = this.handle;
    leakTracker.setParent(h, this);
    this.connection.add(h.on('message', (m) => this.onMessage(m), this));
    this.connection.add(h.on('error', (e) => this.finish('failed', 'error', classifyError(e, { label: this.label, origin: 'uncaught' })), this));
    this.connection.add(h.on('exit', (code) => this.finish('failed', 'error', classifyExit(code, { label: this.label })), this));
    this.deadline = this.connection.add(new Deadline(this.timeoutMs, (e) => this.onDeadline(e), `${options.kind}#${this.id}`, this));
  }

  /** A prestarted thread for this operation's file, given its job; undefined when there is none that fits. */
  private takePrestarted(): WorkerHandle | undefined {
    const { options } = this;
    const h = this.host.prestartedWorker(options.workerFile, options.resourceLimits);
    if (!h) return undefined;
    h.handOver(this, `${options.kind}#${this.id}`);
    if (h.post({ type: 'input', input: options.input }, options.transferList)) return h;
    // Its port is closed: the thread is on its way out; a thread of our own does the job.
    h.terminate();
    void h.exited.then(() => h.dispose());
    return undefined;
  }

  /**
   * Stops the operation. At once: the state flips, the result rejects and no further progress or
   * result can arrive. The returned promise resolves when the worker is gone.
   */
  cancel(reason: CancelReason = 'user'): Promise<CleanupRecord> {
    if (this.currentState !== 'running') return this.cleanedUp;
    const error = reason === 'timeout' ? timeoutError(this.durationMs, this.deadline?.totalMs ?? this.timeoutMs, { label: this.label }) : new CancelledError(this.label);
    this.finish(reason === 'timeout' ? 'timed-out' : 'cancelled', reason === 'user' ? 'cancel' : reason, error, undefined, true);
    return this.cleanedUp;
  }

  /** "Wait longer": moves the deadline `ms` later (from now, if it already passed). */
  extendTimeout(ms: number): void {
    if (this.currentState === 'running') this.deadline?.extend(ms);
  }

  /** Starts the same operation again (a new worker, a new id). */
  retry(): RunningOperation<Out, Preview> {
    return this.host.retry(this as RunningOperation<unknown>) as RunningOperation<Out, Preview>;
  }

  /** The worker's heap (and WASM) use; undefined when it has ended, is inside a blocking call, or does not answer in time. */
  queryWorkerMemory(timeoutMs = this.host.timings.memoryQueryMs): Promise<WorkerMemory | undefined> {
    const h = this.handle;
    if (this.currentState !== 'running' || !h?.alive || this.workerBlocked) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let timer: IDisposable | undefined;
      const answer = (m: WorkerMemory | undefined) => {
        timer?.dispose();
        this.pendingMemory = this.pendingMemory.filter((a) => a !== answer);
        resolve(m);
      };
      this.pendingMemory.push(answer);
      timer = disposableTimeout(() => answer(undefined), timeoutMs, `${this.kind}#${this.id}:memory-query`, { owner: this, unref: true });
      if (!h.post({ type: 'memory?' })) answer(undefined);
    });
  }

  /**
   * @internal For "free memory": an operation that ended but whose worker is still winding down
   * (finishing its graceful exit) is terminated now.
   */
  hurryCleanup(): Promise<CleanupRecord> {
    if (this.currentState !== 'running' && this.handle?.alive) {
      this.hurried = true;
      this.handle.terminate();
    }
    return this.cleanedUp;
  }

  override dispose(): void {
    if (this.currentState === 'running') void this.cancel('dispose');
    super.dispose();
  }

  private onMessage(m: unknown): void {
    if (!isFromWorkerMessage(m)) return;
    switch (m.type) {
      case 'progress':
        this.latestProgress = m.progress;
        this.progressEmitter.fire(m.progress);
        break;
      case 'preview':
        this.previewEmitter.fire(m.preview);
        break;
      case 'part': {
        const list = this.parts.get(m.key) ?? [];
        for (const item of m.items) list.push(item);
        this.parts.set(m.key, list);
        // Acknowledge on the next turn, not now: Node keeps delivering messages that arrive while it
        // is still handling one, so an immediate ack let the worker's next slices land in this same
        // turn — one long stall again. After setImmediate, timers and Qt's events run in between.
        setImmediate(() => {
          if (this.currentState === 'running') this.handle?.post({ type: 'part-ack' });
        });
        break;
      }
      case 'result': {
        const result = m.result as Out;
        if (this.parts.size && result && typeof result === 'object') for (const [key, items] of this.parts) (result as Record<string, unknown>)[key] = items;
        this.parts.clear();
        this.finish('succeeded', 'finish', undefined, result);
        break;
      }
      case 'error':
        this.finish(m.error.category === 'cancelled' ? 'cancelled' : 'failed', 'error', fromWorkerError(m.error));
        break;
      case 'memory':
        this.pendingMemory[0]?.(m.memory);
        break;
      case 'blocking':
        this.workerBlocked = m.blocking;
        break;
      case 'shutdown-ack':
        break;
    }
  }

  private onDeadline(e: { elapsedMs: number; timeoutMs: number }): void {
    this.host.log.warn(`"${this.label}" passed its timeout`, { operationId: this.id, ...e });
    this.timeoutEmitter.fire(e);
    if (this.options.onTimeout === 'cancel') void this.cancel('timeout');
  }

  /** The one place an operation ends: disconnect, settle the result, tell the runner, then clean up. */
  private finish(state: Exclude<OperationState, 'running'>, trigger: CleanupTrigger, error?: OperationError, value?: Out, stopWorker = false): void {
    if (this.currentState !== 'running') return;
    const memoryBefore = sampleMemory();
    const at = new Date();
    const steps = new CleanupSteps();
    if (stopWorker) steps.add('mark-cancelled', state);
    this.currentState = state;
    this.endedAt = at.getTime();
    this.failure = error;
    steps.timeSync('disconnect-listeners', () => {
      const n = this.connection.size;
      this.connection.dispose();
      this.progressEmitter.dispose();
      this.previewEmitter.dispose();
      this.timeoutEmitter.dispose();
      for (const answer of [...this.pendingMemory]) answer(undefined);
      return `${n} removed`;
    });
    // A failure is told at once (cancel must feel instant); a result waits until the worker is gone
    // (cleanUp): a worker's teardown hands its heap back to the OS — hundreds of MB of WASM memory
    // after a large model — and while the kernel unmaps it, the UI thread's own allocations wait on the
    // same memory-map lock. Measured on the 202 MB model: showing the 806 rooms took 28–68 ms with
    // the teardown running beside it, 9 ms after it. The wait is the teardown itself (or at most the
    // graceful exit time), and the UI's event loop runs meanwhile.
    if (error) this.rejectResult(error);
    else this.pendingValue = { value: value as Out };
    try {
      this.host.ended(this as RunningOperation<unknown>, { id: this.id, kind: this.kind, label: this.label, outcome: state, error: error?.toInfo(), durationMs: this.durationMs, endedAt: at.toISOString() });
    } catch (e) {
      this.host.log.error('an onDidEnd listener threw', { error: String(e) });
    }
    void this.cleanUp(at, trigger, steps, memoryBefore, stopWorker);
  }

  private async cleanUp(at: Date, trigger: CleanupTrigger, steps: CleanupSteps, memoryBefore: MemorySample, stopWorker: boolean): Promise<void> {
    const started = performance.now();
    const { gracefulShutdownMs, terminateWaitMs, shutdownAckMs } = this.host.timings;
    const h = this.handle;
    let outcome: CleanupOutcome = 'clean';
    if (!h) steps.add('await-exit', 'no worker was started');
    else if (!h.alive) steps.add('await-exit', `already exited (code ${h.exitCode})`);
    else if (stopWorker && this.workerBlocked) steps.add('graceful-shutdown', 'skipped: worker is inside a blocking call');
    else if (stopWorker) await steps.time('graceful-shutdown', () => this.requestShutdown(h, shutdownAckMs, gracefulShutdownMs));
    else await steps.time('await-exit', async () => ((await h.waitForExit(gracefulShutdownMs)) ? `exited (code ${h.exitCode})${this.hurried ? ' after terminate (free memory)' : ''}` : 'still running'));
    if (this.hurried) outcome = 'forced';
    this.deliverResult();

    if (h?.alive) {
      outcome = 'forced';
      await steps.time('terminate', async () => {
        h.terminate();
        return (await h.waitForExit(terminateWaitMs)) ? 'terminated' : 'still alive';
      });
      if (h.alive) {
        outcome = 'leak';
        this.host.log.error('resource leak detected: a worker thread survived terminate()', {
          operationId: this.id,
          label: this.label,
          kind: this.kind,
          threadId: h.threadId,
          waitedMs: { gracefulShutdownMs, terminateWaitMs },
          trigger,
        });
      }
    }
    if (steps.failed && outcome === 'clean') outcome = 'error';
    const record: CleanupRecord = {
      at: at.toISOString(),
      operationId: this.id,
      label: this.label,
      kind: this.kind,
      trigger,
      steps: steps.steps,
      durationMs: Math.round((performance.now() - started + sumOf(steps, ['mark-cancelled', 'disconnect-listeners'])) * 100) / 100,
      outcome,
      memoryBefore,
      memoryAfter: sampleMemory(),
    };
    h?.dispose();
    this.registration.dispose();
    this.host.history.record(record);
    try {
      this.host.cleaned(this as RunningOperation<unknown>, record);
    } finally {
      this.resolveCleaned(record);
      this.dispose();
    }
  }

  private deliverResult(): void {
    const pending = this.pendingValue;
    this.pendingValue = undefined;
    if (pending) this.resolveResult(pending.value);
  }

  /** Sends 'shutdown' and waits for the worker to exit by itself; gives up early when it does not even acknowledge. */
  private requestShutdown(h: WorkerHandle, ackMs: number, gracefulMs: number): Promise<string> {
    return new Promise((resolve) => {
      const store = new DisposableStore('shutdown-request');
      let acked = false;
      let done = false;
      const settle = (outcome: string) => {
        if (done) return;
        done = true;
        store.dispose();
        resolve(outcome);
      };
      store.add(h.on('message', (m) => {
        if (isFromWorkerMessage(m) && m.type === 'shutdown-ack') acked = true;
      }, this));
      if (!h.post({ type: 'shutdown' })) return settle('could not post');
      store.add(disposableTimeout(() => acked || settle('no-ack'), ackMs, `${this.kind}#${this.id}:shutdown-ack`, { owner: this, unref: true }));
      store.add(disposableTimeout(() => settle('timeout'), gracefulMs, `${this.kind}#${this.id}:graceful-exit`, { owner: this, unref: true }));
      void h.exited.then(() => settle('exited'));
    });
  }
}

function sumOf(steps: CleanupSteps, names: string[]): number {
  return steps.steps.filter((s) => names.includes(s.name)).reduce((a, s) => a + s.durationMs, 0);
}
