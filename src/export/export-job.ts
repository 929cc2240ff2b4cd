// Main-thread side of an export: runs it as a cancellable operation in its own worker, so writing a
// 50 MB workbook never freezes the window. Same cancel path as extraction: operation.cancel().
import * as path from 'path';
import { OperationRunner } from '../core/operations/operation-runner';
import { RunningOperation } from '../core/operations/running-operation';
import { Annotations, RoomSchedule } from '../core/schedule/model';
import { newStagingToken, removeStagedFilesSync, trackStagedFiles } from '../platform/atomic-file';
import { ExportJobInput, ExportJobResult } from './export-job-types';
import { ExportFormat, ExportRequest } from './export-options';
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
  removeStagedFilesAfter(op, exportTargets(request), stagingToken);
  return op;
}

/**
 * Removes the staged files of an export whose worker had to be terminated: one that stopped
 * gracefully removed its temp files itself; a terminated one ran no finally block, so what it may
 * have left goes once it is gone. Until then the process removes them itself if it has to exit at
 * once (a second Ctrl-C, SIGHUP). For every operation whose worker writes an export.
 */
export function removeStagedFilesAfter(op: Pick<RunningOperation<unknown>, 'result' | 'cleanedUp'>, targets: string[], stagingToken: string): void {
  const untrack = trackStagedFiles(targets, stagingToken);
  // Capture the promises, not the operation: it must be garbage once disposed.
  const cleanedUp = op.cleanedUp;
  void op.result.then(
    () => untrack(),
    () =>
      cleanedUp
        .then(() => removeStagedFilesSync(targets, stagingToken))
        .catch(() => undefined)
        .finally(untrack),
  );
}
