// Each part of the benchmark as one step: measure, then turn the measurement into table rows with
// the goal beside each figure. A step that fails shows as a missed row with its error; the others
// still run, so one broken part never hides the rest of the table.
import * as path from 'path';
import { measureIdle, measureResponsiveness, measureStartup } from './app-bench';
import { measureEngineStart } from './engine-start-bench';
import { measureCancel, measureCyclesInFreshProcess } from './cancel-bench';
import { measureDiff } from './diff-bench';
import { measurePlan } from './plan-bench';
import { measureCli } from './cli-bench';
import { measureExtraction } from './extraction-bench';
import { measureOpenCloseInFreshProcess } from './open-close-bench';
import { GuiCyclesMeasurement, measureFirstRooms, measureGuiCycles } from './app-bench';
import { BenchRow, mb, msText, sizeMb } from './report-table';

export interface BenchPlan {
  mode: 'quick' | 'full';
  /** Models for the extraction figures, smallest first. */
  extractionModels: string[];
  extractionRuns: number;
  /** Models of the end-to-end CLI figures: generated (ArchiCAD- and Revit-based) and real samples. */
  cliModels: { path: string; kind: 'generated' | 'real' }[];
  cliRuns: number;
  /** A small model whose peak RSS is the fixed cost (Node, web-ifc's code and heap) the ratio is read against. */
  baselineModel: string;
  /** The model the app loads while its event loop is watched (≥ 200 MB in a full run). */
  responsivenessModel: string;
  cancelModel: string;
  cancelPoints: number;
  cycleModel: string;
  cancelCycles: number;
  closeCycles: number;
  /** Models of the GUI's time to first rooms on screen against raw web-ifc: generated and a real sample. */
  firstRoomsModels: { path: string; kind: 'generated' | 'real' }[];
  firstRoomsRuns: number;
  /** The model and count of the window's own open→close and open→cancel cycles (--exercise). */
  guiCycleModel: string;
  guiCycles: number;
  startupRuns: number;
  idleModel: string;
  idleSeconds: number;
  seed: number;
}

export interface SectionResult {
  name: string;
  rows: BenchRow[];
  data?: unknown;
  error?: string;
  seconds: number;
}

type Log = (line: string) => void;

const GOALS = { guiFirstRooms: 0.3, cliGenerated: 0.5, cliReal: 0.7, fastRssPerSize: 1.5, ratio: 1.3, roomGeometryShare: 0.15, rssPerSize: 3.5, stallMs: 50, cancelUiMs: 100, workerExitMs: 500, cycleGrowthMb: 20, guiCycleGrowthMb: 10, startupMs: 1500, idlePercent: 0.5 };

async function section(name: string, log: Log, fn: () => Promise<{ rows: BenchRow[]; data: unknown }>): Promise<SectionResult> {
  const started = performance.now();
  log(`${name}…`);
  try {
    const { rows, data } = await fn();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    log(`${name}: done in ${seconds} s`);
    return { name, rows, data, seconds };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log(`${name}: FAILED: ${message}`);
    return { name, rows: [{ area: name, figure: 'measurement', measured: `failed: ${message.split('\n')[0]}`, goal: 'runs', pass: false }], error: message, seconds: Math.round((performance.now() - started) / 100) / 10 };
  }
}

const name = (file: string) => path.basename(file);

const RSS_GOAL_FROM_BYTES = 50e6;

function rssRow(modelBytes: number, ratio: number, measured: string): BenchRow {
  // Below ~50 MB the fixed cost (Node ~45 MB, web-ifc's code and WASM heap ~100 MB) dominates the ratio.
  const applies = modelBytes >= RSS_GOAL_FROM_BYTES;
  const figure = `${sizeMb(modelBytes)}: peak RSS / file size`;
  if (!applies) return { area: 'extraction', figure, measured, goal: `≤ ${GOALS.rssPerSize}× from 50 MB up (fixed ~150 MB dominates below)` };
  return { area: 'extraction', figure, measured, goal: `≤ ${GOALS.rssPerSize}×`, pass: ratio <= GOALS.rssPerSize };
}

