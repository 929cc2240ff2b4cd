// Measures what the app promises about cancel: the UI hears "cancelled" at once, the worker is gone
// soon after, and memory comes back. Every number is measured on real runs of the worker that
// parses the model; nothing is estimated. Used by the benchmark runner and by the cancel tests.
import * as fs from 'fs';
import * as path from 'path';
import { forceGc, leakTracker, resourceRegistry } from '../src/core/lifecycle';
import { CleanupHistory } from '../src/core/operations/cleanup-history';
import { OperationLog } from '../src/core/operations/operation-log';
import { OperationRunner } from '../src/core/operations/operation-runner';
import { OperationTimings } from '../src/core/operations/operation-types';
import { OperationProgress } from '../src/core/operations/protocol';
import { RunningOperation } from '../src/core/operations/running-operation';
import { runJsonChild } from './child-run';
import { seededRandom, settledRss } from '../src/core/monitor/settled-memory';

export { seededRandom, settledRss };

/** The real extraction worker once it is built; until then the test worker that runs web-ifc's OpenModel. */
export const EXTRACTION_WORKER_FILE = path.join(__dirname, '..', 'src', 'ifc', 'extraction-worker.js');
export const OPEN_MODEL_WORKER_FILE = path.join(__dirname, '..', 'test', 'fixtures', 'workers', 'open-model-worker.js');

export const CYCLES_CHILD = path.join(__dirname, 'cycles-child.js');

export function defaultCancelWorker(): string {
  return fs.existsSync(EXTRACTION_WORKER_FILE) ? EXTRACTION_WORKER_FILE : OPEN_MODEL_WORKER_FILE;
}

export interface Percentiles {
  p50: number;
  max: number;
}

export interface CancelMeasurement {
  uiLatencyMs: Percentiles;
  workerExitMs: Percentiles;
  rssBefore: number;
  rssAfter: number;
  /** Cancels that happened (points where the operation had already finished are retried at an earlier point). */
  cancels: number;
  /** How long one uncancelled run took (the range the cancel points are drawn from). */
  fullRunMs: number;
  /** Cleanup outcomes: how many stopped by themselves (clean) and how many were terminated (forced). */
  outcomes: Record<string, number>;
  /** Each cancel: where it landed (phase), how it ended (clean/forced) and its latencies. */
  samples: Array<CancelTiming & { atMs: number }>;
  workerFile: string;
}

export interface CycleMeasurement {
  rssGrowthMb: number;
  retained: number;
  orphans: number;
  cycles: number;
  rssBefore: number;
  rssAfter: number;
  /** The JS side of the same two moments: heapUsed/heapTotal/external/arrayBuffers, to tell JS growth from native. */
  memoryBefore: NodeJS.MemoryUsage;
  memoryAfter: NodeJS.MemoryUsage;
  workerFile: string;
  /** Where each cancel landed: the worker's last progress phase ("start-up" before any), or "finished". */
  cancelledIn: Record<string, number>;
}

interface CommonOptions {
  modelPath: string;
  workerFile?: string;
  timings?: Partial<OperationTimings>;
}

const quietLog: OperationLog = { info: () => undefined, warn: () => undefined, error: (m, d) => console.error(m, d ?? '') };

