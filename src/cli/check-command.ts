// `ifc-room-schedule check MODEL --ids FILE`: checks the model against a buildingSMART IDS 1.0 file
// in the IDS check worker (the GUI's path), prints a line per specification and the first failures,
// and writes the report when -o names a file. Exit 0 every applicable requirement passes, 1 some
// fail, 2 the IDS or the model cannot be used; Ctrl-C cancels the check (130).
import { Command, Option } from 'commander';
import * as path from 'path';
import { IdsReport, reportCounts, SpecificationResult } from '../core/ids/ids-report';
import { Disposable, DisposableStore } from '../core/lifecycle';
import { isCancelled, OperationError } from '../core/operations/operation-error';
import { OperationRunner } from '../core/operations/operation-runner';
import { RunningOperation } from '../core/operations/running-operation';
import { toErrorInfo } from '../core/operations/worker-side';
import { IDS_REPORT_FORMATS, IdsReportFormat, idsReportJson, writeIdsReport } from '../export/ids-report-output';
import { startIdsCheck } from '../ifc/ids/ids-check-job';
import { CliIO, formatDuration, plural } from './cli-io';
import { InterruptSignal, onInterrupt, SIGNAL_EXIT_CODE } from './interrupt';
import { ProgressBar } from './progress-bar';

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

function formatOf(options: CheckCommandOptions): IdsReportFormat {
  if (options.format) return options.format;
  return options.out && path.extname(options.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'json';
}

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

class CheckRun extends Disposable {
  private readonly runner: OperationRunner;
  private current: RunningOperation<IdsReport> | undefined;
  interruptedBy: InterruptSignal | undefined;

  constructor(private readonly io: CliIO) {
    super('CheckRun');
    this.runner = this.register(new OperationRunner({ log: io.log }));
    this.register(
      onInterrupt((signal) => {
        if (this.interruptedBy) process.exit(SIGNAL_EXIT_CODE[signal]);
        this.interruptedBy = signal;
        this.io.stderr.write(`\nCancelling… (press Ctrl-C again to quit at once)\n`);
        void this.current?.cancel('user');
      }),
    );
  }

  async check(modelPath: string, idsPath: string, options: CheckCommandOptions): Promise<IdsReport> {
    const store = new DisposableStore('cli:check');
    try {
      const op = startIdsCheck(this.runner, { modelPath, idsPath }, { onTimeout: 'cancel' });
      this.current = op;
      if (!options.quiet) {
        const bar = store.add(new ProgressBar(this.io.stderr, path.basename(modelPath), { phaseLines: options.verbose === true }));
        store.add(op.onDidProgress((p) => bar.update(p)));
      }
      return await op.result;
    } finally {
      this.current = undefined;
      store.dispose();
    }
  }

  whenIdle(): Promise<void> {
    return this.runner.whenIdle();
  }
}

export async function runCheckCommand(model: string, options: CheckCommandOptions, io: CliIO): Promise<number> {
  if (!options.ids) {
    io.stderr.write('error: give the IDS file to check against: --ids <file.ids>\n');
    return CHECK_EXIT.unusable;
  }
  const format = formatOf(options);
  if (format === 'xlsx' && options.out === '-') {
    io.stderr.write('error: XLSX cannot go to stdout: give -o <file>.xlsx.\n');
    return CHECK_EXIT.unusable;
  }
  const started = performance.now();
  const run = new CheckRun(io);
  try {
    const report = await run.check(path.resolve(io.cwd, model), path.resolve(io.cwd, options.ids), options);
    let summaryStream: NodeJS.WriteStream = io.stdout;
    if (options.out === '-') {
      io.stdout.write(idsReportJson(report));
      summaryStream = io.stderr;
    } else if (options.out) {
      const written = await writeIdsReport(report, format, path.resolve(io.cwd, options.out));
      if (!options.quiet) io.stdout.write(`→ ${path.relative(io.cwd, written) || written}\n`);
    }
    if (!options.quiet) summaryStream.write(`${checkSummary(report, options.verbose === true)}(${formatDuration(performance.now() - started)})\n`);
    return report.status === 'pass' ? CHECK_EXIT.pass : CHECK_EXIT.fail;
  } catch (e) {
    if (isCancelled(e) && run.interruptedBy) return SIGNAL_EXIT_CODE[run.interruptedBy];
    const info = e instanceof OperationError ? e.toInfo() : toErrorInfo(e);
    io.stderr.write(`error: ${info.message}\n  ${info.suggestion}\n`);
    if (options.verbose && info.detail) io.stderr.write(`  detail: ${info.detail}\n`);
    io.log.error('check failed', { ...info });
    return CHECK_EXIT.unusable;
  } finally {
    // Exit only once every worker is gone: no orphan thread, and the process ends by itself.
    await run.whenIdle();
    run.dispose();
    if (run.interruptedBy) io.stderr.write(`Cancelled; no report was written.\n`);
  }
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
