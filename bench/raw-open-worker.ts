// The benchmark's baseline: web-ifc's OpenModel as any web-ifc user would call it (read the whole
// file, OpenModel, count the spaces, close), in a worker thread started by the same OperationRunner
// as the real extraction, so thread start-up and messaging are the same on both sides.
import * as fs from 'fs';
import * as WebIFC from 'web-ifc';
import { runWorkerTask } from '../src/core/operations/worker-side';

export interface RawOpenInput {
  path: string;
}

export interface RawOpenResult {
  spaces: number;
  /** OpenModel alone. */
  openMs: number;
  /** Init + read + OpenModel + count + close, inside the worker. */
  workerMs: number;
}

runWorkerTask<RawOpenInput, RawOpenResult>(async (ctx) => {
  const started = performance.now();
  const api = new WebIFC.IfcAPI();
  await api.Init(undefined, true);
  api.SetLogLevel(WebIFC.LogLevel.LOG_LEVEL_OFF);
  const bytes = fs.readFileSync(ctx.input.path);
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const openStarted = performance.now();
  const modelId = ctx.blocking('parse', () => api.OpenModel(data, { COORDINATE_TO_ORIGIN: false }));
  const openMs = performance.now() - openStarted;
  if (modelId < 0) throw new Error(`web-ifc could not open ${ctx.input.path}`);
  const spaces = api.GetLineIDsWithType(modelId, WebIFC.IFCSPACE).size();
  api.CloseModel(modelId);
  return { spaces, openMs, workerMs: performance.now() - started };
});
