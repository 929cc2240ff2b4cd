// What `ifc-room-schedule diff OLD NEW` does (its options: diff-command.ts): reads both models
// through the extraction worker (the engine `extract` and the GUI use), compares their rooms and
// writes the report; Ctrl-C cancels the running read.
import * as path from 'path';
import { compareSchedules } from '../core/diff/compare-schedules';
import { changeCounts, hasDifferences, RevisionDiff } from '../core/diff/revision-diff-types';
import { withoutModelExtension } from '../core/schedule/model-file';
import { RoomSchedule } from '../core/schedule/model';
import { diffJson, writeDiffReport } from '../export/diff-output';
import { EXPORTER } from '../export/exporter-info';
import { appPaths } from '../platform/paths';
import { CliIO, formatDuration, plural } from './cli-io';
import { readModel, reportFormat, reportOutputProblem, runReportCommand } from './report-run';
import { term } from '../platform/terminal-text';
import { DIFF_EXIT, DiffCommandOptions } from './diff-command';

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

