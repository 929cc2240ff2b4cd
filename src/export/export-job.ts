// Main-thread side of an export: runs it as a cancellable operation in its own worker, so writing a
// 50 MB workbook never freezes the window. Same cancel path as extraction: operation.cancel().
// A caller with no window (the CLI) may write it on its own thread instead (exportOnThisThread).
import * as path from 'path';
import { OperationRunner } from '../core/operations/operation-runner';
import { RunningOperation } from '../core/operations/running-operation';
import { Annotations, RoomSchedule } from '../core/schedule/model';
import { newStagingToken, removeStagedFilesSync, trackStagedFiles } from '../platform/atomic-file';
import { ExportJobInput, ExportJobResult } from './export-job-types';
import { ExportControl, ExportFormat, ExportRequest } from './export-options';
import { exportSchedule } from './export-schedule';
import { exportTargets } from './export-targets';

export type { ExportJobResult } from './export-job-types';

export interface StartExportInput {
  schedule: RoomSchedule;
  /** The user's notes (AnnotationSet.snapshot()); they override notes stored in the schedule. */
  annotations?: Annotations;
  request: ExportRequest;
}

const FORMAT_LABEL: Record<ExportFormat, string> = { json: 'JSON', csv: 'CSV', xlsx: 'Excel', pdf: 'PDF' };

export function startExport(runner: OperationRunner, input: StartExportInput): RunningOperation<ExportJobResult> {
  const stagingToken = newStagingToken();
  const { request } = input;
  const jobInput: ExportJobInput = { ...request, schedule: input.schedule, annotations: input.annotations, stagingToken };
  const op = runner.start<ExportJobInput, ExportJobResult>({
    kind: `export-${request.format}`,
    label: `Exporting ${FORMAT_LABEL[request.format]} to ${path.basename(request.outPath)}`,
    workerFile: path.join(__dirname, 'export-worker.js'),
    input: jobInput,
  });
  // A worker that stopped gracefully removed its temp files itself; one that had to be terminated
  // ran no finally block, so remove what it may have left once it is gone.
  // Capture the promises, not the operation: it must be garbage once disposed.
  // Until then the process removes them itself if it has to exit at once (a second Ctrl-C, SIGHUP).
  const targets = exportTargets(request);
  const untrack = trackStagedFiles(targets, stagingToken);
  const cleanedUp = op.cleanedUp;
  void op.result.then(
    () => untrack(),
    () =>
      cleanedUp
        .then(() => removeStagedFilesSync(targets, stagingToken))
        .catch(() => undefined)
        .finally(untrack),
  );
  return op;
}

/**
 * The same export on the calling thread, for a caller with no window to keep responsive: no worker
 * to start and no copy of the schedule to send it. `control` carries its cancel. Its staged files
 * are removed if the process has to exit before it ends, as with startExport.
 */
export async function exportOnThisThread(input: StartExportInput, control: ExportControl): Promise<ExportJobResult> {
  const stagingToken = newStagingToken();
  const untrack = trackStagedFiles(exportTargets(input.request), stagingToken);
  try {
    return { files: await exportSchedule(input.schedule, input.annotations, input.request, control, stagingToken) };
  } finally {
    untrack();
  }
}