export async function extractionSection(plan: BenchPlan, log: Log): Promise<SectionResult[]> {
  const out: SectionResult[] = [];
  let baseline: { bytes: number; peak: number } | undefined;
  out.push(
    await section('extraction', log, async () => {
      const m = await measureExtraction(plan.baselineModel, 1);
      baseline = { bytes: m.modelBytes, peak: m.peakRssBytes };
      const rows: BenchRow[] = [{ area: 'extraction', figure: `fixed cost: peak RSS reading ${name(plan.baselineModel)} (${sizeMb(m.modelBytes)})`, measured: `${mb(m.peakRssBytes)} (${msText(m.extractMs)})`, goal: '' }];
      return { rows, data: m };
    }),
  );
  const aboveBaseline = (bytes: number, peak: number) => (baseline ? `; ${((peak - baseline.peak) / (bytes - baseline.bytes)).toFixed(2)}× above the fixed cost` : '');
  for (const model of plan.extractionModels) {
    out.push(
      await section('extraction', log, async () => {
        const m = await measureExtraction(model, plan.extractionRuns, (r) => log(`  ${r.mode} ${name(model)}: ${msText(r.totalMs)}, peak RSS ${mb(r.peakRssBytes)}`));
        const size = sizeMb(m.modelBytes);
        const rows: BenchRow[] = [
          { area: 'extraction', figure: `${size}: web-ifc OpenModel (raw, in a worker) vs full extraction`, measured: `${msText(m.rawMs)} vs ${msText(m.extractMs)} (OpenModel alone ${msText(m.rawOpenModelMs)}, engine parse ${msText(m.extractParseMs)})`, goal: '', pass: undefined },
          { area: 'extraction', figure: `${size}: without vs with room geometry (bodies measured; the geometry phase alone)`, measured: `${msText(m.withoutRoomGeometryMs)} vs ${msText(m.extractMs)}: ${m.roomGeometryShare >= 0 ? '+' : ''}${(m.roomGeometryShare * 100).toFixed(1)} % (phase ${msText(m.roomGeometryPhaseMs)})`, goal: `≤ +${GOALS.roomGeometryShare * 100} %`, pass: m.roomGeometryShare <= GOALS.roomGeometryShare },
          { area: 'extraction', figure: `${size}: full / raw time ratio`, measured: `${m.ratio.toFixed(2)}×`, goal: `≤ ${GOALS.ratio}×`, pass: m.ratio <= GOALS.ratio },
          { area: 'extraction', figure: `${size}: throughput`, measured: `${m.mbPerSecond} MB/s (${m.spaces} spaces, ${m.boundaries} boundaries)`, goal: '' },
          rssRow(m.modelBytes, m.peakRssPerFileSize, `${m.peakRssPerFileSize.toFixed(2)}× (${mb(m.peakRssBytes)}; raw OpenModel ${mb(m.rawPeakRssBytes)}${aboveBaseline(m.modelBytes, m.peakRssBytes)})`),
        ];
        return { rows, data: m };
      }),
    );
  }
  return out;
}

export function responsivenessSection(plan: BenchPlan, modelBytes: number, log: Log): Promise<SectionResult> {
  return section('responsiveness', log, async () => {
    const m = await measureResponsiveness(plan.responsivenessModel, modelBytes, 30 * 60_000);
    const size = sizeMb(modelBytes);
    const rows: BenchRow[] = [
      { area: 'responsiveness', figure: `GUI event-loop stall while ${size} loads: max`, measured: `${m.maxStallMs.toFixed(1)} ms (load ${msText(m.loadMs)}, ${m.samples} samples)`, goal: `< ${GOALS.stallMs} ms`, pass: m.maxStallMs < GOALS.stallMs },
      { area: 'responsiveness', figure: `GUI event-loop stall while ${size} loads: p99`, measured: `${m.p99StallMs.toFixed(1)} ms`, goal: `< ${GOALS.stallMs} ms`, pass: m.p99StallMs < GOALS.stallMs },
      { area: 'responsiveness', figure: 'stalls ≥ 40 ms: when (s after the load started) and how long', measured: m.longest.length ? m.longest.slice(0, 5).map((x) => `${(x.atMs / 1000).toFixed(1)} s: ${x.ms} ms`).join(', ') : 'none', goal: '' },
    ];
    return { rows, data: m };
  });
}

