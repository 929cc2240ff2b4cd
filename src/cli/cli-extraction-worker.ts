// Worker entry of the CLI's model reads: the extraction job (extraction-task.ts), then either the
// schedule handed back, as the extraction worker does, or the export written right here, with the
// rooms and findings counted for the summary line (cli-extraction-job.ts says when). Both in one
// entry so that the worker main.ts starts before the command line is parsed serves either. Must
// never import @nodegui/* (see worker-side.ts).
import { runWorkerTask } from '../core/operations/worker-side';
import { RoomSchedule } from '../core/schedule/model';
import { RoomsPreview } from '../core/schedule/room-preview';
import { workerExportControl } from '../export/export-job-types';
import { exportSchedule } from '../export/export-schedule';
import { handBackSchedule, readSchedule } from '../ifc/extraction-task';
import type { CliExtractionInput, WrittenExtraction } from './cli-extraction-job';
import { scheduleSummary } from './schedule-summary';

runWorkerTask<CliExtractionInput, RoomSchedule | WrittenExtraction, RoomsPreview>(async (ctx) => {
  const schedule = await readSchedule(ctx);
  const job = ctx.input.exportTo;
  if (!job) return handBackSchedule(ctx, schedule);
  const files = await exportSchedule(schedule, job.annotations, job.request, workerExportControl(ctx), job.stagingToken);
  return { files, summary: job.summary ? scheduleSummary(schedule) : undefined };
});
