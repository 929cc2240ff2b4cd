// --exercise open-close:N | open-cancel:N: the window's own cycles for scripted checks and the GUI
// benchmark. Each cycle goes through the same commands the user presses (Close, Cancel), cancels
// land at seeded random moments of the load, and the RSS figures are taken after GC with the
// warm-up cycles left out (the first workers load the thread runtime and grow malloc arenas).
import { InvalidArgumentError } from 'commander';
import { delay, forceGc, once } from '../../core/lifecycle';
import { seededRandom, settledRss } from '../../core/monitor/settled-memory';
import { log } from '../../platform/logging';
import type { AppController } from './app-controller';
import type { LoadOutcome } from './load-controller';

export type ExerciseKind = 'open-close' | 'open-cancel';

export interface ExerciseSpec {
  kind: ExerciseKind;
  cycles: number;
  /** Unmeasured cycles first (`open-close:20+2`); 8 by default, see WARMUP_CYCLES. */
  warmupCycles?: number;
}

export interface ExerciseResult {
  kind: ExerciseKind;
  cycles: number;
  warmupCycles: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** How the measured cycles' loads ended (a cancel may come after the load already finished). */
  outcomes: Record<LoadOutcome['kind'], number>;
  /** When each cancel was pressed, ms after the open. */
  cancelAtMs: number[];
  /** How long a full load took in the warm-up (the range the cancel moments are drawn from). */
  loadMs: number;
  /** RSS after each measured cycle and a GC: a plateau (malloc arenas filling) or a slope (a leak). */
  rssByCycleMb: number[];
}

// As many as the engine's open→close benchmark: glibc gives each new worker thread's allocations an
// arena of their own, and those fill during the first ~8–10 workers (measured there: +8 MB, then
// +1.3 MB over the next 60 cycles); with 3 warm-up cycles 20 window cycles read +10.8 MB.
const WARMUP_CYCLES = 8;
// open-cancel learns the load's length from its first warm-up cycles, so it needs one at least.
const MIN_WARMUP: Record<ExerciseKind, number> = { 'open-close': 0, 'open-cancel': 1 };
const MB = 1048576;
const round = (x: number) => Math.round(x * 10) / 10;

export function parseExercise(value: string): ExerciseSpec {
  const m = /^(open-close|open-cancel):(\d+)(?:\+(\d+))?$/.exec(value);
  if (!m || Number(m[2]) < 1) throw new InvalidArgumentError(`expected open-close:N or open-cancel:N (N ≥ 1, optionally +W warm-up cycles), got ${value}`);
  const kind = m[1] as ExerciseKind;
  const warmupCycles = m[3] === undefined ? undefined : Number(m[3]);
  if (warmupCycles !== undefined && warmupCycles < MIN_WARMUP[kind]) throw new InvalidArgumentError(`${kind} needs at least ${MIN_WARMUP[kind]} warm-up cycle(s)`);
  return { kind, cycles: Number(m[2]), warmupCycles };
}

function openAndWait(app: AppController, file: string): Promise<LoadOutcome> {
  const ended = once(app.onDidFinishLoad);
  app.open(file);
  return ended;
}

/** Closes the model as the user does (the Close command); a model that is not open needs none. */
function closeIfOpen(app: AppController): void {
  if (app.session && !app.commands.run('close')) throw new Error('--exercise: Close was not enabled with a model open');
}

export async function runExercise(app: AppController, file: string, spec: ExerciseSpec, seed = 20261201): Promise<ExerciseResult> {
  const random = seededRandom(seed);
  const outcomes: ExerciseResult['outcomes'] = { loaded: 0, cancelled: 0, failed: 0 };
  const cancelAtMs: number[] = [];
  let loadMs = 0;

  const cycle = async (measured: boolean): Promise<void> => {
    if (spec.kind === 'open-close') {
      const started = performance.now();
      const o = await openAndWait(app, file);
      if (o.kind !== 'loaded') throw new Error(`--exercise: opening ${file} ${o.kind}`);
      loadMs = Math.max(loadMs, performance.now() - started);
      if (measured) outcomes.loaded++;
      await app.whenIdle();
      closeIfOpen(app);
    } else {
      const ended = once(app.onDidFinishLoad);
      app.open(file);
      const at = Math.round(random() * loadMs);
      await delay(at);
      // Cancel as Esc does; when the load already ended, this cycle is an open→close.
      if (app.loader.isLoading && !app.commands.run('cancel')) throw new Error('--exercise: Cancel was not enabled during a load');
      const o = await ended;
      if (measured) {
        outcomes[o.kind]++;
        cancelAtMs.push(at);
      }
      await app.whenIdle();
      closeIfOpen(app);
    }
    await app.whenIdle();
  };

  // Warm-up: for open-cancel, two full loads first tell how long a warm load takes — the shorter,
  // since the first also writes web-ifc's code cache — and the cancel moments are drawn within it.
  const warmupCycles = spec.warmupCycles ?? WARMUP_CYCLES;
  for (let i = 0; i < warmupCycles; i++) {
    if (spec.kind === 'open-cancel' && i < 2) {
      const started = performance.now();
      await openAndWait(app, file);
      const ms = performance.now() - started;
      loadMs = i === 0 ? ms : Math.min(loadMs, ms);
      await app.whenIdle();
      closeIfOpen(app);
      await app.whenIdle();
    } else await cycle(false);
  }
  const rssBefore = await settledRss();
  const rssByCycleMb: number[] = [];
  for (let i = 0; i < spec.cycles; i++) {
    await cycle(true);
    await forceGc(4);
    rssByCycleMb.push(round(process.memoryUsage().rss / MB));
  }
  await app.whenIdle();
  const rssAfter = await settledRss();
  const result: ExerciseResult = { kind: spec.kind, cycles: spec.cycles, warmupCycles, rssBeforeMb: round(rssBefore / MB), rssAfterMb: round(rssAfter / MB), outcomes, cancelAtMs, loadMs: Math.round(loadMs), rssByCycleMb };
  log().info(`exercise ${JSON.stringify(result)}`);
  return result;
}
