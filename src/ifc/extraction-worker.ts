// Worker entry: reads one model into a RoomSchedule. Runs in a worker_threads thread (never imports
// @nodegui/*); the web-ifc WASM heap lives and dies with this thread, which is how its memory,
// never returned by CloseModel, goes back to the system. web-ifc itself is loaded (through its code
// cache) only when the engine needs it: at start-up for the web-ifc engine, and for the fast engine
// when a room needs web-ifc's geometry kernel or the file is one the fast reader refuses.
import { runWorkerTask } from '../core/operations/worker-side';
import { RoomSchedule } from '../core/schedule/model';
import { RoomsPreview } from '../core/schedule/room-preview';
import { ExtractionInput } from './extraction-input';
import { handBackSchedule, readSchedule } from './extraction-task';

runWorkerTask<ExtractionInput, RoomSchedule, RoomsPreview>(async (ctx) => handBackSchedule(ctx, await readSchedule(ctx)));
