// What `extract` does with a schedule once it is read: the annotated copy of the model, then the
// export, to stdout or to its files. extract-file.ts loads this once the extraction worker is
// started, so its code (the export selection and writers, ~25 ms to load) loads while the worker
// starts up rather than before.
//
// JSON and CSV are written on this thread: the CLI has no window to keep responsive, and starting
// the export worker and sending it the schedule cost more than the writing (OneZone: ~50 of 60 ms;
// the 70 MB model: 130 ms before its first byte, 15 MB of schedule cloned for the 202 MB one). XLSX
// and PDF still go to the export worker, as in the app: they take seconds, beside which its start
// is small, and exceljs and pdfkit then never load into this process.
import { CancelledError } from '../core/operations/operation-error';
import type { OperationRunner } from '../core/operations/operation-runner';
import type { RunningOperation } from '../core/operations/running-operation';
import type { RoomSchedule } from '../core/schedule/model';
import { writeCsvTable, csvTableRowCount } from '../export/csv-export';
import { exportOnThisThread, startExport, StartExportInput } from '../export/export-job';
import { exportProgress } from '../export/export-job-types';
import { ExportControl, UNATTENDED_EXPORT } from '../export/export-options';
import { ExportSelection, mergeAnnotations } from '../export/export-selection';
import { writeJsonDocument } from '../export/json-export';
import { RowProgress } from '../export/row-progress';
import { streamSink } from '../export/text-sink';
import { AnnotatedCopyOutput, startAnnotatedCopy } from '../ifc/annotated-copy-job';
import type { Cancellable, ExtractFileOptions, TrackOperation } from './extract-file';
import type { OutputPlan } from './output-plan';
import type { ProgressBar } from './progress-bar';

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

/** An export written on this thread, stopped the way an operation is: Ctrl-C is seen between rooms (every 10 ms). */
class ExportHere implements Cancellable {
  private cancelled = false;
  readonly control: ExportControl;

  constructor(bar: ProgressBar | undefined) {
    this.control = {
      throwIfCancelled: () => {
        if (this.cancelled) throw new CancelledError('The export');
      },
      progress: (done, total, message) => bar?.update(exportProgress(done, total, message)),
      // Signals, the progress bar's redraw and the file writes run in between.
      yieldToMessages: () => new Promise((resolve) => setImmediate(resolve)),
    };
  }

  cancel(): void {
    this.cancelled = true;
  }
}

/** Writes the export files `plan` names and returns them. */
export async function exportToFiles(runner: OperationRunner, schedule: RoomSchedule, plan: OutputPlan, options: ExtractFileOptions, bar: ProgressBar | undefined, follow: FollowOperation, track: TrackOperation): Promise<string[]> {
  const input: StartExportInput = {
    schedule,
    annotations: options.annotations,
    request: { format: options.format, outPath: plan.outPath, tables: options.tables, csv: options.csv, template: options.template },
  };
  if (options.format === 'xlsx' || options.format === 'pdf') return (await follow(startExport(runner, input))).files;
  const here = new ExportHere(bar);
  track(here);
  try {
    return (await exportOnThisThread(input, here.control)).files;
  } finally {
    track(undefined);
  }
}
