// `ifc-room-schedule plan MODEL`: the floor plan of a storey (or of every storey) as SVG or PNG,
// read through the extraction worker like `extract`, drawn from the scene the window paints.
import { Command, Option } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { COLOUR_KEYS, ColourKey } from '../core/plan/colour-schemes';
import { buildPlanScene, PLAN_ORIENTATIONS, PlanOrientation, sceneColouring } from '../core/plan/plan-scene';
import { findStorey, planStoreys, PlanStorey } from '../core/plan/plan-storeys';
import { withoutModelExtension } from '../core/schedule/model-file';
import { svgToPng } from '../export/plan-png';
import { sceneSvg } from '../export/plan-svg';
import { writeFileAtomicSync } from '../platform/atomic-file';
import { CliIO, formatDuration, plural } from './cli-io';
import { EXIT } from './extract-command';
import { readModel, runReportCommand } from './report-run';

export const PLAN_FORMATS = ['svg', 'png'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export interface PlanCommandOptions {
  storey?: string;
  all?: boolean;
  colorBy: ColourKey;
  orientation: PlanOrientation;
  format?: PlanFormat;
  out?: string;
  width?: string;
  quiet?: boolean;
  verbose?: boolean;
}

export const PLAN_HELP = `
Storeys:
  --storey takes a storey's name (as in the room list), its label when several share a name
  ("EG (2 of 3)"), or its GlobalId. A model with one storey needs neither --storey nor --all.

Colours (--color-by):
  category    Pset_SpaceCommon.Category (else a Category property, else ObjectType)
  department  Pset_SpaceOccupancyRequirements.OccupancyType, else a Department/Occupancy property
  zone        the IfcZone(s) the room is in
  area        net floor area in up to six bands with round limits from the model's own spread
  findings    quantity findings: unit error, sources that disagree, geometry problem, no area
  notes       rooms with notes saved in the app
  The palette is colour-blind safe (Paul Tol's light scheme); the legend names every colour.

Output:
  -o plan.svg | plan.png   one storey to that file (the extension sets the format)
  -o folder/               one file per storey inside it: <model>.<storey>.svg (or --format png)
  Without -o: the same names in the current folder. Each room of the SVG is a <path> with
  data-global-id="<GlobalId>" and a <title> (number, name, area, storey).

Examples:
  ifc-room-schedule plan model.ifc --storey "Level 1" -o level1.png
  ifc-room-schedule plan model.ifc --all --color-by area -o plans/
`;

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

export function registerPlanCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('plan')
    .description('Draw the floor plan of a storey (or of every storey) as SVG or PNG: rooms coloured by a key, labelled, with legend, north arrow and scale bar.')
    .argument('<file>', 'IFC file to read (.ifc or .ifczip)')
    .option('--storey <name>', 'the storey to draw (name, label or GlobalId)')
    .option('--all', 'draw every storey, one file each (-o names a folder)')
    .addOption(new Option('--color-by <key>', 'what the room colours show').choices(COLOUR_KEYS).default('category'))
    .addOption(new Option('--orientation <how>', 'aligned: the building square to the page; model: model X right; north: true north up').choices(PLAN_ORIENTATIONS).default('aligned'))
    .addOption(new Option('-f, --format <format>', 'file format in a folder (default svg; a file name sets it)').choices(PLAN_FORMATS))
    .option('-o, --out <path>', 'output file (.svg or .png) or folder (see Output below)')
    .option('--width <px>', 'page width in pixels (default 1400; the height follows the plan)')
    .option('-q, --quiet', 'no progress bar and no summary lines (errors are still printed)')
    .option('--verbose', 'print technical detail with errors')
    .addHelpText('after', PLAN_HELP)
    .action(async (file: string, options: PlanCommandOptions) => setExit(await runPlanCommand(file, options, io)));
}
