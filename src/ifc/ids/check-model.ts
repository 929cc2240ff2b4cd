// The IDS check engine: open a model with web-ifc, read it through WebIfcModelView and check it
// against a loaded IDS. Runs inside the IDS check worker (and in-process in tests, which check the
// 268 buildingSMART cases through this same function); whatever it opens is closed on every path.
import { DisposableStore } from '../../core/lifecycle';
import { OperationError } from '../../core/operations/operation-error';
import type { OperationProgress } from '../../core/operations/protocol';
import type { IfcVersion } from '../../core/ids/ids-document';
import { checkSpecifications } from '../../core/ids/ids-checker';
import type { IdsReport } from '../../core/ids/ids-report';
import { errorDetail, ifcErrors, isOutOfMemory } from '../errors';
import { ExtractionRun } from '../extraction-run';
import { ModelReader, WebIfcLines } from '../model-reader';
import { openModelSource } from '../model-source';
import { openModel } from '../open-model';
import { readProjectContext } from '../project-context';
import { checkSource, HEAD_BYTES, TAIL_BYTES } from '../validate-source';
import { WarningCollector } from '../warnings';
import { ifcEngine } from '../web-ifc-runtime';
import type { LoadedIds } from './ids-file';
import { ifcSchemas } from './ids-file';
import { WebIfcModelView } from './web-ifc-model-view';

export interface CheckModelOptions {
  onProgress?: (p: OperationProgress) => void;
  isCancelled?: () => boolean;
  /** Wraps web-ifc's synchronous parse (the worker's ctx.blocking: a cancel then ends the thread at once). */
  blocking?: <T>(phase: string, fn: () => T) => T;
}

/** web-ifc's schema family → the IDS name of the schema. */
const IFC_VERSION_OF_FAMILY: Record<number, IfcVersion> = { 1: 'IFC2X3', 2: 'IFC4', 3: 'IFC4X3' };

/** The part of the progress bar the check itself takes after opening (opening: read + parse, 0–0.8). */
const CHECK_SPAN: [number, number] = [0.8, 1];

export async function checkModelFile(modelPath: string, ids: LoadedIds, options: CheckModelOptions = {}): Promise<IdsReport> {
  const started = performance.now();
  const name = modelPath.split(/[\\/]/).pop() ?? modelPath;
  const run = new ExtractionRun(name, { onProgress: options.onProgress, isCancelled: options.isCancelled });
  const store = new DisposableStore('ids check');
  const timingsMs: Record<string, number> = {};
  try {
    run.begin('read', `Opening ${name}`);
    const source = store.add(await openModelSource(modelPath, { onProgress: options.onProgress, isCancelled: options.isCancelled }));
    const check = checkSource(source.name, source.copy(0, HEAD_BYTES), source.copy(Math.max(0, source.textBytes - TAIL_BYTES), TAIL_BYTES));
    const version = IFC_VERSION_OF_FAMILY[check.schemaFamily];
    if (!version) throw ifcErrors.parseFailed(source.name, `schema family ${check.schemaFamily} has no IDS name`);
    await run.between();
    const api = await ifcEngine();
    run.begin('parse', `Parsing ${source.name}`);
    const open = () => openModel(api, source, run);
    const model = store.add(options.blocking ? options.blocking('parse', open) : open());
    source.dispose();
    run.end();
    timingsMs.open = Math.round(performance.now() - started);
    await run.between();

    const checkStarted = performance.now();
    const reader = new ModelReader(new WebIfcLines(api, model.modelId), check.schemaFamily);
    // Units decide every measured comparison (values are compared in SI): what could not be read is said.
    const warnings = new WarningCollector();
    const project = readProjectContext(reader, warnings);
    const view = new WebIfcModelView(reader, ifcSchemas().get(version), project.units);
    const [from, to] = CHECK_SPAN;
    const specifications = await checkSpecifications(ids.document, view, {
      checkpoint: () => run.checkpoint(),
      onProgress: (fraction, spec) => options.onProgress?.({ phase: 'check', message: spec ? `Checking "${spec}"` : 'Checked', fraction: from + (to - from) * fraction }),
    });
    timingsMs.check = Math.round(performance.now() - checkStarted);
    timingsMs.total = Math.round(performance.now() - started);
    const failed = specifications.some((s) => s.status === 'fail');
    return {
      ids: { title: ids.document.title, fileName: ids.fileName },
      model: { fileName: name, schema: version },
      checkedAt: new Date().toISOString(),
      status: failed ? 'fail' : 'pass',
      specifications,
      warnings: warnings.list().map((w) => w.message),
      timingsMs,
    };
  } catch (e) {
    if (e instanceof OperationError) throw e;
    if (isOutOfMemory(e)) throw ifcErrors.outOfMemory(name, errorDetail(e));
    throw e;
  } finally {
    run.end();
    store.dispose();
  }
}

