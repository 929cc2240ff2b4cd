// What `ifc-room-schedule extract <file...>` does (its options: extract-command.ts): every file in
// turn, a summary line each, a specific message (what went wrong + what to do) for a file that
// fails while the others go on, and Ctrl-C cancelling the running operation the way the GUI's
// Cancel does.
import * as path from 'path';
import { Disposable } from '../core/lifecycle';
import { isCancelled, OperationError } from '../core/operations/operation-error';
import { OperationRunner } from '../core/operations/operation-runner';
import { toErrorInfo } from '../core/operations/worker-side';
import { Annotations } from '../core/schedule/model';
import { ScheduleTemplate } from '../core/schedule/schedule-template';
import { resolveTemplate } from '../export/template-files';
import { appPaths } from '../platform/paths';
import { ExportFormat } from '../export/export-options';
import { readAnnotationsOption } from './annotations-option';
import { term, terminalSafe } from '../platform/terminal-text';
import { CliIO, EXIT, formatDuration, plural } from './cli-io';
import type { ExtractCommandOptions } from './extract-command';
import { Cancellable, extractFile } from './extract-file';
import { InterruptSignal, onInterrupt, SIGNAL_EXIT_CODE } from './interrupt';
import { checkOutputTargets, createOutputFolders, OutputPlan, planOutputs, resolveFormat, UsageError } from './output-plan';

class ExtractRun extends Disposable {
  private readonly runner: OperationRunner;
  private current: Cancellable | undefined;
  private interruptedBy: InterruptSignal | undefined;

  constructor(private readonly io: CliIO) {
    super('ExtractRun');
    this.runner = this.register(new OperationRunner({ log: io.log, prestarted: io.prestarted }));
    this.register(onInterrupt((signal) => this.onSignal(signal)));
  }

  get interrupted(): InterruptSignal | undefined {
    return this.interruptedBy;
  }

  async exportAll(plans: OutputPlan[], options: ExtractCommandOptions, format: ExportFormat, annotations: Annotations | undefined, template: ScheduleTemplate | undefined): Promise<number> {
    const { io } = this;
    // With the export on stdout, the summary lines must stay out of it.
    const report = plans[0]?.outPath === '-' ? io.stderr : io.stdout;
    let failed = 0;
    for (const plan of plans) {
      if (this.interruptedBy) break;
      const name = path.basename(plan.input);
      const started = performance.now();
      try {
        const { summary, files, annotatedCopy } = await extractFile(
          this.runner,
          plan,
          { format, tables: options.table ? [options.table] : undefined, csv: { excel: options.excelCsv, bom: options.bom, separator: options.separator }, template, writeIfc: options.writeIfc ? path.resolve(io.cwd, options.writeIfc) : undefined, annotations, skipGeometry: options.skipGeometry === true, engine: options.engine, showProgress: !options.quiet, phaseLines: options.verbose === true, summary: !options.quiet },
          io,
          (op) => (this.current = op),
        );
        // --quiet prints no summary, so none was counted (validating took 17 ms on the 202 MB model).
        if (!summary) continue;
        const { findings } = summary;
        const outputs = annotatedCopy ? [...files, annotatedCopy.target] : files;
        const written = outputs.length ? ` → ${outputs.map((f) => path.relative(io.cwd, f) || f).join(', ')}` : '';
        if (annotatedCopy) report.write(term`${name}: ${plural(annotatedCopy.rooms, 'room note')} and ${plural(annotatedCopy.surfaces, 'surface note')} written into ${path.basename(annotatedCopy.target)}${annotatedCopy.unmatched ? ` (${annotatedCopy.unmatched} notes are for rooms or surfaces the model does not have)` : ''}\n`);
        report.write(term`${name}: ${plural(summary.spaces, 'space')}, ${plural(summary.boundaries, 'boundary', 'boundaries')}, ${plural(findings.errors, 'error')}, ${plural(findings.warnings, 'warning')}, ${plural(findings.notes, 'note')}, ${formatDuration(performance.now() - started)}${written}\n`);
      } catch (e) {
        if (isCancelled(e) && this.interruptedBy) break;
        failed++;
        this.reportError(name, e, options.verbose === true);
      }
    }
    // Exit only once every worker is gone: no orphan thread, and the process can end by itself.
    await this.runner.whenIdle();
    if (this.interruptedBy) {
      // After SIGHUP there is no terminal to tell.
      if (this.interruptedBy !== 'SIGHUP') io.stderr.write('Cancelled; no partial file was left behind.\n');
      return SIGNAL_EXIT_CODE[this.interruptedBy];
    }
    if (plans.length > 1 && !options.quiet) report.write(term`${plans.length - failed} of ${plans.length} files exported${failed ? `, ${failed} failed` : ''}.\n`);
    return failed > 0 ? EXIT.failed : EXIT.ok;
  }

