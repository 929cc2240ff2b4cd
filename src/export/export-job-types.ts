// What the main thread sends to the export worker and what it answers (structured-clone data).
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
