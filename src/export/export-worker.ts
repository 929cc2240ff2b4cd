// Worker entry for exports: writes the files off the UI thread, reporting progress and stopping
// between rows when the controller asks it to. Must never import @nodegui/* (see worker-side.ts).
import { runWorkerTask } from '../core/operations/worker-side';
import { ExportJobInput, ExportJobResult, workerExportControl } from './export-job-types';
import { exportSchedule } from './export-schedule';

runWorkerTask<ExportJobInput, ExportJobResult>(async (ctx) => {
  const { schedule, annotations, stagingToken, ...request } = ctx.input;
  return { files: await exportSchedule(schedule, annotations, request, workerExportControl(ctx), stagingToken) };
});
