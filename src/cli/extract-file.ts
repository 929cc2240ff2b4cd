// One input file of `extract`: read it through the extraction job (the GUI's path) in the CLI's
// worker, which writes a JSON or CSV file itself (cli-extraction-job.ts); anything else is written
// from here once the schedule is handed back (export-steps.ts). Progress goes to one bar for both.
import * as path from 'path';
import { DisposableStore } from '../core/lifecycle';
import type { OperationRunner } from '../core/operations/operation-runner';
import type { RunningOperation } from '../core/operations/running-operation';
import type { Annotations } from '../core/schedule/model';
import type { ScheduleTemplate } from '../core/schedule/schedule-template';
import type { CsvOptions, CsvTable, ExportFormat } from '../export/export-options';
import { EXPORTER } from '../export/exporter-info';
import type { AnnotatedCopyOutput } from '../ifc/annotated-copy-job';
import type { ExtractionEngine } from '../ifc/extraction-engine';
import { startExtraction } from '../ifc/extraction-job';
import { startExtractionAndExport } from './cli-extraction-job';
import { CLI_EXTRACTION_WORKER_FILE } from './cli-workers';
import type { OutputPlan } from './output-plan';
import { ProgressBar } from './progress-bar';
import { ScheduleSummary, scheduleSummary } from './schedule-summary';

export interface ExtractFileOptions {
  format: ExportFormat;
  tables?: CsvTable[];
  csv: CsvOptions;
  template?: ScheduleTemplate;
  /** Also write a copy of the model with the notes in it here (--write-ifc). */
  writeIfc?: string;
  annotations?: Annotations;
  skipGeometry: boolean;
  /** How the file is read (--engine); the default engine when unset. */
  engine?: ExtractionEngine;
  showProgress: boolean;
  /** Off a terminal, print each phase as a line (--verbose). */
  phaseLines: boolean;
  /** Count what the summary line says (not with --quiet). */
  summary: boolean;
}

export interface ExtractFileResult {
  summary?: ScheduleSummary;
  files: string[];
  annotatedCopy?: AnnotatedCopyOutput;
}

/** What Ctrl-C stops: an operation in a worker, or an export written on this thread. */
export interface Cancellable {
  cancel(reason: 'user'): unknown;
}

/** Tells the caller what is running, so Ctrl-C can cancel it. */
export type TrackOperation = (step: Cancellable | undefined) => void;

async function run<Out>(op: RunningOperation<Out>, bar: ProgressBar | undefined, track: TrackOperation, store: DisposableStore): Promise<Out> {
  track(op);
  if (bar) store.add(op.onDidProgress((p) => bar.update(p)));
  try {
    return await op.result;
  } finally {
    track(undefined);
  }
}

export async function extractFile(runner: OperationRunner, plan: OutputPlan, options: ExtractFileOptions, stdio: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, track: TrackOperation): Promise<ExtractFileResult> {
  const name = path.basename(plan.input);
  const store = new DisposableStore(`cli:extract ${name}`);
  const bar = options.showProgress ? store.add(new ProgressBar(stdio.stderr, name, { phaseLines: options.phaseLines })) : undefined;
  const follow = <Out>(op: RunningOperation<Out>) => run(op, bar, track, store);
  try {
    const input = { path: path.resolve(plan.input), name, skipGeometry: options.skipGeometry, engine: options.engine, appVersion: EXPORTER.version };
    const jobOptions = { onTimeout: 'cancel', workerFile: CLI_EXTRACTION_WORKER_FILE } as const;
    if (plan.outPath !== '-' && !options.writeIfc && (options.format === 'json' || options.format === 'csv')) {
      const request = { format: options.format, outPath: plan.outPath, tables: options.tables, csv: options.csv, template: options.template };
      return await follow(startExtractionAndExport(runner, input, { request, annotations: options.annotations, summary: options.summary }, jobOptions));
    }
    const extraction = startExtraction(runner, input, undefined, jobOptions);
    // Loaded only now that the worker is reading: it needs 60-300 ms before it reads a byte.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const steps = require('./export-steps') as typeof import('./export-steps');
    const schedule = await follow(extraction);
    const summary = options.summary ? scheduleSummary(schedule) : undefined;
    const annotatedCopy = options.writeIfc ? await steps.writeAnnotatedCopy(runner, schedule, path.resolve(plan.input), options.writeIfc, options, follow) : undefined;
    if (plan.outPath === '-') {
      bar?.dispose();
      await steps.writeToStdout(schedule, options, stdio.stdout);
      return { summary, files: [], annotatedCopy };
    }
    return { summary, files: await steps.exportToFiles(runner, schedule, plan, options, follow), annotatedCopy };
  } finally {
    store.dispose();
  }
}
