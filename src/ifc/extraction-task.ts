// The extraction worker's job, for the worker entries that run it: start the engine, read the
// model into a RoomSchedule with progress, Cancel and (when the controller speaks the runner's
// protocol) its rooms' preview, then hand the schedule back. extraction-worker.ts does just that;
// the CLI's worker (src/cli/cli-extraction-worker.ts) may instead write the export in the same
// thread, so the schedule never crosses to the main thread.
import { OperationError } from '../core/operations/operation-error';
import type { WorkerContext } from '../core/operations/worker-side';
import { RoomSchedule } from '../core/schedule/model';
import { RoomsPreview } from '../core/schedule/room-preview';
import { extractSchedule, extractScheduleFromFile, ExtractOptions } from './extract';
import { DEFAULT_ENGINE } from './extraction-engine';
import { ExtractionInput } from './extraction-input';
import { describeEngineStart, engineStart, ifcEngine, wasmMemoryBytes } from './web-ifc-runtime';

const SPACES_PER_PART = 100;

/** Reads the model `ctx.input` names. */
export async function readSchedule(ctx: WorkerContext<ExtractionInput, RoomsPreview>): Promise<RoomSchedule> {
  const input = ctx.input;
  if ((input.engine ?? DEFAULT_ENGINE) === 'web-ifc') {
    await ifcEngine();
    ctx.progress({ phase: 'start-up', message: `IFC engine ready (${describeEngineStart(engineStart()!)})` });
  } else {
    ctx.progress({ phase: 'start-up', message: 'IFC engine ready (the fast reader; web-ifc is loaded when the model needs it)' });
  }
  ctx.setWasmMemoryProbe(wasmMemoryBytes);
  let previewed = false;
  const options: ExtractOptions = {
    memoryLimitBytes: input.memoryLimitBytes,
    skipGeometry: input.skipGeometry,
    roomGeometry: input.roomGeometry,
    engine: input.engine,
    appVersion: input.appVersion,
    onProgress: (p) => ctx.progress(p),
    isCancelled: () => !input.ignoreShutdown && ctx.shutdownRequested,
    blocking: (phase, fn) => ctx.blocking(phase, fn),
    // The runner's protocol only (as handBackSchedule's parts): a bare Worker expects one 'result'. Once: a
    // file the fast reader gives up on late (its rooms' subset model) is read again by web-ifc.
    onRoomsPreview: input.streamSpaces
      ? (rooms) => {
          if (previewed) return;
          previewed = true;
          ctx.preview({ rooms });
        }
      : undefined,
  };
  let schedule: RoomSchedule | undefined;
  if (input.path) schedule = await extractScheduleFromFile(input.path, options);
  else if (input.bytes) schedule = await extractSchedule({ bytes: input.bytes, name: input.name, path: null }, options);
  if (schedule) return schedule;
  throw new OperationError({ category: 'internal', code: 'no-input', message: `Nothing to read for "${input.name}": neither a path nor bytes were given.`, suggestion: 'Please report this with the log file (Help → Diagnostics → Save report).' });
}

/** What the worker returns as its result: the schedule, its rooms sent ahead in parts when the controller asked for streamSpaces. */
export async function handBackSchedule(ctx: WorkerContext<ExtractionInput, RoomsPreview>, schedule: RoomSchedule): Promise<RoomSchedule> {
  if (!ctx.input.streamSpaces) return schedule;
  // Rooms go over in slices (see the 'part' message): ~100 rooms deserialise in a few ms on the UI
  // thread, where 900 rooms in one message stalled it for ~150 ms.
  await ctx.sendInParts('spaces', schedule.spaces, SPACES_PER_PART);
  return { ...schedule, spaces: [] };
}