export function cancelSection(plan: BenchPlan, modelBytes: number, log: Log): Promise<SectionResult> {
  return section('cancel', log, async () => {
    const m = await measureCancel({ modelPath: plan.cancelModel, points: plan.cancelPoints, seed: plan.seed });
    const size = sizeMb(modelBytes);
    const phases = Object.entries(m.samples.reduce<Record<string, number>>((acc, s) => ((acc[s.phase ?? 'start-up'] = (acc[s.phase ?? 'start-up'] ?? 0) + 1), acc), {}))
      .map(([p, n]) => `${n} ${p}`)
      .join(', ');
    const rows: BenchRow[] = [
      { area: 'cancel', figure: `${size}, ${m.cancels} random points (${phases}): UI latency p50 / max`, measured: `${m.uiLatencyMs.p50} / ${m.uiLatencyMs.max} ms`, goal: `< ${GOALS.cancelUiMs} ms`, pass: m.uiLatencyMs.max < GOALS.cancelUiMs },
      { area: 'cancel', figure: `worker exit latency p50 / max (${Object.entries(m.outcomes).map(([k, n]) => `${n} ${k}`).join(', ')})`, measured: `${m.workerExitMs.p50} / ${m.workerExitMs.max} ms`, goal: `< ${GOALS.workerExitMs} ms`, pass: m.workerExitMs.max < GOALS.workerExitMs },
      { area: 'cancel', figure: 'RSS before → after the cancels (settled, GC)', measured: `${mb(m.rssBefore)} → ${mb(m.rssAfter)}`, goal: '' },
    ];
    if (m.cancels < plan.cancelPoints) rows.push({ area: 'cancel', figure: 'cancel points reached', measured: `${m.cancels} of ${plan.cancelPoints}`, goal: `${plan.cancelPoints}`, pass: false });
    return { rows, data: m };
  });
}

export function cyclesSection(plan: BenchPlan, log: Log): Promise<SectionResult> {
  return section('cycles', log, async () => {
    const cancel = await measureCyclesInFreshProcess({ modelPath: plan.cycleModel, cycles: plan.cancelCycles, seed: plan.seed });
    log(`  ${plan.cancelCycles} open→cancel: ${cancel.rssGrowthMb} MB, retained ${cancel.retained}`);
    const close = await measureOpenCloseInFreshProcess(plan.cycleModel, plan.closeCycles);
    log(`  ${plan.closeCycles} open→close: ${close.rssGrowthMb} MB, retained ${close.retained}`);
    const where = Object.entries(cancel.cancelledIn).map(([p, n]) => `${n} ${p}`).join(', ');
    const rows: BenchRow[] = [
      { area: 'cycles', figure: `RSS growth over ${cancel.cycles} open→cancel of ${name(plan.cycleModel)} (${where})`, measured: `${cancel.rssGrowthMb.toFixed(1)} MB (${mb(cancel.rssBefore)} → ${mb(cancel.rssAfter)})`, goal: `< ${GOALS.cycleGrowthMb} MB`, pass: cancel.rssGrowthMb < GOALS.cycleGrowthMb },
      { area: 'cycles', figure: `RSS growth over ${close.cycles} open→close of ${name(plan.cycleModel)}`, measured: `${close.rssGrowthMb.toFixed(1)} MB (${mb(close.rssBefore)} → ${mb(close.rssAfter)}; second half of the cycles ${close.secondHalfGrowthMb.toFixed(1)} MB)`, goal: `< ${GOALS.cycleGrowthMb} MB`, pass: close.rssGrowthMb < GOALS.cycleGrowthMb },
      { area: 'cycles', figure: 'objects retained after dispose + GC (cancel / close cycles)', measured: `${cancel.retained} / ${close.retained} (orphans ${cancel.orphans} / ${close.orphans})`, goal: '0', pass: cancel.retained === 0 && close.retained === 0 && cancel.orphans === 0 && close.orphans === 0 },
    ];
    return { rows, data: { cancel, close } };
  });
}

