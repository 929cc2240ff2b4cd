// The extraction engine: IFC file in, RoomSchedule out. Runs inside the extraction worker (and
// in-process in tests). Phases: check the header, parse (web-ifc) or index the text (the fast
// engine), index relationships, read spaces, read boundaries with their geometry, assemble.
// Cancellable between phases and batches; whatever it opened (the file, the web-ifc model) is
// closed on every path out. Both engines feed the same phases through a ModelReader.
import { availableParallelism } from 'os';
import * as W from './schema/ifc-types';
import type { IfcAPI } from 'web-ifc';
import { DisposableStore, toDisposable } from '../core/lifecycle';
import { OperationError } from '../core/operations/operation-error';
import { OperationProgress } from '../core/operations/protocol';
import { RoomSchedule, ScheduleMetadata, Space } from '../core/schedule/model';
import { RoomPreview } from '../core/schedule/room-preview';
import { linkAdjacentSpaces } from './adjacency';
import { readBoundaries } from './boundaries';
import { reportEntityIds, StatementIds } from './entity-ids';
import { withoutEntityRef } from './entity-refs';
import { errorDetail, ifcErrors, isOutOfMemory } from './errors';
import { DEFAULT_ENGINE, ExtractionEngine } from './extraction-engine';
import { ExtractionRun } from './extraction-run';
import { FirstPass } from './first-pass';
import { GeometryReader } from './geometry/placement';
import { BoundaryAnchors, GeometryText } from './geometry-text';
import { ModelReader, WebIfcLines } from './model-reader';
import { BytesModelSource, ModelSource, openModelSource } from './model-source';
import { openModel } from './open-model';
import { orientOutward } from './outward';
import { readFileHeader, readProjectContext } from './project-context';
import { PropertySetReader } from './property-sets';
import { formatMb, fromBytes } from './read-source';
import { indexSpaceRelationships } from './relationship-index';
import { relatedIds, spaceRelationships } from './relationships';
import { knownSchemas } from './schema/schema-families';
import { WEB_IFC_VERSION } from './schema/schema-tables';
import { readRoomGeometry, RoomGeometryMode } from './space-geometry/room-geometry';
import { MeshSource } from './space-geometry/space-mesh';
import { readRoomPreviews, readSpaces } from './spaces';
import { finishSpace } from './space-summary';
import { FastReaderRefusal } from './fast-reader-refusal';
import { StepIndex } from './step-index';
import { indexModelText } from './step-index-parallel';
import { subsetModel, TextLines, TypeCodes } from './text-lines';
import { StringSuspects, TextStrings } from './text-strings';
import { checkSource, HEAD_BYTES, TAIL_BYTES } from './validate-source';
import { describeEngineStart, engineStart, ifcEngine, wasmMemoryBytes } from './web-ifc-runtime';

export interface ExtractOptions {
  /** web-ifc MEMORY_LIMIT in bytes. */
  memoryLimitBytes?: number;
  /** Skip boundary and room geometry (area, normal, orientation, body quantities): a quick listing. */
  skipGeometry?: boolean;
  /** How rooms are measured from their own bodies (room-geometry.ts); skipGeometry turns it off too. */
  roomGeometry?: RoomGeometryMode;
  onProgress?: (p: OperationProgress) => void;
  isCancelled?: () => boolean;
  /**
   * Wraps the synchronous web-ifc parse (the worker passes ctx.blocking, so a cancel during it
   * terminates the thread at once: the parse cannot see messages).
   */
  blocking?: <T>(phase: string, fn: () => T) => T;
  appVersion?: string;
  /**
   * 'fast': the schedule read from the file's text through a byte-level index, web-ifc only for
   * meshing rooms (a subset model); a file it does not read is read with web-ifc. 'web-ifc': the
   * whole file parsed by web-ifc (the reference the fast engine is tested against).
   */
  engine?: ExtractionEngine;
  /** The fast engine indexes a big file on two threads (step-index-parallel.ts); false: on one. */
  parallelIndex?: boolean;
  /** The rooms (names, storeys) once their storeys' relationships are read, before the rest of the relationships, property sets, boundaries and bodies: the window lists them at once. */
  onRoomsPreview?: (rooms: readonly RoomPreview[]) => void;
}

/** Extracts the room schedule from the bytes of a .ifc or .ifczip file. */
export async function extractSchedule(source: { bytes: Uint8Array; name: string; path?: string | null }, options: ExtractOptions = {}): Promise<RoomSchedule> {
  const run = new ExtractionRun(source.name, options);
  return extractWithEngine(async () => new BytesModelSource(fromBytes(source.bytes, source.name, source.path ?? null)), run, options);
}

