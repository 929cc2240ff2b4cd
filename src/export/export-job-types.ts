// What the main thread sends to the export worker and what it answers (structured-clone data).
import type { OperationProgress } from '../core/operations/protocol';
import { Annotations, RoomSchedule } from '../core/schedule/model';
import { ExportRequest } from './export-options';

export interface ExportJobInput extends ExportRequest {
  schedule: RoomSchedule;
  /** The user's notes; they override notes stored in the schedule. */
  annotations?: Annotations;
  /** Names the temp files, so the main thread can remove them if the worker had to be killed. */
  stagingToken: string;
}

export interface ExportJobResult {
  /** The files written, in the order of the request (CSV: rooms before boundaries). */
  files: string[];
}

/** An export's progress as an operation reports it (the export worker's messages, and the CLI's bar for an export it writes itself). */
export function exportProgress(done: number, total: number, message: string): OperationProgress {
  return { phase: 'export', message, done, total, unit: 'items', fraction: total > 0 ? done / total : 1 };
}
