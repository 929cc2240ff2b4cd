// `ifc-room-schedule diff OLD NEW` as the user types it: options, help and exit statuses (diff(1)'s:
// 0 no differences, 1 differences, 2 trouble; Ctrl-C 130). What it does is in diff-run.ts, loaded
// only when diff runs.
import { Command, Option } from 'commander';
import { DiffFormat, DIFF_FORMATS } from '../export/diff-output';
import { CliIO } from './cli-io';

export interface DiffCommandOptions {
  format?: DiffFormat;
  out?: string;
  tolerance?: string;
  quiet?: boolean;
  verbose?: boolean;
}

/** diff(1)'s convention, which scripts already know. */
export const DIFF_EXIT = { same: 0, different: 1, trouble: 2 } as const;

export const DIFF_HELP = `
Rooms are matched by GlobalId. When an exporter has regenerated the GlobalIds (fewer than half in
common), they are matched by number (the IfcSpace Name) plus storey instead; the report's
header.match says which, and why.

Compared for each room: name, long name, storey, zones, every quantity and property value (numbers
that are measurements within --tolerance percent count as equal), the note saved for the room in
the app, and the number of space boundaries per surface type. A room whose own data is unchanged
is not listed.

Output:
  JSON { header, added: [room], removed: [room], changed: [{ globalId, number, name,
  changes: [{ field, old, new }] }] } goes to stdout unless -o names a file; XLSX needs no -o
  (default <old>-vs-<new>.diff.xlsx). A room is { globalId, number, name, storey }.

Exit status (as diff(1)): 0 the rooms are the same, 1 they differ, 2 trouble (bad command line,
a model that cannot be read, a report that cannot be written), 130 interrupted with Ctrl-C.

Examples:
  ifc-room-schedule diff week1.ifc week2.ifc | jq '.changed[].changes'
  ifc-room-schedule diff week1.ifc week2.ifc -o changes.xlsx --tolerance 1
`;

export function registerDiffCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('Compare the rooms of two revisions of a model: which were added, removed or changed, field by field.')
    .argument('<old>', 'the earlier IFC file (.ifc or .ifczip)')
    .argument('<new>', 'the later IFC file')
    .addOption(new Option('-f, --format <format>', "report format (default: from -o's extension, else json)").choices(DIFF_FORMATS))
    .option('-o, --out <file>', 'report file, or - for stdout (default: JSON to stdout)')
    .option('--tolerance <percent>', 'relative tolerance for quantities and measured values, in percent', '0.5')
    .option('-q, --quiet', 'no progress bar and no summary line (errors are still printed)')
    .option('--verbose', 'print technical detail with errors, and each phase as a line when stderr is not a terminal')
    .addHelpText('after', DIFF_HELP)
    .action(async (oldFile: string, newFile: string, options: DiffCommandOptions) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runDiffCommand } = require('./diff-run') as typeof import('./diff-run');
      setExit(await runDiffCommand(oldFile, newFile, options, io));
    });
}