/**
 * Extracts the room schedule from a file on disk. A plain .ifc is streamed into web-ifc without a
 * copy in JS memory; a .ifczip is read (with progress) and unzipped first.
 */
export async function extractScheduleFromFile(filePath: string, options: ExtractOptions = {}): Promise<RoomSchedule> {
  const run = new ExtractionRun(filePath.split(/[\\/]/).pop() ?? filePath, options);
  run.begin('read', `Opening ${run.fileName}`);
  return extractWithEngine(() => openModelSource(filePath, { onProgress: options.onProgress, isCancelled: options.isCancelled }), run, options);
}

/** The fast engine, and web-ifc for a file it does not read (said in the progress log), or web-ifc alone. */
async function extractWithEngine(open: () => Promise<ModelSource>, run: ExtractionRun, options: ExtractOptions): Promise<RoomSchedule> {
  if ((options.engine ?? DEFAULT_ENGINE) === 'fast') {
    try {
      return await extractFromSource(await open(), run, options, 'fast');
    } catch (e) {
      if (!(e instanceof FastReaderRefusal)) throw e;
      run = new ExtractionRun(run.fileName, options);
      run.begin('read', `Reading ${run.fileName} with web-ifc: the fast reader does not read it (${e.message})`);
    }
  }
  return extractFromSource(await open(), run, options, 'web-ifc');
}

/** What an engine's parse step leaves for the phases after it. */
interface ParsedModel {
  reader: ModelReader;
  sha256: string;
  /** The web-ifc model that meshes the rooms `spaceIds` (opened, and web-ifc loaded, when first asked for). */
  meshSource(spaceIds: readonly number[]): Promise<MeshSource>;
}