  private reportError(name: string, e: unknown, verbose: boolean): void {
    const info = e instanceof OperationError ? e.toInfo() : toErrorInfo(e);
    this.io.stderr.write(term`error: ${name}: ${info.message}\n  ${info.suggestion}\n`);
    // A stack trace keeps its lines; each is made safe on its own.
    if (verbose && info.detail) this.io.stderr.write(`  detail: ${info.detail.split('\n').map(terminalSafe).join('\n  ')}\n`);
    this.io.log.error(`extract ${name} failed`, { ...info });
  }

  private onSignal(signal: InterruptSignal): void {
    if (this.interruptedBy) {
      // A second Ctrl-C: the user wants out now, whatever is still winding down.
      process.exit(SIGNAL_EXIT_CODE[signal]);
    }
    this.interruptedBy = signal;
    // After SIGHUP the terminal is gone: writing to it would fail (EIO) instead of cancelling.
    if (signal !== 'SIGHUP') this.io.stderr.write(`\nCancelling… (press Ctrl-C again to quit at once)\n`);
    void this.current?.cancel('user');
  }
}

export async function runExtractCommand(files: string[], options: ExtractCommandOptions, io: CliIO): Promise<number> {
  let plans: OutputPlan[];
  let format: ExportFormat;
  let annotations: Annotations | undefined;
  try {
    format = resolveFormat(options.format, options.out);
    if (options.table && format !== 'csv') throw new UsageError('--table applies to CSV only (add --format csv).');
    if (options.excelCsv && format !== 'csv') throw new UsageError('--excel-csv applies to CSV only (add --format csv).');
    if ((options.bom || options.separator) && format !== 'csv') throw new UsageError('--bom and --separator apply to CSV only (add --format csv).');
    if (options.writeIfc && files.length !== 1) throw new UsageError('--write-ifc writes the copy of one model: give one input file.');
    if (options.writeIfc && !/\.ifc$/i.test(options.writeIfc)) throw new UsageError('--write-ifc needs a file name ending in .ifc (the copy is plain IFC, even from an .ifczip).');
    if (options.writeIfc && path.resolve(io.cwd, options.writeIfc) === path.resolve(io.cwd, files[0])) throw new UsageError('--write-ifc must name a new file: the original model is never overwritten.');
    plans = planOutputs({ inputs: files, format, out: options.out, tables: options.table ? [options.table] : undefined, cwd: io.cwd }, format);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(term`error: ${e.message}\n`);
    return EXIT.usage;
  }
  const annotationsFile = options.annotations ? path.resolve(io.cwd, options.annotations) : undefined;
  try {
    checkOutputTargets(plans, annotationsFile);
  } catch (e) {
    const info = toErrorInfo(e);
    io.stderr.write(term`error: ${info.message}\n  ${info.suggestion}\n`);
    return EXIT.usage;
  }
  let template: ScheduleTemplate | undefined;
  try {
    if (options.template) template = resolveTemplate(options.template, appPaths().config, io.cwd);
    if (annotationsFile) annotations = readAnnotationsOption(annotationsFile);
    createOutputFolders(plans);
  } catch (e) {
    const info = toErrorInfo(e);
    io.stderr.write(term`error: ${info.message}\n  ${info.suggestion}\n`);
    return EXIT.failed;
  }
  const run = new ExtractRun(io);
  try {
    return await run.exportAll(plans, options, format, annotations, template);
  } finally {
    run.dispose();
  }
}
