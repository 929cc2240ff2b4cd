// What the main thread sends to the export worker and what it answers (structured-clone data), and
// how a worker that writes an export is cancelled and reports progress.
import type { WorkerContext } from '../core/operations/worker-side';
import { Annotations, RoomSchedule } from '../core/schedule/model';
import { ExportControl, ExportRequest } from './export-options';

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

/** An export's control inside a worker: Cancel is the controller's shutdown request, progress its progress messages. */
export function workerExportControl(ctx: Pick<WorkerContext<unknown>, 'throwIfShutdown' | 'progress' | 'yieldToMessages'>): ExportControl {
  return {
    throwIfCancelled: () => ctx.throwIfShutdown(),
    progress: (done, total, message) => ctx.progress({ phase: 'export', message, done, total, unit: 'items', fraction: total > 0 ? done / total : 1 }),
    yieldToMessages: () => ctx.yieldToMessages(),
  };
}
