// One worker thread as a tracked resource: registered in the resource registry (owned by its
// operation) from creation until the thread has really exited, and watched by the leak tracker so
// a handle still reachable after dispose is reported as retained.
import { TransferListItem, Worker, WorkerOptions } from 'worker_threads';
import { IDisposable, toDisposable } from '../lifecycle/disposable';
import { leakTracker } from '../lifecycle/leak-tracker';
import { resourceRegistry, ResourceRegistration } from '../lifecycle/resource-registry';
import { disposableTimeout } from '../lifecycle/timers';
import { ToWorkerMessage } from './protocol';

type WorkerEventMap = {
  message: (value: unknown) => void;
  error: (error: Error) => void;
  exit: (code: number) => void;
};

export class WorkerHandle implements IDisposable {
  readonly threadId: number;
  readonly createdAt = Date.now();
  private worker: Worker | undefined;
  private code: number | undefined;
  private registration: ResourceRegistration;
  private disposed = false;
  /** Resolves with the exit code once the thread is gone. */
  readonly exited: Promise<number>;
  /** Errors the thread emitted; kept because an 'error' with no listener would crash the main thread. */
  readonly errors: Error[] = [];

  constructor(
    readonly file: string,
    options: WorkerOptions,
    owner: object,
    private label: string,
  ) {
    const worker = new Worker(file, options);
    this.worker = worker;
    this.threadId = worker.threadId;
    leakTracker.watch(this, `WorkerHandle(${label})`);
    this.registration = resourceRegistry.register('worker', label, owner, { threadId: worker.threadId, file });
    // These two listeners are the handle's own and stay until the thread exits: the 'error' one keeps
    // a late error (after the operation disconnected) from becoming an uncaught exception.
    const onError = (e: Error) => {
      this.errors.push(e);
      if (this.errors.length > 5) this.errors.shift();
    };
    this.exited = new Promise<number>((resolve) => {
      const onExit = (code: number) => {
        this.code = code;
        this.registration.dispose();
        worker.off('exit', onExit);
        // 'error' precedes 'exit'; once exited nothing more can arrive.
        worker.off('error', onError);
        if (this.disposed) this.worker = undefined;
        resolve(code);
      };
      worker.on('exit', onExit);
    });
    worker.on('error', onError);
  }

  get alive(): boolean {
    return this.code === undefined;
  }

  get exitCode(): number | undefined {
    return this.code;
  }

  /**
   * Adds a listener on the thread and registers it as a live resource owned by `owner`; disposing
   * the result removes it. Listeners of an operation go through here so none can outlive it unseen.
   */
  on<K extends keyof WorkerEventMap>(event: K, listener: WorkerEventMap[K], owner: object): IDisposable {
    const worker = this.worker;
    if (!worker || !this.alive) return toDisposable(() => undefined, `worker-listener:${event}`);
    worker.on(event, listener);
    const registration = resourceRegistry.register('listener', `${this.label}:worker.on('${event}')`, owner);
    return toDisposable(() => {
      worker.off(event, listener);
      registration.dispose();
    }, `worker-listener:${event}`);
  }

  /**
   * Gives a thread started before its job (a prestarted worker) to the operation that runs it: the
   * registry then names that operation as the owner that must end it.
   */
  handOver(owner: object, label: string): void {
    if (!this.alive) return;
    this.label = label;
    this.registration.dispose();
    this.registration = resourceRegistry.register('worker', label, owner, { threadId: this.threadId, file: this.file });
  }

  /** Posts to the thread; false when it is gone or the port is closed. */
  post(message: ToWorkerMessage, transferList?: readonly TransferListItem[]): boolean {
    if (!this.worker || !this.alive) return false;
    try {
      this.worker.postMessage(message, transferList);
      return true;
    } catch {
      return false;
    }
  }

  /** True when the thread exited within `ms`. */
  waitForExit(ms: number): Promise<boolean> {
    if (!this.alive) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = disposableTimeout(() => resolve(false), ms, `${this.label}:wait-for-exit`, { unref: true });
      void this.exited.then(() => {
        timer.dispose();
        resolve(true);
      });
    });
  }

  /** Asks V8 to stop the thread; completion shows as `exited`. */
  terminate(): void {
    if (!this.worker || !this.alive) return;
    this.worker.terminate().catch(() => undefined);
  }

  /** Drops the reference to the thread once it has exited; a thread still running keeps its registration (a leak the monitor reports). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    leakTracker.markDisposed(this);
    if (!this.alive) this.worker = undefined;
  }
}
