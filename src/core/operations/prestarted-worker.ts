// A worker thread started before the operation that runs in it is known, so the thread's start-up
// (the thread itself, then its entry file's code) overlaps whatever its caller still has to do. The
// CLI starts the extraction worker this way before it loads and parses its command line: ~50 ms in
// which a thread that takes ~70 ms to start (and ~40 ms more to load the engine's code, on the
// 2-core reference VM) had not even begun. The first operation of the runner it is given to that
// runs the same file takes the thread over (OperationRunnerOptions.prestarted); dispose ends a
// thread nobody took.
import * as path from 'path';
import type { ResourceLimits } from 'worker_threads';
import { Disposable } from '../lifecycle/disposable';
import { AWAITS_INPUT } from './protocol';
import { WorkerHandle } from './worker-handle';

export class PrestartedWorker extends Disposable {
  private handle: WorkerHandle | undefined;
  private readonly exited: Promise<unknown>;

  constructor(readonly file: string) {
    super(`PrestartedWorker(${path.basename(file)})`);
    this.handle = new WorkerHandle(file, { workerData: AWAITS_INPUT }, this, `prestarted ${path.basename(file)}`);
    this.exited = this.handle.exited;
  }

  /**
   * The thread, once, for an operation that runs `file` without resource limits of its own (those
   * are fixed when a thread starts); undefined when it does not fit, was taken, or has died.
   */
  take(file: string, resourceLimits: ResourceLimits | undefined): WorkerHandle | undefined {
    const h = this.handle;
    if (!h || file !== this.file || resourceLimits || !h.alive) return undefined;
    this.handle = undefined;
    return h;
  }

  /** Resolves once a thread nobody took has exited (after dispose); at once when it was taken. */
  whenGone(): Promise<void> {
    return this.handle ? this.exited.then(() => undefined) : Promise.resolve();
  }

  override dispose(): void {
    const h = this.handle;
    if (h) {
      // It holds no job and no file: there is nothing to wind down gracefully.
      h.terminate();
      void h.exited.then(() => h.dispose());
    }
    super.dispose();
  }
}
