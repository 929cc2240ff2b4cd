// `ifc-room-schedule plan MODEL` as the user types it: options and help. What it does (the floor
// plan of a storey, or of every storey, as SVG or PNG) is in plan-run.ts, loaded only when plan runs.
import { Command, Option } from 'commander';
import { COLOUR_KEYS, ColourKey, PLAN_ORIENTATIONS, PlanOrientation } from '../core/plan/plan-options';
import { CliIO } from './cli-io';

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
    .action(async (file: string, options: PlanCommandOptions) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runPlanCommand } = require('./plan-run') as typeof import('./plan-run');
      setExit(await runPlanCommand(file, options, io));
    });
}
