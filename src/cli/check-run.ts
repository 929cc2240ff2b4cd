// What `ifc-room-schedule check MODEL --ids FILE` does (its options: check-command.ts): checks the
// model against a buildingSMART IDS 1.0 file in the IDS check worker (the GUI's path), prints a
// line per specification and the first failures, and writes the report when -o names a file;
// Ctrl-C cancels the check.
import * as path from 'path';
import { IdsReport, reportCounts, SpecificationResult } from '../core/ids/ids-report';
import { idsReportJson, writeIdsReport } from '../export/ids-report-output';
import { startIdsCheck } from '../ifc/ids/ids-check-job';
import { CliIO, formatDuration, plural } from './cli-io';
import { reportFormat, reportOutputProblem, runReportCommand } from './report-run';
import { term, terminalSafe } from '../platform/terminal-text';
import { CHECK_EXIT, CheckCommandOptions } from './check-command';

/** Failures listed per specification on the terminal; the report file has all of them. */
const FAILURES_SHOWN = 10;

function entityLabel(r: SpecificationResult['results'][number]): string {
  const e = r.entity;
  const names = [e.name, e.longName].filter((n): n is string => !!n).map((n) => `'${n}'`).join(' ');
  return `${e.ifcClass} #${e.expressId}${names ? ` ${names}` : ''}${e.globalId ? ` (${e.globalId})` : ''}`;
}

function specificationLines(s: SpecificationResult, all: boolean): string[] {
  const mark = s.status === 'pass' ? '✓' : '✗';
  const counts = s.applicableCount === 0 ? 'no applicable entity' : `${s.applicableCount} applicable${s.failedCount ? `, ${s.failedCount} fail` : ''}`;
  const lines = [`  ${mark} ${s.name}: ${counts}${s.status === 'fail' && s.applicableCount === 0 ? ` (${s.reason})` : ''}${s.note ? ` [${s.note}]` : ''}`];
  const failed = s.results.filter((r) => !r.passed);
  for (const r of all ? failed : failed.slice(0, FAILURES_SHOWN)) lines.push(`      ${entityLabel(r)}: ${r.reasons.join('; ')}`);
  if (!all && failed.length > FAILURES_SHOWN) lines.push(`      … and ${failed.length - FAILURES_SHOWN} more (all of them in the report: -o report.xlsx)`);
  return lines;
}

export function checkSummary(report: IdsReport, all: boolean): string {
  const c = reportCounts(report);
  const head = `${report.model.fileName} (${report.model.schema}) against "${report.ids.title}": ${plural(c.specifications, 'specification')}, ${c.passed} pass, ${c.failed} fail${c.failedEntities ? `; ${plural(c.failedEntities, 'entity', 'entities')} fail` : ''}`;
  return [head, ...report.specifications.flatMap((s) => specificationLines(s, all))].join('\n') + '\n';
}

export async function runCheckCommand(model: string, options: CheckCommandOptions, io: CliIO): Promise<number> {
  if (!options.ids) {
    io.stderr.write('error: give the IDS file to check against: --ids <file.ids>\n');
    return CHECK_EXIT.unusable;
  }
  const format = reportFormat(options.format, options.out);
  const problem = reportOutputProblem(format, options.out);
  if (problem) {
    io.stderr.write(term`error: ${problem}\n`);
    return CHECK_EXIT.unusable;
  }
  const started = performance.now();
  const modelPath = path.resolve(io.cwd, model);
  const idsPath = path.resolve(io.cwd, options.ids);
  return runReportCommand(io, options, 'check', CHECK_EXIT.unusable, async (run) => {
    const report = await run.operation(path.basename(modelPath), (runner) => startIdsCheck(runner, { modelPath, idsPath }, { onTimeout: 'cancel' }));
    const summaryStream = await run.writeReport(options.out, () => idsReportJson(report), (target) => writeIdsReport(report, format, target));
    for (const w of report.warnings) io.stderr.write(`warning: ${terminalSafe(w)}\n`);
    // Several lines: each made terminal-safe on its own.
    if (!options.quiet) summaryStream.write(`${checkSummary(report, options.verbose === true).split('\n').map(terminalSafe).join('\n')}(${formatDuration(performance.now() - started)})\n`);
    return report.status === 'pass' ? CHECK_EXIT.pass : CHECK_EXIT.fail;
  });
}

