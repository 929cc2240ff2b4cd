// The real extraction, in a worker thread, with one fault injected the moment a chosen phase
// begins: web-ifc has parsed the model and holds its WASM heap, as in a real crash mid-read. Used
// by worker-faults.test.ts to prove each kind of death is classified, reported and cleaned up.
import { runWorkerTask } from '../../src/core/operations/worker-side';
import { RoomSchedule } from '../../src/core/schedule/model';
import { extractScheduleFromFile } from '../../src/ifc/extract';

export type InjectedFault =
  | 'throw-uncaught' // an exception outside any handler: the thread dies with an 'error' event
  | 'throw-in-task' // the extraction itself throws: the worker reports an error message
  | 'exit'; // process.exit() inside the worker: the thread ends without a result

export interface FaultyExtractionInput {
  path: string;
  fault: InjectedFault;
  /** The phase whose first progress triggers the fault ("relationships": right after the parse). */
  atPhase: string;
  exitCode?: number;
}

runWorkerTask<FaultyExtractionInput, RoomSchedule>(async (ctx) => {
  const { path, fault, atPhase, exitCode } = ctx.input;
  let injected = false;
  return extractScheduleFromFile(path, {
    onProgress: (p) => {
      ctx.progress(p);
      if (injected || p.phase !== atPhase) return;
      injected = true;
      if (fault === 'throw-uncaught') {
        setImmediate(() => {
          throw new Error(`injected uncaught failure during ${atPhase}`);
        });
      } else if (fault === 'throw-in-task') {
        throw new Error(`injected failure inside the extraction during ${atPhase}`);
      } else {
        process.exit(exitCode ?? 7);
      }
    },
  });
});
