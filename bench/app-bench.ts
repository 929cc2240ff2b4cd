// What the user of the desktop app feels, measured on the real app offscreen: whether the window
// keeps answering while a big model loads, how soon the window appears, and what an idle app costs.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ExtractionEngine } from '../src/ifc/extraction-engine';
import type { AppReport } from '../src/ui/app/app-report';
import type { RoomsShownReport } from '../src/ui/app/event-loop-probe';
import { AppChild, AppChildOptions, clockTicksPerSecond, cpuSeconds, startAppChild, tempHome } from './app-process';
import { RAW, spawnTimed } from './cli-bench';
import { median } from './stats';

export interface ResponsivenessMeasurement {
  model: string;
  modelBytes: number;
  outcome: string;
  loadMs: number;
  /** Longest time the GUI thread's event loop could not run while the model loaded. */
  maxStallMs: number;
  p99StallMs: number;
  samples: number;
  /** Stalls of ≥ 40 ms with their moment (ms after the load started), longest first. */
  longest: Array<{ atMs: number; ms: number }>;
}

export interface StartupMeasurement {
  /** Spawn of the process until the app reported its first paint, each run. */
  runsMs: number[];
  medianMs: number;
  /** The same moment as the app measured it (from its own process start), each run. */
  appReportedMs: number[];
}

export interface IdleMeasurement {
  model: string;
  seconds: number;
  cpuPercent: number;
  /** CPU time used over the interval, all threads. */
  cpuMs: number;
  /** /proc's resolution: one clock tick. */
  tickMs: number;
}

const LOADED = /model (loaded|failed|cancelled) \d+ ms after start/;

async function withApp<T>(args: string[], options: AppChildOptions, fn: (app: AppChild) => Promise<T>): Promise<T> {
  const app = startAppChild(args, options);
  try {
    return await fn(app);
  } finally {
    await app.stop();
  }
}

