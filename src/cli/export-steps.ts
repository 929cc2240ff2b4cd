// What `extract` does with a schedule handed back to this thread (XLSX, PDF, stdout, --write-ifc;
// JSON and CSV files are written in the extraction worker itself, cli-extraction-job.ts): the
// annotated copy of the model, then the export, to stdout or through the export worker. Loaded by
// extract-file.ts only once the extraction has started, so its code (the export selection and
// writers, ~25 ms) loads while the worker reads, and not at all when this thread writes nothing.
import type { OperationRunner } from '../core/operations/operation-runner';
import type { RunningOperation } from '../core/operations/running-operation';
import type { RoomSchedule } from '../core/schedule/model';
import { writeCsvTable, csvTableRowCount } from '../export/csv-export';
import { startExport } from '../export/export-job';
import { UNATTENDED_EXPORT } from '../export/export-options';
import { ExportSelection, mergeAnnotations } from '../export/export-selection';
import { writeJsonDocument } from '../export/json-export';
import { RowProgress } from '../export/row-progress';
import { streamSink } from '../export/text-sink';
import { AnnotatedCopyOutput, startAnnotatedCopy } from '../ifc/annotated-copy-job';
import type { ExtractFileOptions } from './extract-file';
import type { OutputPlan } from './output-plan';

/** Runs an operation to its result with the file's progress bar and Ctrl-C (extract-file.ts). */
export type FollowOperation = <Out>(op: RunningOperation<Out>) => Promise<Out>;

/** --write-ifc: the model with the notes in it, written before the export (a stdout export ends the run). */
export function writeAnnotatedCopy(runner: OperationRunner, schedule: RoomSchedule, source: string, target: string, options: ExtractFileOptions, follow: FollowOperation): Promise<AnnotatedCopyOutput> {
  return follow(startAnnotatedCopy(runner, { source, target, notes: mergeAnnotations(schedule.annotations, options.annotations) }));
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

/** `-o -`: the JSON, or the one CSV table, to stdout. */
export async function writeToStdout(schedule: RoomSchedule, options: ExtractFileOptions, stdout: NodeJS.WriteStream): Promise<void> {
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

/** Writes the export files `plan` names, in the export worker (as the app does), and returns them. */
export async function exportToFiles(runner: OperationRunner, schedule: RoomSchedule, plan: OutputPlan, options: ExtractFileOptions, follow: FollowOperation): Promise<string[]> {
  const request = { format: options.format, outPath: plan.outPath, tables: options.tables, csv: options.csv, template: options.template };
  return (await follow(startExport(runner, { schedule, annotations: options.annotations, request }))).files;
}