export function guiCyclesSection(plan: BenchPlan, log: Log): Promise<SectionResult> {
  return section('gui-cycles', log, async () => {
    const close = await measureGuiCycles(plan.guiCycleModel, 'open-close', plan.guiCycles, 15 * 60_000);
    log(`  window: ${plan.guiCycles} open→close: ${close.rssGrowthMb} MB, retained ${close.retained}`);
    const cancel = await measureGuiCycles(plan.guiCycleModel, 'open-cancel', plan.guiCycles, 15 * 60_000);
    log(`  window: ${plan.guiCycles} open→cancel: ${cancel.rssGrowthMb} MB, retained ${cancel.retained}`);
    const row = (m: GuiCyclesMeasurement, what: string): BenchRow => ({
      area: 'gui cycles',
      figure: `RSS growth over ${m.cycles} ${what} of ${m.model} in the window, after warm-up`,
      measured: `${m.rssGrowthMb.toFixed(1)} MB (${m.rssBeforeMb.toFixed(1)} → ${m.rssAfterMb.toFixed(1)} MB; second half of the cycles ${m.secondHalfGrowthMb.toFixed(1)} MB)`,
      goal: `< ${GOALS.guiCycleGrowthMb} MB`,
      pass: m.rssGrowthMb < GOALS.guiCycleGrowthMb,
    });
    const found = (m: GuiCyclesMeasurement) => m.retained + m.undisposedRoots + m.orphans;
    const rows: BenchRow[] = [
      row(close, 'open→Close'),
      row(cancel, `open→Cancel at random moments (${Object.entries(cancel.outcomes).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`).join(', ')})`),
      { area: 'gui cycles', figure: 'retained / undisposed roots / orphans after the window cycles (close; cancel)', measured: `${close.retained} / ${close.undisposedRoots} / ${close.orphans}; ${cancel.retained} / ${cancel.undisposedRoots} / ${cancel.orphans}`, goal: '0', pass: found(close) === 0 && found(cancel) === 0 },
    ];
    return { rows, data: { close, cancel } };
  });
}

export function startupSection(plan: BenchPlan, log: Log): Promise<SectionResult> {
  return section('start-up', log, async () => {
    const m = await measureStartup(plan.startupRuns);
    const engine = await measureEngineStart(plan.startupRuns);
    const rows: BenchRow[] = [
      { area: 'start-up', figure: `process start → first painted window, median of ${plan.startupRuns}`, measured: `${msText(m.medianMs)} (runs ${m.runsMs.join(', ')} ms; app's own clock ${m.appReportedMs.join(', ')} ms)`, goal: `< ${msText(GOALS.startupMs)}`, pass: m.medianMs < GOALS.startupMs },
      {
        area: 'start-up',
        figure: `fresh worker → web-ifc engine ready: plain require vs V8 code cache, median of ${engine.runs}`,
        measured: `${engine.plainMedianMs} ms vs ${engine.cachedMedianMs} ms (${(engine.plainMedianMs / engine.cachedMedianMs).toFixed(2)}× faster; plain ${engine.plainMs.join(', ')}; cached ${engine.cachedMs.join(', ')} ms${engine.cachedStatus.every((x) => x === 'used') ? '' : `; cache ${engine.cachedStatus.join(', ')}`})`,
        goal: '',
      },
    ];
    return { rows, data: { app: m, engine } };
  });
}

export function idleSection(plan: BenchPlan, log: Log): Promise<SectionResult> {
  return section('idle', log, async () => {
    const m = await measureIdle(plan.idleModel, plan.idleSeconds);
    const measured = `${m.cpuPercent.toFixed(2)} % (${m.cpuMs} ms of CPU; one clock tick is ${((m.tickMs / (m.seconds * 1000)) * 100).toFixed(2)} %)`;
    const rows: BenchRow[] = [{ area: 'idle', figure: `CPU of the idle app over ${m.seconds} s with ${name(plan.idleModel)} open`, measured, goal: `< ${GOALS.idlePercent} %`, pass: m.cpuPercent < GOALS.idlePercent }];
    return { rows, data: m };
  });
}

