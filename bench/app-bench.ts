// What the user of the desktop app feels, measured on the real app offscreen: whether the window
// keeps answering while a big model loads, how soon the window appears, and what an idle app costs.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AppReport } from '../src/ui/app/app-report';
import { AppChild, clockTicksPerSecond, cpuSeconds, startAppChild } from './app-process';
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

async function withApp<T>(args: string[], fn: (app: AppChild) => Promise<T>): Promise<T> {
  const app = startAppChild(args);
  try {
    return await fn(app);
  } finally {
    await app.stop();
  }
}

/** Opens `model` in the app and reads the probe's event-loop stall for that load. */
export function measureResponsiveness(model: string, modelBytes: number, loadTimeoutMs: number): Promise<ResponsivenessMeasurement> {
  return withApp([model], async (app) => {
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
    await withApp(['--no-sample'], async (app) => {
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
  return withApp([model], async (app) => {
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
