// Parsing with web-ifc through OpenModelFromCallback: web-ifc pulls the file in TAPE_SIZE chunks,
// twice (a first pass over the whole file, then the tokenising pass; seen on a 202 MB model with
// the default 64 MB tape: 4 + 4 reads), so each pull is real progress in bytes. Reading from the
// file this way also spares the whole-file Buffer OpenModel needs (peak RSS 3.00× the file size
// instead of 3.2× for a bare OpenModel on a 202 MB model).
import type { IfcAPI, LoaderSettings } from 'web-ifc';
import { IDisposable, toDisposable } from '../core/lifecycle';
import { errorDetail, ifcErrors, isOutOfMemory } from './errors';
import { ExtractionRun } from './extraction-run';
import { ModelSource } from './model-source';
import { formatMb } from './read-source';

export interface OpenedModel extends IDisposable {
  readonly modelId: number;
}

/** web-ifc's tape chunk: 16 MB reads give progress every few percent of a 200 MB file at no measurable cost. */
const TAPE_SIZE = 16 * 1024 * 1024;

/** `onChunk` sees every chunk web-ifc pulls (the boundary shortcut scans the first pass). */
export function openModel(api: IfcAPI, source: ModelSource, run: ExtractionRun, memoryLimitBytes?: number, onChunk?: (chunk: Uint8Array, offset: number) => void): OpenedModel {
  const settings: LoaderSettings = { TAPE_SIZE, COORDINATE_TO_ORIGIN: false };
  if (memoryLimitBytes) settings.MEMORY_LIMIT = memoryLimitBytes;
  const total = source.textBytes;
  let pass = 0;
  let lastOffset = -1;
  let modelId: number;
  try {
    modelId = api.OpenModelFromCallback((offset, size) => {
      if (offset <= lastOffset || lastOffset < 0) pass++;
      lastOffset = offset;
      const chunk = source.read(offset, size);
      onChunk?.(chunk, offset);
      const done = Math.min(total, offset + chunk.length);
      // The first pass only scans; the second builds the model and takes ~80 % of the time.
      const overall = pass <= 1 ? done * 0.2 : total * 0.2 + done * 0.8;
      run.report('parse', `${pass <= 1 ? 'Scanning' : 'Parsing'} ${source.name}: ${formatMb(done)} / ${formatMb(total)} MB`, Math.round(overall), total, 'bytes');
      return chunk;
    }, settings);
  } catch (e) {
    if (isOutOfMemory(e)) throw ifcErrors.outOfMemory(source.name, errorDetail(e));
    throw ifcErrors.parseFailed(source.name, `web-ifc OpenModel threw: ${errorDetail(e)}`);
  }
  if (modelId < 0) throw ifcErrors.parseFailed(source.name, 'web-ifc OpenModel returned -1');
  return Object.assign(toDisposable(() => api.CloseModel(modelId), 'web-ifc model'), { modelId });
}