export function diffSection(modelPath: string, modelBytes: number, log: Log): Promise<SectionResult> {
  return section('diff', log, async () => {
    const m = await measureDiff(modelPath);
    const size = sizeMb(modelBytes);
    const growth = m.halfRoomsMs > 0 ? `; half the rooms ${m.halfRoomsMs} ms` : '';
    const rows: BenchRow[] = [
      { area: 'diff', figure: `${size} (${m.rooms} rooms, ${m.changed} changed): compare by GlobalId, whole`, measured: `${m.byGlobalIdMs} ms${growth}`, goal: '' },
      { area: 'diff', figure: `${size}: compare by number + storey (GlobalIds regenerated), whole`, measured: `${m.byNumberAndStoreyMs} ms`, goal: '' },
      { area: 'diff', figure: `${size}: longest slice of the app's sliced compare (UI thread held)`, measured: `${m.longestSliceMs} ms`, goal: `< ${GOALS.stallMs} ms`, pass: m.longestSliceMs < GOALS.stallMs },
    ];
    return { rows, data: m };
  });
}

export function planSection(modelPath: string, modelBytes: number, log: Log): Promise<SectionResult> {
  return section('plan', log, async () => {
    const m = await measurePlan(modelPath);
    const t = (x: { wallMs: number; cpuMs: number }) => `${x.wallMs} ms (CPU ${x.cpuMs} ms)`;
    const size = sizeMb(modelBytes);
    const rows: BenchRow[] = [
      { area: 'plan', figure: `${size} (${m.large.rooms} rooms, ${m.large.storeys} storeys): open on the plan (storeys, colours, first scene, first paint)`, measured: t(m.large.open), goal: `< ${GOALS.stallMs} ms`, pass: m.large.open.wallMs < GOALS.stallMs },
      { area: 'plan', figure: `${size}: storey switch, first visit (scene built), median; slowest`, measured: `${t(m.large.firstVisit)}; ${m.large.firstVisit.maxWallMs} ms`, goal: `< ${GOALS.stallMs} ms`, pass: m.large.firstVisit.wallMs < GOALS.stallMs },
      { area: 'plan', figure: `${size}: storey switch, scene cached, median`, measured: t(m.large.revisit), goal: `< ${GOALS.stallMs} ms`, pass: m.large.revisit.wallMs < GOALS.stallMs },
      { area: 'plan', figure: `800-room storey: zoom (rooms and ${m.office.labels} labels redrawn), median`, measured: t(m.office.zoom), goal: `< ${GOALS.stallMs} ms`, pass: m.office.zoom.wallMs < GOALS.stallMs },
      { area: 'plan', figure: '800-room storey: switch to another 800-room storey, median', measured: t(m.office.storeySwitch), goal: `< ${GOALS.stallMs} ms`, pass: m.office.storeySwitch.wallMs < GOALS.stallMs },
    ];
    return { rows, data: m };
  });
}