async function extractFromSource(source: ModelSource, run: ExtractionRun, options: ExtractOptions, engine: ExtractionEngine): Promise<RoomSchedule> {
  const store = new DisposableStore('extraction');
  store.add(source);
  const started = performance.now();
  try {
    const head = source.copy(0, HEAD_BYTES);
    const check = checkSource(source.name, head, source.copy(Math.max(0, source.textBytes - TAIL_BYTES), TAIL_BYTES));
    if (check.truncated) {
      run.warnings.add('truncated', 'The file ends without END-ISO-10303-21;, so it was probably cut off (an interrupted export or download): entities after the cut are missing from the schedule.');
    }
    if (check.schemaNote) run.warnings.add('unsupported', check.schemaNote);
    await run.between();

    const heapLimit = memoryGuard(source.name, options.memoryLimitBytes);
    if (engine === 'fast' && check.truncated) throw new FastReaderRefusal('the file is cut off');
    const parsed = engine === 'fast' ? await indexText(source, check.schemaFamily, run, options, store) : await parseWithWebIfc(await webIfc(options), source, check.schemaFamily, run, options, store);
    const { reader, sha256 } = parsed;
    const header = readFileHeader(head, run.warnings);
    const project = readProjectContext(reader, run.warnings);
    const spaceIds = reader.ids(W.IFCSPACE, true);
    if (spaceIds.length === 0) run.warnings.add('other', 'The model contains no spaces (IfcSpace), so the schedule is empty.');

    run.begin('relationships', 'Reading relationships');
    const preview = options.onRoomsPreview;
    const index = await indexSpaceRelationships(reader, new Set(spaceIds), run, preview && ((links) => preview(readRoomPreviews(reader, spaceIds, links, project.units))));
    await run.between();
    heapLimit();

    run.begin('spaces', `Reading ${spaceIds.length} spaces`);
    // Dangling references are reported once per missing target, across spaces and boundaries.
    const checkedRefs = new Set<number>();
    const drafts = await readSpaces(reader, spaceIds, index.links, new PropertySetReader(reader, project.units, run.warnings), project.units, checkedRefs, run);
    await run.between();

    run.begin('boundaries', 'Reading space boundaries');
    const geometry = new GeometryReader(reader, project.units.planeAngle, run.warnings);
    const spacePlacements = new Map(drafts.map((d) => [d.space.expressId, d.placementId] as const));
    if (!options.skipGeometry) reader.prefetchClosure([...spacePlacements.values()].filter((p): p is number => p !== null));
    heapLimit();
    const boundaries = await readBoundaries({ checkedRefs, reader, geometry, spacePlacements, lengthToMetres: project.units.length, trueNorth: project.trueNorth, skipGeometry: !!options.skipGeometry }, run);
    await run.between();

    heapLimit();
    reader.textSource = undefined;
    run.begin('geometry', `Measuring ${drafts.length} rooms`);
    const measureRooms = !options.skipGeometry && options.roomGeometry !== 'off' && drafts.length > 0;
    const meshSource = () => parsed.meshSource(drafts.map((d) => d.space.expressId));
    const roomGeometry = measureRooms ? await readRoomGeometry(meshSource, reader, geometry, drafts, project.units.length, run, { mode: options.roomGeometry }) : new Map();
    await run.between();
    heapLimit();
    run.begin('schedule', 'Assembling the schedule');
    orientOutward(boundaries.bySpace, project.trueNorth, run.warnings);
    const spacesById = new Map(drafts.map((d) => [d.space.expressId, d.space] as const));
    linkAdjacentSpaces(boundaries.bySpace, (id) => {
      const s = spacesById.get(id) as Space;
      return { expressId: id, globalId: s.globalId, type: 'IfcSpace', name: s.name, description: s.description };
    });
    const spaces = reader.withScratch(() => {
      reader.prefetch(withoutEntityRef(reader, drafts.flatMap((d) => relatedIds(index.links.get(d.space.expressId) ?? [], boundaries.bySpace.get(d.space.expressId) ?? []))));
      return drafts.map(({ space, fileQuantities }) => {
        const own = boundaries.bySpace.get(space.expressId) ?? [];
        space.relationships = spaceRelationships(reader, index.links.get(space.expressId) ?? [], own, run.warnings);
        return finishSpace(space, own.map((b) => b.boundary), fileQuantities, roomGeometry.get(space.expressId));
      });
    });
    run.end();

    const skipped = reader.skipped.size;
    if (reader.firstSkip) {
      const { id, type, reason } = reader.firstSkip;
      const message = `${skipped} entit${skipped === 1 ? 'y' : 'ies'} could not be read and ${skipped === 1 ? 'was' : 'were'} skipped (first: #${id}, ${type}: ${reason}).`;
      run.warnings.add('bad-entity', message, id, 'bad-entity', skipped);
    }
    const canonical = knownSchemas().find((s) => s.family === check.schemaFamily)?.names[0];
    const metadata: ScheduleMetadata = {
      source: { name: source.name, path: source.path, sizeBytes: source.fileSizeBytes, sha256, container: source.container },
      schema: canonical && canonical !== check.schema.toUpperCase() ? `${check.schema} (read as ${canonical})` : check.schema,
      ...header,
      projectName: project.projectName,
      trueNorthDeg: Math.round(project.trueNorthDeg * 1e6) / 1e6,
      lengthUnitToMetres: project.units.length,
      extractedAt: new Date().toISOString(),
      appVersion: options.appVersion ?? 'unknown',
      engine: { name: engine, version: WEB_IFC_VERSION },
      counts: { spaces: spaces.length, boundaries: boundaries.total, storeys: reader.ids(W.IFCBUILDINGSTOREY).length, zones: reader.ids(W.IFCZONE).length, skippedEntities: skipped },
      timingsMs: { ...run.timingsMs, total: Math.round(performance.now() - started) },
    };
    return { metadata, spaces, warnings: run.warnings.list() };
  } catch (e) {
    if (e instanceof OperationError) throw e;
    if (isOutOfMemory(e)) throw ifcErrors.outOfMemory(source.name, errorDetail(e));
    throw e;
  } finally {
    run.end();
    store.dispose();
  }
}

/** web-ifc parses the whole file; its model serves every line and meshes the rooms. */
async function parseWithWebIfc(api: IfcAPI, source: ModelSource, schemaFamily: number, run: ExtractionRun, options: ExtractOptions, store: DisposableStore): Promise<ParsedModel> {
  run.begin('parse', `Parsing ${source.name}`);
  const anchors = options.skipGeometry ? undefined : new BoundaryAnchors();
  const suspects = new StringSuspects();
  const statementIds = new StatementIds();
  const firstPass = new FirstPass([anchors, suspects, statementIds]);
  const open = () => openModel(api, source, run, options.memoryLimitBytes, (chunk, at) => firstPass.chunk(chunk, at));
  const model = store.add(options.blocking ? options.blocking('parse', open) : open());
  memoryGuard(source.name, options.memoryLimitBytes)();
  run.begin('prepare', 'Preparing to read rooms and boundaries');
  const sha256 = await source.sha256();
  const geometryText = anchors?.offsets.length ? new GeometryText(source, anchors.offsets) : undefined;
  const strings = new TextStrings(source, suspects.offsets(), run.warnings);
  // The model is in the WASM heap now: let go of the file (or the bytes) before reading it.
  source.dispose();
  await run.between();

  const reader = new ModelReader(new WebIfcLines(api, model.modelId), schemaFamily);
  reader.textSource = geometryText;
  reader.strings = strings;
  reader.redefined = statementIds.redefined;
  reportEntityIds(statementIds, reader, run.warnings);
  return { reader, sha256, meshSource: async () => ({ api, modelId: model.modelId }) };
}

