// Worker entry: checks one model against one IDS file (validation of the IDS, parse of the model,
// the check) and returns the IdsReport. Never imports @nodegui/*; web-ifc's heap ends with the thread.
// First: web-ifc through its code cache, before any module below imports it the plain way.
import '../web-ifc-preload';
import { runWorkerTask } from '../../core/operations/worker-side';
import type { IdsReport } from '../../core/ids/ids-report';
import { InvalidIdsError } from '../../core/ids/invalid-ids';
import { describeEngineStart, engineStart, ifcEngine, wasmMemoryBytes } from '../web-ifc-runtime';
import { checkModelFile } from './check-model';
import type { IdsCheckInput } from './ids-check-input';
import { idsRefused } from './ids-errors';
import { loadIdsFile } from './ids-file';

runWorkerTask<IdsCheckInput, IdsReport>(async (ctx) => {
  const { modelPath, idsPath } = ctx.input;
  ctx.progress({ phase: 'ids', message: 'Reading the IDS file', fraction: 0 });
  let ids;
  try {
    ids = await loadIdsFile(idsPath);
  } catch (e) {
    throw e instanceof InvalidIdsError ? idsRefused(e) : e;
  }
  ctx.throwIfShutdown();
  await ifcEngine();
  ctx.progress({ phase: 'start-up', message: `IFC engine ready (${describeEngineStart(engineStart()!)})` });
  ctx.setWasmMemoryProbe(wasmMemoryBytes);
  return checkModelFile(modelPath, ids, {
    onProgress: (p) => ctx.progress(p),
    isCancelled: () => ctx.shutdownRequested,
    blocking: (phase, fn) => ctx.blocking(phase, fn),
  });
});