/** The CLI end to end (process start to JSON written), fast and web-ifc engines against raw web-ifc; the worst ratio is the figure. */
export function cliSection(plan: BenchPlan, log: Log): Promise<SectionResult> {
  return section('cli', log, async () => {
    const rows: BenchRow[] = [];
    const data = [];
    let worst: { ratio: number; model: string; goal: number } | undefined;
    for (const { path: model, kind } of plan.cliModels) {
      const m = await measureCli(model, plan.cliRuns, (r) => log(`  ${r.mode} ${name(model)}: ${msText(r.ms)}${r.peakRssBytes ? `, peak RSS ${mb(r.peakRssBytes)}` : ''}`));
      data.push(m);
      const size = sizeMb(m.modelBytes);
      const goal = kind === 'generated' ? GOALS.cliGenerated : GOALS.cliReal;
      rows.push(
        { area: 'cli', figure: `${size} ${kind} (${name(model)}): raw web-ifc vs CLI --engine fast vs --engine web-ifc, process start to JSON written`, measured: `${msText(m.rawMs)} vs ${msText(m.fastMs)} vs ${msText(m.webIfcMs)} (${m.spaces} spaces)`, goal: '' },
        { area: 'cli', figure: `${size} ${kind}: CLI fast / raw web-ifc`, measured: `${m.fastRatio.toFixed(2)}× (web-ifc engine ${m.webIfcRatio.toFixed(2)}×)`, goal: `≤ ${goal}×`, pass: m.fastRatio <= goal },
      );
      if (m.fastPeakRssBytes !== null) {
        const perSize = m.fastPeakRssBytes / m.modelBytes;
        const applies = m.modelBytes >= 200e6;
        rows.push({ area: 'cli', figure: `${size}: CLI fast peak RSS / file size`, measured: `${perSize.toFixed(2)}× (${mb(m.fastPeakRssBytes)}; raw web-ifc ${m.rawPeakRssBytes ? mb(m.rawPeakRssBytes) : '?'})`, goal: applies ? `≤ ${GOALS.fastRssPerSize}×` : `≤ ${GOALS.fastRssPerSize}× at 200 MB`, pass: applies ? perSize <= GOALS.fastRssPerSize : undefined });
      }
      const over = m.fastRatio / goal;
      if (!worst || over > worst.ratio / worst.goal) worst = { ratio: m.fastRatio, model: name(model), goal };
    }
    if (worst) rows.push({ area: 'cli', figure: 'CLI fast / raw web-ifc, worst model', measured: `${worst.ratio.toFixed(2)}× (${worst.model})`, goal: `≤ ${worst.goal}×`, pass: worst.ratio <= worst.goal });
    return { rows, data };
  });
}

/** The GUI's first rooms on screen (the preview) and complete rooms against raw web-ifc; the worst ratio is the figure. */
export function firstRoomsSection(plan: BenchPlan, log: Log): Promise<SectionResult> {
  return section('first-rooms', log, async () => {
    const rows: BenchRow[] = [];
    const data = [];
    let worst: { ratio: number; model: string } | undefined;
    for (const { path: model, kind } of plan.firstRoomsModels) {
      const m = await measureFirstRooms(model, plan.firstRoomsRuns, (r) => log(`  ${r.mode} ${name(model)}: ${r.mode === 'raw' ? msText(r.firstMs) : `first rooms ${msText(r.firstMs)}, complete ${msText(r.fullMs)}`}`));
      data.push(m);
      const size = sizeMb(m.modelBytes);
      rows.push(
        {
          area: 'first rooms',
          figure: `${size} ${kind} (${name(model)}, ${m.rooms} rooms): raw web-ifc vs GUI first rooms on screen / complete, --engine fast; web-ifc`,
          measured: `${msText(m.rawMs)} vs ${msText(m.fast.firstMs)} / ${msText(m.fast.fullMs)}; ${msText(m.webIfc.firstMs)} / ${msText(m.webIfc.fullMs)}`,
          goal: '',
        },
        { area: 'first rooms', figure: `${size} ${kind}: GUI first rooms on screen / raw web-ifc (fast; each round ${m.roundRatios.map((x) => x.toFixed(2)).join(', ')})`, measured: `${m.firstRatio.toFixed(2)}× (complete rooms ${m.fullRatio.toFixed(2)}×; web-ifc engine first rooms ${m.webIfcFirstRatio.toFixed(2)}×)`, goal: `≤ ${GOALS.guiFirstRooms}×`, pass: m.firstRatio <= GOALS.guiFirstRooms },
      );
      if (!worst || m.firstRatio > worst.ratio) worst = { ratio: m.firstRatio, model: name(model) };
    }
    if (worst) rows.push({ area: 'first rooms', figure: 'GUI first rooms on screen / raw web-ifc, worst model', measured: `${worst.ratio.toFixed(2)}× (${worst.model})`, goal: `≤ ${GOALS.guiFirstRooms}×`, pass: worst.ratio <= GOALS.guiFirstRooms });
    return { rows, data };
  });
}
