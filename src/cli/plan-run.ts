// What `ifc-room-schedule plan MODEL` does (its options: plan-command.ts): the floor plan of a
// storey (or of every storey) as SVG or PNG, read through the extraction worker like `extract`,
// drawn from the scene the window paints.
import * as fs from 'fs';
import * as path from 'path';
import { buildPlanScene, sceneColouring } from '../core/plan/plan-scene';
import { findStorey, planStoreys, PlanStorey } from '../core/plan/plan-storeys';
import { withoutModelExtension } from '../core/schedule/model-file';
import { svgToPng } from '../export/plan-png';
import { sceneSvg } from '../export/plan-svg';
import { writeFileAtomicSync } from '../platform/atomic-file';
import { CliIO, EXIT, formatDuration, plural } from './cli-io';
import { PlanCommandOptions, PlanFormat } from './plan-command';
import { readModel, runReportCommand } from './report-run';

class UsageError extends Error {}

interface Target {
  /** A file, or a folder that gets one file per storey. */
  kind: 'file' | 'folder';
  path: string;
  format: PlanFormat;
}

function targetOf(options: PlanCommandOptions, cwd: string): Target {
  const out = options.out;
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  const isFolder = !out || out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(path.resolve(cwd, out)) && fs.statSync(path.resolve(cwd, out)).isDirectory());
  if (isFolder) return { kind: 'folder', path: path.resolve(cwd, out ?? '.'), format: options.format ?? 'svg' };
  if (ext !== 'svg' && ext !== 'png') throw new UsageError(`-o ${out}: a plan is written as .svg or .png (or give a folder ending in /).`);
  if (options.format && options.format !== ext) throw new UsageError(`-o ${out} is a .${ext} file but --format says ${options.format}.`);
  return { kind: 'file', path: path.resolve(cwd, out!), format: ext };
}

/** "Ground Floor" → "Ground_Floor": a storey label as part of a file name. */
function fileNamePart(label: string): string {
  return label.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '') || 'storey';
}

function chooseStoreys(storeys: PlanStorey[], options: PlanCommandOptions, target: Target, model: string): PlanStorey[] {
  if (storeys.length === 0) throw new UsageError(`${model} has no rooms (IfcSpace): there is no plan to draw.`);
  if (options.storey) return [findStorey(storeys, options.storey)];
  if (options.all || storeys.length === 1) {
    if (storeys.length > 1 && target.kind === 'file') throw new UsageError(`--all writes ${storeys.length} plans: give a folder (-o plans/), not the file ${path.basename(target.path)}.`);
    return storeys;
  }
  throw new UsageError(`${model} has ${storeys.length} storeys with rooms: ${storeys.map((s) => `“${s.label}”`).join(', ')}. Choose one with --storey NAME, or draw all with --all.`);
}

export async function runPlanCommand(file: string, options: PlanCommandOptions, io: CliIO): Promise<number> {
  let target: Target;
  let width: number | undefined;
  try {
    if (options.storey && options.all) throw new UsageError('--storey and --all exclude each other: one storey, or every storey.');
    target = targetOf(options, io.cwd);
    if (options.width !== undefined) {
      width = Number(options.width);
      if (!Number.isInteger(width) || width < 400 || width > 20000) throw new UsageError(`--width takes a page width in pixels from 400 to 20000, not “${options.width}”.`);
    }
  } catch (e) {
    io.stderr.write(`error: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const started = performance.now();
  const model = path.basename(file);
  return runReportCommand(io, options, 'plan', EXIT.failed, async (run) => {
    const schedule = await readModel(run, file, io.cwd);
    let storeys: PlanStorey[];
    try {
      storeys = chooseStoreys(planStoreys(schedule), options, target, model);
    } catch (e) {
      io.stderr.write(`error: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    const colouring = sceneColouring(schedule, { colourBy: options.colorBy });
    let rooms = 0;
    for (const storey of storeys) {
      run.step = storey.label;
      const scene = buildPlanScene(schedule, storey, { colourBy: options.colorBy, orientation: options.orientation, colouring });
      const svg = sceneSvg(scene, { width });
      const out = target.kind === 'file' ? target.path : path.join(target.path, `${withoutModelExtension(model)}.${fileNamePart(storey.label)}.${target.format}`);
      writeFileAtomicSync(out, target.format === 'png' ? svgToPng(svg) : svg);
      rooms += scene.rooms.length;
      if (!options.quiet) {
        const missing = scene.missing.length ? `; ${plural(scene.missing.length, 'room')} without an outline not drawn: ${scene.missing.map((m) => m.number || m.name).join(', ')}` : '';
        io.stdout.write(`→ ${path.relative(io.cwd, out) || out} (${storey.label}: ${plural(scene.rooms.length, 'room')}${missing})\n`);
      }
    }
    if (!options.quiet) io.stderr.write(`${model}: ${plural(storeys.length, 'plan')}, ${plural(rooms, 'room')} (${formatDuration(performance.now() - started)})\n`);
    return EXIT.ok;
  });
}

