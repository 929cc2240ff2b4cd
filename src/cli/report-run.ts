// What the one-shot report commands (`diff`, `check`) share: an operation runner, a progress bar
// per operation, Ctrl-C cancelling the operation that runs (the GUI's Cancel path), the report on
// stdout (`-o -`) or in a file, and one ending: a specific message for trouble, every worker gone
// before the exit status is returned.
import * as path from 'path';
import { Disposable, DisposableStore } from '../core/lifecycle';
import { isCancelled, OperationError } from '../core/operations/operation-error';
import { OperationRunner } from '../core/operations/operation-runner';
import { RunningOperation } from '../core/operations/running-operation';
import { toErrorInfo } from '../core/operations/worker-side';
import { RoomSchedule } from '../core/schedule/model';
import { EXPORTER } from '../export/exporter-info';
import { startExtraction } from '../ifc/extraction-job';
import { loadAnnotations } from '../platform/annotation-file';
import { appPaths } from '../platform/paths';
import { CliIO } from './cli-io';
import { InterruptSignal, onInterrupt, SIGNAL_EXIT_CODE } from './interrupt';
import { ProgressBar } from './progress-bar';
import { term } from '../platform/terminal-text';

export interface ReportRunOptions {
  quiet?: boolean;
  verbose?: boolean;
}

export type ReportFormat = 'json' | 'xlsx';

/** The format asked for, else the one -o's extension names, else JSON. */
export function reportFormat(format: ReportFormat | undefined, out: string | undefined): ReportFormat {
  if (format) return format;
  return out && path.extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'json';
}

/** The command-line mistake in a report's output, if any. */
export function reportOutputProblem(format: ReportFormat, out: string | undefined): string | undefined {
  return format === 'xlsx' && out === '-' ? 'XLSX cannot go to stdout: give -o <file>.xlsx.' : undefined;
}

export class ReportRun extends Disposable {
  private readonly runner: OperationRunner;
  private current: Pick<RunningOperation<unknown>, 'cancel'> | undefined;
  interruptedBy: InterruptSignal | undefined;
  /** What is being done, for the error message ("error: <step>: …"); none to print the message alone. */
  step: string | undefined;

  constructor(
    private readonly io: CliIO,
    private readonly options: ReportRunOptions,
  ) {
    super('ReportRun');
    this.runner = this.register(new OperationRunner({ log: io.log, prestarted: io.prestarted }));
    this.register(
      onInterrupt((signal) => {
        // A second Ctrl-C: the user wants out now, whatever is still winding down.
        if (this.interruptedBy) process.exit(SIGNAL_EXIT_CODE[signal]);
        this.interruptedBy = signal;
        this.io.stderr.write(`\nCancelling… (press Ctrl-C again to quit at once)\n`);
        void this.current?.cancel('user');
      }),
    );
  }

  /** Runs the operation `start` begins, with a progress bar named `label` (unless --quiet). */
  async operation<Out>(label: string, start: (runner: OperationRunner) => RunningOperation<Out>): Promise<Out> {
    const store = new DisposableStore(`cli:${label}`);
    try {
      const op = start(this.runner);
      this.current = op;
      if (!this.options.quiet) {
        const bar = store.add(new ProgressBar(this.io.stderr, label, { phaseLines: this.options.verbose === true }));
        store.add(op.onDidProgress((p) => bar.update(p)));
      }
      return await op.result;
    } finally {
      this.current = undefined;
      store.dispose();
    }
  }

  /**
   * Writes the report: JSON to stdout for `-o -`, else to the file `out` (nothing without one).
   * Returns where the summary goes: stderr when stdout holds the report.
   */
  async writeReport(out: string | undefined, json: () => string, writeFile: (target: string) => Promise<string>): Promise<NodeJS.WriteStream> {
    if (out === '-') {
      this.io.stdout.write(json());
      return this.io.stderr;
    }
    if (out) {
      const written = await writeFile(path.resolve(this.io.cwd, out));
      if (!this.options.quiet) this.io.stdout.write(term`→ ${path.relative(this.io.cwd, written) || written}\n`);
    }
    return this.io.stdout;
  }

  whenIdle(): Promise<void> {
    return this.runner.whenIdle();
  }
}

/**
 * Runs a report command's `body` and returns its exit status: `troubleCode` with a specific message
 * when something fails, the signal's status after Ctrl-C, and only once every worker is gone, so
 * the process can end by itself.
 */
export async function runReportCommand(io: CliIO, options: ReportRunOptions, command: string, troubleCode: number, body: (run: ReportRun) => Promise<number>): Promise<number> {
  const run = new ReportRun(io, options);
  try {
    return await body(run);
  } catch (e) {
    if (isCancelled(e) && run.interruptedBy) return SIGNAL_EXIT_CODE[run.interruptedBy];
    const info = e instanceof OperationError ? e.toInfo() : toErrorInfo(e);
    io.stderr.write(term`error: ${run.step ? `${run.step}: ` : ''}${info.message}\n  ${info.suggestion}\n`);
    if (options.verbose && info.detail) io.stderr.write(term`  detail: ${info.detail}\n`);
    io.log.error(`${command} failed`, { ...info });
    return troubleCode;
  } finally {
    await run.whenIdle();
    run.dispose();
    if (run.interruptedBy) io.stderr.write(`Cancelled; no report was written.\n`);
  }
}

/** One model through the extraction worker, with the saved notes the app keeps for it (diff, plan). */
export async function readModel(run: ReportRun, file: string, cwd: string): Promise<RoomSchedule> {
  const name = path.basename(file);
  run.step = name;
  const schedule = await run.operation(name, (runner) => startExtraction(runner, { path: path.resolve(cwd, file), name, appVersion: EXPORTER.version }, undefined, { onTimeout: 'cancel' }));
  const { annotations } = loadAnnotations(appPaths().data, schedule.metadata.source.sha256);
  return { ...schedule, annotations };
}
