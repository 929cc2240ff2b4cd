// Main-thread side of an export: runs it as a cancellable operation in its own worker, so writing a
// 50 MB workbook never freezes the window. Same cancel path as extraction: operation.cancel().
import * as path from 'path';
import { OperationRunner } from '../core/operations/operation-runner';
import { RunningOperation } from '../core/operations/running-operation';
import { Annotations, RoomSchedule } from '../core/schedule/model';
import { newStagingToken, removeStagedFiles } from './atomic-files';
import { ExportJobInput, ExportJobResult } from './export-job-types';
import { ExportFormat, ExportRequest } from './export-options';
import { exportTargets } from './export-schedule';

export type { ExportJobResult } from './export-job-types';

export interface StartExportInput extends ExportRequest {
  schedule: RoomSchedule;
  annotations?: Annotations;
}

const FORMAT_LABEL: Record<ExportFormat, string> = { json: 'JSON', csv: 'CSV', xlsx: 'Excel' };

export function startExport(runner: OperationRunner, input: StartExportInput): RunningOperation<ExportJobResult> {
  const stagingToken = newStagingToken();
  const jobInput: ExportJobInput = { ...input, stagingToken };
  const op = runner.start<ExportJobInput, ExportJobResult>({
    kind: `export-${input.format}`,
    label: `Exporting ${FORMAT_LABEL[input.format]} to ${path.basename(input.outPath)}`,
    workerFile: path.join(__dirname, 'export-worker.js'),
    input: jobInput,
  });
  // A worker that stopped gracefully removed its temp files itself; one that had to be terminated
  // ran no finally block, so remove what it may have left once it is gone.
  void op.result.catch(() => op.cleanedUp.then(() => removeStagedFiles(exportTargets(input), stagingToken)).catch(() => undefined));
  return op;
}
