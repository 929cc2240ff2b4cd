// Worker entry: reads one model into a RoomSchedule. Runs in a worker_threads thread (never imports
// @nodegui/*); the web-ifc WASM heap lives and dies with this thread, which is how its memory,
// never returned by CloseModel, goes back to the system. web-ifc itself is loaded (through its code
// cache) only when the engine needs it: at start-up for the web-ifc engine, and for the fast engine
// when a room needs web-ifc's geometry kernel or the file is one the fast reader refuses.
import { OperationError } from '../core/operations/operation-error';
import { runWorkerTask } from '../core/operations/worker-side';
import { RoomSchedule } from '../core/schedule/model';
import { RoomsPreview } from '../core/schedule/room-preview';
import { extractSchedule, extractScheduleFromFile, ExtractOptions } from './extract';
import { DEFAULT_ENGINE } from './extraction-engine';
import { ExtractionInput } from './extraction-input';
import { describeEngineStart, engineStart, ifcEngine, wasmMemoryBytes } from './web-ifc-runtime';

const SPACES_PER_PART = 100;

runWorkerTask<ExtractionInput, RoomSchedule, RoomsPreview>(async (ctx) => {
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
    // The runner's protocol only (as the parts below): a bare Worker expects one 'result'. Once: a
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
  if (schedule && input.streamSpaces) {
    // Rooms go over in slices (see the 'part' message): ~100 rooms deserialise in a few ms on the UI
    // thread, where 900 rooms in one message stalled it for ~150 ms.
    await ctx.sendInParts('spaces', schedule.spaces, SPACES_PER_PART);
    return { ...schedule, spaces: [] };
  }
  if (schedule) return schedule;
  throw new OperationError({ category: 'internal', code: 'no-input', message: `Nothing to read for "${input.name}": neither a path nor bytes were given.`, suggestion: 'Please report this with the log file (Help → Diagnostics → Save report).' });
});
