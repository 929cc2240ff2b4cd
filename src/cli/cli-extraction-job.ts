// The main thread's side of the CLI's extraction worker (cli-extraction-worker.ts): the extraction
// job, and, for JSON and CSV files, the export written in that same thread. The schedule then never
// crosses to this thread: on the 70 MB model its rooms took ~160-220 ms to go over (serialised in
// the worker, deserialised here, part by part) before the export could start, ~300 ms on the 202 MB
// one. XLSX, PDF, stdout and --write-ifc still get the schedule here (they run where it is).
import type { OperationRunner } from '../core/operations/operation-runner';
import type { RunningOperation } from '../core/operations/running-operation';
import type { Annotations } from '../core/schedule/model';
import { removeStagedFilesAfter } from '../export/export-job';
import type { ExportRequest } from '../export/export-options';
import { exportTargets } from '../export/export-targets';
import { extractionOperation, ExtractionJobOptions } from '../ifc/extraction-job';
import type { ExtractionInput } from '../ifc/extraction-input';
import { newStagingToken } from '../platform/atomic-file';
import { CLI_EXTRACTION_WORKER_FILE } from './cli-workers';
import type { ScheduleSummary } from './schedule-summary';

/** An export the worker writes itself, once the schedule is read. */
export interface ExportInWorker {
  request: ExportRequest;
  /** The user's notes (--annotations). */
  annotations?: Annotations;
  /** Names the staged files, so they can be removed if the worker had to be terminated. */
  stagingToken: string;
  /** Count the rooms, boundaries and findings for the summary line (not with --quiet). */
  summary: boolean;
}

export interface CliExtractionInput extends ExtractionInput {
  /** Write this export instead of handing the schedule back. */
  exportTo?: ExportInWorker;
}

export interface WrittenExtraction {
  files: string[];
  summary?: ScheduleSummary;
}

/** Reads `input` and writes its export in one worker. */
export function startExtractionAndExport(runner: OperationRunner, input: ExtractionInput, job: Omit<ExportInWorker, 'stagingToken'>, options: ExtractionJobOptions): RunningOperation<WrittenExtraction> {
  const exportTo: ExportInWorker = { ...job, stagingToken: newStagingToken() };
  const op = runner.start<CliExtractionInput, WrittenExtraction>(extractionOperation<CliExtractionInput>({ ...input, exportTo }, undefined, { ...options, workerFile: CLI_EXTRACTION_WORKER_FILE }));
  removeStagedFilesAfter(op, exportTargets(job.request), exportTo.stagingToken);
  return op;
}
