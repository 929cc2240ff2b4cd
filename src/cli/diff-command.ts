// `ifc-room-schedule diff OLD NEW`: reads both models through the extraction worker (the engine
// `extract` and the GUI use), compares their rooms and writes the report. Exit statuses follow
// diff(1): 0 no differences, 1 differences, 2 trouble; Ctrl-C cancels the running read (130).
import { Command, Option } from 'commander';
import * as path from 'path';
import { compareSchedules } from '../core/diff/compare-schedules';
import { changeCounts, hasDifferences, RevisionDiff } from '../core/diff/revision-diff-types';
import { withoutModelExtension } from '../core/schedule/model-file';
import { RoomSchedule } from '../core/schedule/model';
import { diffJson, DiffFormat, DIFF_FORMATS, writeDiffReport } from '../export/diff-output';
import { EXPORTER } from '../export/exporter-info';
import { appPaths } from '../platform/paths';
import { CliIO, formatDuration, plural } from './cli-io';
import { readModel, reportFormat, reportOutputProblem, runReportCommand } from './report-run';
import { term } from '../platform/terminal-text';

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

function parseTolerance(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new Error(`--tolerance takes a percentage of 0 or more, like 0.5 or 2, not “${text}”.`);
  return value;
}

function summary(diff: RevisionDiff): string {
  const { header: h } = diff;
  return `${h.old.file} → ${h.new.file}: ${plural(h.old.rooms, 'room')} → ${h.new.rooms}; ${changeCounts(diff)}. ${h.match.explanation}`;
}

export async function runDiffCommand(oldFile: string, newFile: string, options: DiffCommandOptions, io: CliIO): Promise<number> {
  let tolerancePercent: number | undefined;
  const format = reportFormat(options.format, options.out);
  try {
    tolerancePercent = parseTolerance(options.tolerance);
    const problem = reportOutputProblem(format, options.out);
    if (problem) throw new Error(problem);
  } catch (e) {
    io.stderr.write(term`error: ${(e as Error).message}\n`);
    return DIFF_EXIT.trouble;
  }
  const started = performance.now();
  return runReportCommand(io, options, 'diff', DIFF_EXIT.trouble, async (run) => {
    const before = await readModel(run, oldFile, io.cwd);
    const after = await readModel(run, newFile, io.cwd);
    run.step = 'report';
    const diff = compareSchedules(before, after, { tolerancePercent });
    const out = options.out ?? (format === 'xlsx' ? `${withoutModelExtension(path.basename(oldFile))}-vs-${withoutModelExtension(path.basename(newFile))}.diff.xlsx` : '-');
    const summaryStream = await run.writeReport(out, () => diffJson(diff), (target) => writeDiffReport(diff, format, target));
    if (!options.quiet) summaryStream.write(term`${summary(diff)} (${formatDuration(performance.now() - started)})\n`);
    return hasDifferences(diff) ? DIFF_EXIT.different : DIFF_EXIT.same;
  });
}

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
    .action(async (oldFile: string, newFile: string, options: DiffCommandOptions) => setExit(await runDiffCommand(oldFile, newFile, options, io)));
}
