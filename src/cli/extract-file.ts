// One input file of `extract`: read it through the extraction worker (the GUI's path), then export
// it through the export worker, or to stdout for `-o -`. Progress goes to one bar for both steps.
import { ExtractionEngine } from '../ifc/extraction-engine';
import * as path from 'path';
import { DisposableStore } from '../core/lifecycle';
import { OperationRunner } from '../core/operations/operation-runner';
import { RunningOperation } from '../core/operations/running-operation';
import { Annotations, RoomSchedule } from '../core/schedule/model';
import { ScheduleTemplate } from '../core/schedule/schedule-template';
import { mergeAnnotations } from '../export/export-selection';
import { writeCsvTable, csvTableRowCount } from '../export/csv-export';
import { startExport } from '../export/export-job';
import { CsvOptions, CsvTable, ExportFormat, UNATTENDED_EXPORT } from '../export/export-options';
import { ExportSelection } from '../export/export-selection';
import { EXPORTER } from '../export/exporter-info';
import { writeJsonDocument } from '../export/json-export';
import { RowProgress } from '../export/row-progress';
import { streamSink } from '../export/text-sink';
import { AnnotatedCopyOutput, startAnnotatedCopy } from '../ifc/annotated-copy-job';
import { startExtraction } from '../ifc/extraction-job';
import { OutputPlan } from './output-plan';
import { ProgressBar } from './progress-bar';

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
}

export interface ExtractFileResult {
  schedule: RoomSchedule;
  files: string[];
  annotatedCopy?: AnnotatedCopyOutput;
}

/** Tells the caller which operation is running, so Ctrl-C can cancel it. */
export type TrackOperation = (op: RunningOperation<unknown> | undefined) => void;

async function run<Out>(op: RunningOperation<Out>, bar: ProgressBar | undefined, track: TrackOperation, store: DisposableStore): Promise<Out> {
  track(op as RunningOperation<unknown>);
  if (bar) store.add(op.onDidProgress((p) => bar.update(p)));
  try {
    return await op.result;
  } finally {
    track(undefined);
  }
}

async function writeSchedule(schedule: RoomSchedule, options: ExtractFileOptions, stdout: NodeJS.WriteStream): Promise<void> {
  const selection = new ExportSelection(schedule, options.annotations, undefined);
  const sink = streamSink(stdout);
  if (options.format === 'json') {
    await writeJsonDocument(selection, sink, UNATTENDED_EXPORT);
    await sink.write('\n');
    return;
  }
  // planOutputs allows stdout for CSV only with exactly one table.
  const table = options.tables![0];
  await writeCsvTable(selection, selection.scheduleTable(options.template), table, sink, options.csv, new RowProgress(UNATTENDED_EXPORT, csvTableRowCount(selection, table), 'CSV'));
}

async function writeToStdout(schedule: RoomSchedule, options: ExtractFileOptions, stdout: NodeJS.WriteStream): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: that is its choice, not our failure. The
  // pending write rejects with the error; this listener only keeps the 'error' event from being fatal.
  const ignoreClosedPipe = () => undefined;
  stdout.on('error', ignoreClosedPipe);
  try {
    await writeSchedule(schedule, options, stdout);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
  } finally {
    stdout.off('error', ignoreClosedPipe);
  }
}

export async function extractFile(runner: OperationRunner, plan: OutputPlan, options: ExtractFileOptions, stdio: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, track: TrackOperation): Promise<ExtractFileResult> {
  const name = path.basename(plan.input);
  const store = new DisposableStore(`cli:extract ${name}`);
  const bar = options.showProgress ? store.add(new ProgressBar(stdio.stderr, name, { phaseLines: options.phaseLines })) : undefined;
  try {
    const extraction = startExtraction(runner, { path: path.resolve(plan.input), name, skipGeometry: options.skipGeometry, engine: options.engine, appVersion: EXPORTER.version }, undefined, { onTimeout: 'cancel' });
    const schedule = await run(extraction, bar, track, store);
    // The notes go into the copy before the export: a stdout export ends the run.
    const annotatedCopy = options.writeIfc
      ? await run(startAnnotatedCopy(runner, { source: path.resolve(plan.input), target: options.writeIfc, notes: mergeAnnotations(schedule.annotations, options.annotations) }), bar, track, store)
      : undefined;
    if (plan.outPath === '-') {
      bar?.dispose();
      await writeToStdout(schedule, options, stdio.stdout);
      return { schedule, files: [], annotatedCopy };
    }
    const exporting = startExport(runner, {
      schedule,
      annotations: options.annotations,
      request: { format: options.format, outPath: plan.outPath, tables: options.tables, csv: options.csv, template: options.template },
    });
    const { files } = await run(exporting, bar, track, store);
    return { schedule, files, annotatedCopy };
  } finally {
    store.dispose();
  }
}
