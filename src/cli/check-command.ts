// `ifc-room-schedule check MODEL --ids FILE`: checks the model against a buildingSMART IDS 1.0 file
// in the IDS check worker (the GUI's path), prints a line per specification and the first failures,
// and writes the report when -o names a file. Exit 0 every applicable requirement passes, 1 some
// fail, 2 the IDS or the model cannot be used; Ctrl-C cancels the check (130).
import { Command, Option } from 'commander';
import * as path from 'path';
import { IdsReport, reportCounts, SpecificationResult } from '../core/ids/ids-report';
import { IDS_REPORT_FORMATS, IdsReportFormat, idsReportJson, writeIdsReport } from '../export/ids-report-output';
import { startIdsCheck } from '../ifc/ids/ids-check-job';
import { CliIO, formatDuration, plural } from './cli-io';
import { reportFormat, reportOutputProblem, runReportCommand } from './report-run';
import { term, terminalSafe } from '../platform/terminal-text';

export interface CheckCommandOptions {
  ids?: string;
  out?: string;
  format?: IdsReportFormat;
  quiet?: boolean;
  verbose?: boolean;
}

export const CHECK_EXIT = { pass: 0, fail: 1, unusable: 2 } as const;

/** Failures listed per specification on the terminal; the report file has all of them. */
const FAILURES_SHOWN = 10;

const CHECK_HELP = `
Checks every specification of a buildingSMART IDS 1.0 file (ids.xsd, all facets: entity,
attribute, property incl. those of the element's type, classification, material, partOf) on every
entity it selects. The IDS is validated against the official schema and the IFC schemas first;
an invalid IDS is refused with the reason, never checked in part.

Output:
  A line per specification (✓ / ✗, applicable and failing entities) and the first failures with
  their reason; -o report.json or -o report.xlsx writes every result (JSON: the report with a
  per-entity list of failures; XLSX: sheets Specifications, Failures, Summary); -o - writes JSON
  to stdout.

Exit status: 0 every applicable requirement passes, 1 some requirement fails, 2 the IDS or the
model cannot be used (or a bad command line, or the report cannot be written), 130 interrupted.

Examples:
  ifc-room-schedule check model.ifc --ids rooms.ids
  ifc-room-schedule check model.ifc --ids rooms.ids -o report.xlsx
`;

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

export function registerCheckCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('Check a model against an IDS file (buildingSMART Information Delivery Specification 1.0).')
    .argument('<model>', 'the IFC file (.ifc or .ifczip)')
    .requiredOption('--ids <file>', 'the IDS file (.ids)')
    .addOption(new Option('-f, --format <format>', "report format (default: from -o's extension, else json)").choices(IDS_REPORT_FORMATS))
    .option('-o, --out <file>', 'write the full report to this file (.json or .xlsx), or - for JSON on stdout')
    .option('-q, --quiet', 'no progress bar and no summary (errors are still printed)')
    .option('--verbose', 'list every failure, print technical detail with errors')
    .addHelpText('after', CHECK_HELP)
    .action(async (model: string, options: CheckCommandOptions) => setExit(await runCheckCommand(model, options, io)));
}