/** Opens `model` in the app and reads the probe's event-loop stall for that load. */
export function measureResponsiveness(model: string, modelBytes: number, loadTimeoutMs: number): Promise<ResponsivenessMeasurement> {
  return withApp([model], {}, async (app) => {
    await app.waitFor(LOADED, loadTimeoutMs);
    const outcome = /model (loaded|failed|cancelled)/.exec(app.output())![1];
    if (outcome !== 'loaded') throw new Error(`the app did not load ${model} (${outcome}); its output:\n${app.output().slice(-3000)}`);
    // The probe reports 250 ms after the outcome was shown (filling and painting the list included).
    await app.waitFor(/event-loop-stall \{/, 10_000);
    const stall = app.reports().find((r) => r.event === 'event-loop-stall');
    if (!stall) throw new Error('the app printed its stall but wrote no report line');
    return {
      model,
      modelBytes,
      outcome,
      loadMs: Number(stall.durationMs),
      maxStallMs: Number(stall.maxStallMs),
      p99StallMs: Number(stall.p99StallMs),
      samples: Number(stall.samples),
      longest: (stall.longest as ResponsivenessMeasurement['longest'] | undefined) ?? [],
    };
  });
}

/** Process start to first painted window, `runs` times, with no model (the window as the user first sees it). */
export async function measureStartup(runs: number): Promise<StartupMeasurement> {
  const runsMs: number[] = [];
  const appReportedMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    await withApp(['--no-sample'], {}, async (app) => {
      const at = await app.waitFor(/first-paint \{/, 60_000);
      runsMs.push(Math.round(at - app.spawnedAt));
      const paint = app.reports().find((r) => r.event === 'first-paint');
      if (paint) appReportedMs.push(Number(paint.msSinceProcessStart));
    });
  }
  return { runsMs, medianMs: median(runsMs), appReportedMs };
}

/** CPU use of the app, all threads, over `seconds` of idling with `model` open. */
export function measureIdle(model: string, seconds: number): Promise<IdleMeasurement> {
  return withApp([model], {}, async (app) => {
    await app.waitFor(LOADED, 120_000);
    // Let the load's after-effects settle (the worker's exit, the first monitor sample, the GC).
    await new Promise((r) => setTimeout(r, 3000));
    const before = cpuSeconds(app.pid);
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const used = cpuSeconds(app.pid) - before;
    const wall = (performance.now() - t0) / 1000;
    return { model, seconds: Math.round(wall * 10) / 10, cpuPercent: Math.round((used / wall) * 10000) / 100, cpuMs: Math.round(used * 1000), tickMs: 1000 / clockTicksPerSecond() };
  });
}

export interface GuiCyclesMeasurement {
  kind: 'open-close' | 'open-cancel';
  model: string;
  cycles: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssGrowthMb: number;
  retained: number;
  undisposedRoots: number;
  orphans: number;
  outcomes: Record<string, number>;
  /** Growth over the second half of the cycles alone (a plateau reads ~0, a leak keeps its slope). */
  secondHalfGrowthMb: number;
}

/**
 * The window's own cycles (--exercise kind:N --report): open → Close or open → Cancel at random
 * moments, through the commands the user presses, RSS after GC with the warm-up left out.
 */
export async function measureGuiCycles(model: string, kind: 'open-close' | 'open-cancel', cycles: number, timeoutMs: number): Promise<GuiCyclesMeasurement> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-gui-cycles-'));
  const file = path.join(dir, 'report.json');
  const app = startAppChild([model, '--exercise', `${kind}:${cycles}`, '--report', file]);
  const timer = setTimeout(() => void app.stop(0), timeoutMs);
  try {
    const exit = await app.exited;
    if (!fs.existsSync(file)) throw new Error(`the app wrote no report (exit ${exit.code ?? exit.signal}); its output:\n${exit.output.slice(-3000)}`);
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as AppReport;
    const e = report.exercise!;
    const v = report.verification;
    return {
      kind,
      model: path.basename(model),
      cycles: e.cycles,
      rssBeforeMb: e.rssBeforeMb,
      rssAfterMb: e.rssAfterMb,
      rssGrowthMb: Math.round((e.rssAfterMb - e.rssBeforeMb) * 10) / 10,
      retained: v.retained.length,
      undisposedRoots: v.undisposedRoots.length,
      orphans: v.orphans.length,
      outcomes: e.outcomes,
      secondHalfGrowthMb: e.rssByCycleMb.length >= 2 ? Math.round((e.rssByCycleMb[e.rssByCycleMb.length - 1] - e.rssByCycleMb[Math.floor(e.rssByCycleMb.length / 2) - 1]) * 10) / 10 : 0,
    };
  } finally {
    clearTimeout(timer);
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface FirstRoomsRun {
  mode: 'raw' | ExtractionEngine;
  /** raw: process start to exit; the app: open request to the rooms' first paint (the preview). */
  firstMs: number;
  /** The app: open request to the complete rooms' first paint. */
  fullMs: number;
  rooms: number;
}

export interface FirstRoomsMeasurement {
  model: string;
  modelBytes: number;
  runs: number;
  /** Medians. */
  rawMs: number;
  fast: { firstMs: number; fullMs: number };
  webIfc: { firstMs: number; fullMs: number };
  /** fast first rooms / raw web-ifc: the figure (goal ≤ 0.3×). */
  firstRatio: number;
  fullRatio: number;
  webIfcFirstRatio: number;
  /** The ratio of each alternation round (its three runs side by side), the spread under load. */
  roundRatios: number[];
  rooms: number;
}

/** Waits past the window's first paint before opening: the app is up, as when the user chooses File → Open. */
const OPEN_AFTER_MS = 2000;
const ROOMS_SHOWN = /rooms-shown \{[^\n]*"complete":true/;

/** One app process: opens `file` with `engine` once its window is up, and reads when the rooms reached the screen. */
async function guiRun(file: string, engine: ExtractionEngine, home: string, timeoutMs: number): Promise<FirstRoomsRun> {
  // The home is shared (its code cache); its report file must hold this run's lines alone.
  fs.rmSync(path.join(home, 'event-loop.jsonl'), { force: true });
  return withApp([file, '--engine', engine, '--open-after', String(OPEN_AFTER_MS)], { home }, async (app) => {
    await app.waitFor(ROOMS_SHOWN, timeoutMs);
    const shown = app.reports().filter((r): r is RoomsShownReport & Record<string, unknown> => r.event === 'rooms-shown');
    const full = shown.find((r) => r.complete);
    if (!full) throw new Error(`the app printed its complete rooms but wrote no report line; its output:\n${app.output().slice(-3000)}`);
    if (full.engine !== engine) throw new Error(`--engine ${engine}: the app read ${path.basename(file)} with ${full.engine}`);
    return { mode: engine, firstMs: shown[0].msSinceOpen, fullMs: full.msSinceOpen, rooms: full.rooms };
  });
}

async function rawRun(file: string): Promise<FirstRoomsRun> {
  const r = await spawnTimed([RAW, file]);
  const rooms = (JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { spaces: number }).spaces;
  return { mode: 'raw', firstMs: r.ms, fullMs: r.ms, rooms };
}

/**
 * Time to the first rooms on screen in the GUI (its window already up; the open request until the
 * room list painted them) with each engine, against raw web-ifc in a process of its own (Init, read,
 * OpenModel). The three alternate, the order rotating each round. One app folder for all runs, with
 * web-ifc's code cache warmed first, as on a user's machine.
 */
export async function measureFirstRooms(file: string, runs: number, onRun?: (r: FirstRoomsRun) => void, timeoutMs = 10 * 60_000): Promise<FirstRoomsMeasurement> {
  const home = tempHome('ifc-rs-first-rooms-');
  const all: FirstRoomsRun[] = [];
  const roundRatios: number[] = [];
  try {
    await guiRun(path.join(__dirname, '..', '..', 'test', 'fixtures', 'ifc', 'real', 'OneZone.ifc'), 'fast', home, timeoutMs);
    const modes: FirstRoomsRun['mode'][] = ['raw', 'fast', 'web-ifc'];
    for (let i = 0; i < runs; i++) {
      const round: FirstRoomsRun[] = [];
      for (let k = 0; k < modes.length; k++) {
        const mode = modes[(k + i) % modes.length];
        const r = mode === 'raw' ? await rawRun(file) : await guiRun(file, mode, home, timeoutMs);
        round.push(r);
        all.push(r);
        onRun?.(r);
      }
      roundRatios.push(round.find((r) => r.mode === 'fast')!.firstMs / round.find((r) => r.mode === 'raw')!.firstMs);
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
  const counts = new Set(all.map((r) => r.rooms));
  if (counts.size !== 1) throw new Error(`raw web-ifc and the app count different rooms in ${path.basename(file)}: ${[...counts].join(', ')}`);
  const of = (mode: FirstRoomsRun['mode']) => all.filter((r) => r.mode === mode);
  const first = (mode: FirstRoomsRun['mode']) => median(of(mode).map((r) => r.firstMs));
  const full = (mode: FirstRoomsRun['mode']) => median(of(mode).map((r) => r.fullMs));
  const rawMs = first('raw');
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    model: path.basename(file),
    modelBytes: fs.statSync(file).size,
    runs,
    rawMs: Math.round(rawMs),
    fast: { firstMs: Math.round(first('fast')), fullMs: Math.round(full('fast')) },
    webIfc: { firstMs: Math.round(first('web-ifc')), fullMs: Math.round(full('web-ifc')) },
    firstRatio: round2(first('fast') / rawMs),
    fullRatio: round2(full('fast') / rawMs),
    webIfcFirstRatio: round2(first('web-ifc') / rawMs),
    roundRatios: roundRatios.map(round2),
    rooms: all[0].rooms,
  };
}