/**
 * The fast engine: the file's text indexed in one pass, chunk by chunk (step-index-build.ts); lines
 * are read again and lexed when a phase asks for them, so the text is never held whole. Rooms are
 * meshed by web-ifc from a subset model of just their records.
 */
async function indexText(source: ModelSource, schemaFamily: number, run: ExtractionRun, options: ExtractOptions, store: DisposableStore): Promise<ParsedModel> {
  run.begin('parse', `Indexing ${source.name}`);
  const codes = new TypeCodes();
  const total = source.textBytes;
  const suspects = new StringSuspects(false);
  const later: number[] = [];
  run.report('parse', `Indexing ${source.name}: 0 / ${formatMb(total)} MB`, 0, total, 'bytes');
  // Cancellable between chunks, and the thread stays responsive: no blocking() needed.
  const { columns } = await indexModelText(source, {
    path: source.container === 'ifc' ? source.path : null,
    // Two index threads only where a core is left for each and for the file's hash thread: on 2
    // cores (measured, 202 MB) the split index took 0.54–0.97 s against 0.61–0.67 s on one thread.
    parallel: options.parallelIndex ?? availableParallelism() >= 3,
    scanners: [suspects],
    onSuspects: (offsets) => later.push(...offsets),
    between: async (done) => {
      run.report('parse', `Indexing ${source.name}: ${formatMb(done)} / ${formatMb(total)} MB`, done, total, 'bytes');
      // A turn of the event loop after every chunk (~7 ms), not every 50 ms as checkpoint() does:
      // the runner gives the worker 50 ms to acknowledge a shutdown, and a CI run missed it by 5 ms.
      await run.between();
    },
  });
  const index = new StepIndex(columns, { typeCode: (name) => codes.entity(schemaFamily, name) });
  run.begin('prepare', 'Preparing to read rooms and boundaries');
  const sha256 = await source.sha256();
  const strings = new TextStrings(source, [...suspects.offsets(), ...later], run.warnings);
  await run.between();
  const reader = new ModelReader(new TextLines(index, source, codes), schemaFamily);
  reader.strings = strings;
  let mesh: Promise<MeshSource> | undefined;
  const meshSource = (spaceIds: readonly number[]): Promise<MeshSource> => {
    mesh ??= (async () => {
      const api = await webIfc(options);
      const subset = subsetModel(index, source, [...spaceIds, ...reader.ids(W.IFCPROJECT)]);
      const modelId = api.OpenModel(subset, { COORDINATE_TO_ORIGIN: false, ...(options.memoryLimitBytes ? { MEMORY_LIMIT: options.memoryLimitBytes } : {}) });
      if (modelId < 0) throw new FastReaderRefusal('web-ifc could not open the rooms’ subset model');
      store.add(toDisposable(() => api.CloseModel(modelId), 'web-ifc subset model'));
      return { api, modelId };
    })();
    return mesh;
  };
  return { reader, sha256, meshSource };
}

/**
 * The thread's web-ifc engine, loaded now if no one needed it before (the fast engine meshing a
 * room, or reading a file it refuses). Said as the worker's start-up says it, a 'start-up' message
 * (the app logs those, for slow starts), without a fraction: it is no step of the progress bar.
 */
async function webIfc(options: ExtractOptions): Promise<IfcAPI> {
  const loadedBefore = engineStart() !== undefined;
  const api = await ifcEngine();
  const start = engineStart();
  if (!loadedBefore && start) options.onProgress?.({ phase: 'start-up', message: `IFC engine ready (${describeEngineStart(start)})` });
  return api;
}

/**
 * memoryLimitBytes caps the WASM heap. web-ifc 0.0.78 takes MEMORY_LIMIT but does not enforce it
 * while parsing (measured: a 1 KB limit still opens a 20 MB model), so the heap is checked here
 * after the parse and between phases; past the limit the extraction ends as out of memory.
 */
function memoryGuard(name: string, limit: number | undefined): () => void {
  return () => {
    const heap = wasmMemoryBytes();
    if (limit && heap !== undefined && heap > limit) {
      throw ifcErrors.outOfMemory(name, `WASM heap ${heap} bytes exceeds the limit of ${limit} bytes`);
    }
  };
}