export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const p50 = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { p50: round(p50), max: round(sorted[sorted.length - 1]) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function startOpen(runner: OperationRunner, workerFile: string, modelPath: string): RunningOperation<unknown> {
  const input = { path: modelPath, name: path.basename(modelPath) };
  return runner.start<typeof input, unknown>({ kind: 'extract', label: `Reading ${input.name}`, workerFile, input, timeoutMs: 30 * 60_000 });
}

/**
 * forceGc() waits on unref'd timers and cleanup waits are unref'd too, so a plain node script could
 * exit in the middle of a measurement once the last worker is gone: hold the loop open meanwhile.
 */
function keepProcessAlive(): () => void {
  const handle = setInterval(() => undefined, 1000);
  return () => clearInterval(handle);
}

/**
 * Runs `measure` with a runner of its own (quiet; it and its history are disposed after, once every
 * worker is gone) while the process is held alive.
 */
export async function withBenchRunner<T>(timings: Partial<OperationTimings> | undefined, measure: (runner: OperationRunner) => Promise<T>): Promise<T> {
  const history = new CleanupHistory();
  const runner = new OperationRunner({ history, log: quietLog, timings });
  const release = keepProcessAlive();
  try {
    return await measure(runner);
  } finally {
    runner.dispose();
    await runner.whenIdle();
    history.dispose();
    release();
  }
}

/** Settled GC, then RSS: the number "free memory" would show. */

export interface CancelTiming {
  uiLatencyMs: number;
  workerExitMs: number;
  outcome: string;
  /** The last progress phase before the cancel ("parse": inside web-ifc). */
  phase?: string;
}

/**
 * Cancels a running operation and measures: `uiLatencyMs` from the cancel() call until a handler on
 * the result has seen the CancelledError; `workerExitMs` until the worker thread is gone.
 */
export async function timeCancel(op: RunningOperation<unknown>): Promise<CancelTiming> {
  let uiAt = 0;
  const phase = op.lastProgress?.phase;
  const t0 = performance.now();
  const seen = op.result.then(
    () => undefined,
    () => {
      uiAt = performance.now();
    },
  );
  const cleaned = op.cancel();
  await seen;
  const record = await cleaned;
  const goneAt = performance.now();
  return { uiLatencyMs: round(uiAt - t0), workerExitMs: round(goneAt - t0), outcome: record.outcome, phase };
}

export interface RunTiming {
  /** Start to result. */
  totalMs: number;
  /** Start until web-ifc's parse began. */
  parseStartMs: number;
  /** Start until web-ifc's parse was over (the next phase began, or the result came). */
  parseEndMs: number;
}

/** One full uncancelled run, which also loads the worker runtime and web-ifc's code once (as app start-up does). */
async function fullRun(runner: OperationRunner, workerFile: string, modelPath: string): Promise<RunTiming> {
  const t0 = performance.now();
  const op = startOpen(runner, workerFile, modelPath);
  let parseStartMs: number | undefined;
  let parseEndMs: number | undefined;
  const sub = op.onDidProgress((p) => {
    if (p.phase === 'parse') parseStartMs ??= performance.now() - t0;
    else if (parseStartMs !== undefined && parseEndMs === undefined) parseEndMs = performance.now() - t0;
  });
  await op.result;
  const totalMs = performance.now() - t0;
  sub.dispose();
  await op.cleanedUp;
  return { totalMs, parseStartMs: parseStartMs ?? 0, parseEndMs: parseEndMs ?? totalMs };
}

export function waitForPhase(op: RunningOperation<unknown>, phase: string): Promise<OperationProgress | undefined> {
  return new Promise((resolve) => {
    if (op.lastProgress?.phase === phase) return resolve(op.lastProgress);
    const sub = op.onDidProgress((p) => {
      if (p.phase !== phase) return;
      sub.dispose();
      resolve(p);
    });
    void op.result.then(
      () => resolve(undefined),
      () => resolve(undefined),
    );
  });
}

export async function measureCancel(options: CommonOptions & { points: number; seed: number }): Promise<CancelMeasurement> {
  if (options.points < 1) throw new Error('measureCancel: points must be at least 1');
  const workerFile = options.workerFile ?? defaultCancelWorker();
  const random = seededRandom(options.seed);
  return withBenchRunner(options.timings, async (runner) => {
    await fullRun(runner, workerFile, options.modelPath);
    const fullRunMs = (await fullRun(runner, workerFile, options.modelPath)).totalMs;
    const rssBefore = await settledRss();
    const ui: number[] = [];
    const exit: number[] = [];
    const outcomes: Record<string, number> = {};
    const samples: CancelMeasurement['samples'] = [];
    let cancels = 0;
    let attempts = 0;
    while (cancels < options.points && attempts < options.points * 3) {
      attempts++;
      const at = random() * fullRunMs * 0.95;
      const op = startOpen(runner, workerFile, options.modelPath);
      await Promise.race([new Promise((r) => setTimeout(r, at)), op.result.catch(() => undefined)]);
      if (op.state !== 'running') {
        await op.cleanedUp;
        continue;
      }
      const t = await timeCancel(op);
      ui.push(t.uiLatencyMs);
      exit.push(t.workerExitMs);
      outcomes[t.outcome] = (outcomes[t.outcome] ?? 0) + 1;
      samples.push({ ...t, atMs: round(at) });
      cancels++;
    }
    await runner.whenIdle();
    const rssAfter = await settledRss();
    return { uiLatencyMs: percentiles(ui), workerExitMs: percentiles(exit), rssBefore, rssAfter, cancels, fullRunMs: round(fullRunMs), outcomes, samples, workerFile };
  });
}

/**
 * Open → cancel `cycles` times, each cancel at a seeded random point inside the parse, and measure
 * what stays: RSS growth after GC, operations/workers still reachable after dispose, orphans.
 */
export type CycleOptions = CommonOptions & { cycles: number; seed?: number; warmupCycles?: number };

/** measureCycles in a fresh process: the figure then belongs to these cycles alone (child-run.ts). */
export function measureCyclesInFreshProcess(options: CycleOptions): Promise<CycleMeasurement> {
  return runJsonChild<CycleMeasurement>(CYCLES_CHILD, ['cancel', JSON.stringify(options)], `${options.cycles} open→cancel cycles`, { nodeArgs: ['--expose-gc'] });
}

export async function measureCycles(options: CycleOptions): Promise<CycleMeasurement> {
  const workerFile = options.workerFile ?? defaultCancelWorker();
  const random = seededRandom(options.seed ?? 1);
  return withBenchRunner(options.timings, async (runner) => {
    // Warm-up, not measured: the first worker loads the thread runtime and web-ifc's code (~35 MB
    // that stay with the process), and the first threads grow glibc's per-thread malloc arenas —
    // measured with 120 cycles: +8 MB over the first 10, then +6.5 MB up to cycle 60 and +1.3 MB
    // from 60 to 120, a plateau rather than growth per cycle.
    // The faster of two runs sets the range: a run slowed by a busy machine would put cancel points after the end.
    const first = await fullRun(runner, workerFile, options.modelPath);
    const second = await fullRun(runner, workerFile, options.modelPath);
    const timing = first.parseEndMs < second.parseEndMs ? first : second;
    await runCycles(runner, workerFile, options.modelPath, options.warmupCycles ?? 5, timing, random);
    const rssBefore = await settledRss();
    const memoryBefore = process.memoryUsage();
    const checkpoint = leakTracker.checkpoint();
    const phases = await runCycles(runner, workerFile, options.modelPath, options.cycles, timing, random);
    await runner.whenIdle();
    const rssAfter = await settledRss();
    const memoryAfter = process.memoryUsage();
    const retained = (await leakTracker.findRetained(checkpoint)).length;
    const orphans = resourceRegistry.orphans().length;
    const cancelledIn: Record<string, number> = {};
    for (const p of phases) cancelledIn[p] = (cancelledIn[p] ?? 0) + 1;
    return { rssGrowthMb: round((rssAfter - rssBefore) / (1024 * 1024)), retained, orphans, cycles: options.cycles, rssBefore, rssAfter, memoryBefore, memoryAfter, workerFile, cancelledIn };
  });
}

// In a function of its own so that no operation stays referenced from the caller's frame.
async function runCycles(runner: OperationRunner, workerFile: string, modelPath: string, cycles: number, timing: RunTiming, random: () => number): Promise<string[]> {
  const phases: string[] = [];
  const parseMs = Math.max(1, timing.parseEndMs - timing.parseStartMs);
  for (let i = 0; i < cycles; i++) {
    const op = startOpen(runner, workerFile, modelPath);
    // Every other cycle cancels inside web-ifc's parse (the hard case: a synchronous WASM call);
    // the others anywhere from start-up to the end of the parse.
    if (i % 2 === 1) await waitForPhase(op, 'parse');
    const delayMs = random() * (i % 2 === 1 ? parseMs : timing.parseEndMs);
    await Promise.race([new Promise((r) => setTimeout(r, delayMs)), op.result.catch(() => undefined)]);
    phases.push(op.state === 'running' ? op.lastProgress?.phase ?? 'start-up' : 'finished');
    await op.cancel();
    await op.cleanedUp;
  }
  return phases;
}
