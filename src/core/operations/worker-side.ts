// The worker half of an operation: what a worker entry file uses to receive its job, report
// progress, answer memory queries and honour a graceful shutdown. Only node:worker_threads here:
// worker files must never import @nodegui/* (a second QApplication crashes the process).
import { parentPort, workerData } from 'worker_threads';
import { classifyError } from './error-classification';
import { OperationError } from './operation-error';
import { AWAITS_INPUT, FromWorkerMessage, OperationErrorInfo, OperationProgress, ToWorkerMessage, WorkerMemory } from './protocol';

export interface WorkerContext<In, Preview = never> {
  readonly input: In;
  /** True once the controller asked for a graceful shutdown. Long loops check it between steps. */
  readonly shutdownRequested: boolean;
  /** Throws CancelledError-like OperationError when shutdown was requested: call between phases. */
  throwIfShutdown(): void;
  /** Posts progress, throttled to one message per `minIntervalMs` (default 50 ms) except phase changes. */
  progress(p: OperationProgress): void;
  /** Lets the worker report WASM memory (web-ifc) in its memory answers. */
  setWasmMemoryProbe(probe: () => number | undefined): void;
  /** Yields to the event loop so a pending 'shutdown' message can be seen. */
  yieldToMessages(): Promise<void>;
  /**
   * Runs a synchronous call that cannot see messages (web-ifc OpenModel), telling the controller
   * first: a cancel during it terminates the thread at once instead of waiting for a reply.
   */
  blocking<T>(phase: string, fn: () => T): T;
  /**
   * Sends `items` to the controller in slices of `sliceSize`, each acknowledged before the next, to
   * be set as `result[key]`: the worker then returns its result without that (large) array.
   */
  sendInParts(key: string, items: readonly unknown[], sliceSize: number): Promise<void>;
  /** Tells the controller what is known before the result (see the 'preview' message); once. */
  preview(preview: Preview): void;
}

export type WorkerTask<In, Out, Preview = never> = (ctx: WorkerContext<In, Preview>) => Promise<Out>;

export function toErrorInfo(e: unknown): OperationErrorInfo {
  // One classification for both threads: memory, file and parser errors are recognised here already.
  return classifyError(e, { origin: 'task' }).toInfo();
}

/** Runs `task` as this worker's job. Call once from a worker entry file. */
export function runWorkerTask<In, Out, Preview = never>(task: WorkerTask<In, Out, Preview>, options: { minProgressIntervalMs?: number } = {}): void {
  const port = parentPort;
  if (!port) throw new Error('runWorkerTask must run inside a worker thread');
  const minInterval = options.minProgressIntervalMs ?? 50;
  let shutdown = false;
  let lastProgressAt = 0;
  let lastPhase = '';
  let wasmProbe: () => number | undefined = () => undefined;
  const post = (m: FromWorkerMessage) => port.postMessage(m);
  let partAcked: (() => void) | undefined;
  /** Set while a prestarted worker waits for its job. */
  let begin: ((input: In) => void) | undefined;

  port.on('message', (m: ToWorkerMessage) => {
    if (m?.type === 'input') {
      const start = begin;
      begin = undefined;
      start?.(m.input as In);
    } else if (m?.type === 'shutdown') {
      shutdown = true;
      post({ type: 'shutdown-ack' });
      partAcked?.();
      // Never given a job: nothing to stop but the thread itself.
      if (begin) {
        begin = undefined;
        port.close();
      }
    } else if (m?.type === 'part-ack') {
      partAcked?.();
    } else if (m?.type === 'memory?') {
      const u = process.memoryUsage();
      const memory: WorkerMemory = { heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external, arrayBuffers: u.arrayBuffers, wasm: wasmProbe() };
      post({ type: 'memory', memory });
    }
  });

  const run = (input: In) => {
    const ctx: WorkerContext<In, Preview> = {
      input,
      get shutdownRequested() {
        return shutdown;
      },
      throwIfShutdown() {
        if (shutdown) throw new OperationError({ category: 'cancelled', code: 'cancelled', message: 'Cancelled.', suggestion: '' });
      },
      progress(p) {
        const t = Date.now();
        if (p.phase === lastPhase && t - lastProgressAt < minInterval && p.fraction !== 1) return;
        lastPhase = p.phase;
        lastProgressAt = t;
        post({ type: 'progress', progress: p });
      },
      setWasmMemoryProbe(probe) {
        wasmProbe = probe;
      },
      yieldToMessages() {
        return new Promise((resolve) => setImmediate(resolve));
      },
      async sendInParts(key, items, sliceSize) {
        for (let i = 0; i < items.length; i += sliceSize) {
          ctx.throwIfShutdown();
          const acked = new Promise<void>((resolve) => (partAcked = resolve));
          post({ type: 'part', key, items: items.slice(i, i + sliceSize) });
          // Wait until the controller has taken this slice in; a shutdown request also wakes us.
          await acked;
        }
        partAcked = undefined;
        ctx.throwIfShutdown();
      },
      preview(preview) {
        if (!shutdown) post({ type: 'preview', preview });
      },
      blocking(phase, fn) {
        post({ type: 'blocking', blocking: true, phase });
        try {
          return fn();
        } finally {
          post({ type: 'blocking', blocking: false, phase });
        }
      },
    };

    task(ctx).then(
      (result) => {
        post({ type: 'result', result });
        port.close();
      },
      (e) => {
        post({ type: 'error', error: toErrorInfo(e) });
        port.close();
      },
    );
  };

  // A prestarted worker (prestarted-worker.ts) gets its job as its first message.
  if (workerData === AWAITS_INPUT) begin = run;
  else run(workerData as In);
}
