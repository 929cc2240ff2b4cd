// The main thread's side of an extraction: starts the extraction worker through the runner. No
// web-ifc here — it is loaded only inside the worker thread, so the UI process never holds a WASM heap.
import * as fs from 'fs';
import * as path from 'path';
import type { ResourceLimits } from 'worker_threads';
import type { OperationRunner } from '../core/operations/operation-runner';
import type { RunningOperation } from '../core/operations/running-operation';
import type { RoomSchedule } from '../core/schedule/model';
import { appPaths } from '../platform/paths';
import type { ExtractionInput } from './extraction-input';

export const EXTRACTION_WORKER_FILE = path.join(__dirname, 'extraction-worker.js');
/** The operation kind of a model load (the window's heading follows operations of this kind). */
export const EXTRACTION_KIND = 'extract';

export interface ExtractionJobOptions {
  timeoutMs?: number;
  /** 'cancel' for headless callers (the CLI) that cannot ask the user what to do on timeout. */
  onTimeout?: 'notify' | 'cancel';
  resourceLimits?: ResourceLimits;
}

/** Starts reading `input` into a RoomSchedule; the size (stat'ed when not given) picks the timeout band. */
export function startExtraction(runner: OperationRunner, input: ExtractionInput, fileSizeBytes?: number, options: ExtractionJobOptions = {}): RunningOperation<RoomSchedule> {
  return runner.start<ExtractionInput, RoomSchedule>({
    kind: EXTRACTION_KIND,
    label: `Reading ${input.name}`,
    workerFile: EXTRACTION_WORKER_FILE,
    input: { ...input, streamSpaces: true, codeCacheDir: input.codeCacheDir ?? defaultCodeCacheDir() },
    fileSizeBytes: fileSizeBytes ?? sizeOf(input),
    timeoutMs: options.timeoutMs,
    onTimeout: options.onTimeout,
    resourceLimits: options.resourceLimits,
  });
}

/** web-ifc's code cache lives in the app's cache folder; IFC_RS_NO_CODE_CACHE=1 turns it off (benchmark A/B). */
export function defaultCodeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.IFC_RS_NO_CODE_CACHE === '1' ? undefined : path.join(appPaths(env).cache, 'v8');
}

function sizeOf(input: ExtractionInput): number | undefined {
  if (input.bytes) return input.bytes.byteLength;
  if (!input.path) return undefined;
  try {
    return fs.statSync(input.path).size;
  } catch {
    // The worker reports a missing or unreadable file with the right message.
    return undefined;
  }
}
