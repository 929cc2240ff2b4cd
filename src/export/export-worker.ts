// Worker entry for exports: writes the files off the UI thread, reporting progress and stopping
// between rows when the controller asks it to. Must never import @nodegui/* (see worker-side.ts).
import { runWorkerTask } from '../core/operations/worker-side';
import { ExportJobInput, ExportJobResult, exportProgress } from './export-job-types';
import { exportSchedule } from './export-schedule';

runWorkerTask<ExportJobInput, ExportJobResult>(async (ctx) => {
  const { schedule, annotations, stagingToken, ...request } = ctx.input;
  const files = await exportSchedule(
    schedule,
    annotations,
    request,
    {
      throwIfCancelled: () => ctx.throwIfShutdown(),
      progress: (done, total, message) => ctx.progress(exportProgress(done, total, message)),
      yieldToMessages: () => ctx.yieldToMessages(),
    },
    stagingToken,
  );
  return { files };
});
