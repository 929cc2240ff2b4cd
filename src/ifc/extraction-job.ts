// The main thread's side of an extraction: starts the extraction worker through the runner. No
// web-ifc here — it is loaded only inside the worker thread, so the UI process never holds a WASM heap.
import * as fs from 'fs';
import * as path from 'path';
import type { ResourceLimits } from 'worker_threads';
import type { OperationRunner } from '../core/operations/operation-runner';
import type { OperationOptions } from '../core/operations/operation-types';
import type { RunningOperation } from '../core/operations/running-operation';
import type { RoomSchedule } from '../core/schedule/model';
import type { RoomsPreview } from '../core/schedule/room-preview';
import { appPaths } from '../platform/paths';
import type { ExtractionInput } from './extraction-input';
import { declaredModelBytes, looksLikeZip } from './ifczip';

export const EXTRACTION_WORKER_FILE = path.join(__dirname, 'extraction-worker.js');
/** The operation kind of a model load (the window's heading follows operations of this kind). */
export const EXTRACTION_KIND = 'extract';

export interface ExtractionJobOptions {
  timeoutMs?: number;
  /** 'cancel' for headless callers (the CLI) that cannot ask the user what to do on timeout. */
  onTimeout?: 'notify' | 'cancel';
  resourceLimits?: ResourceLimits;
  /** A worker entry that runs the extraction job and may do more in the same thread (the CLI's); the extraction worker by default. */
  workerFile?: string;
}

/**
 * Starts reading `input` into a RoomSchedule; the size of its IFC text picks the timeout band (for a
 * .ifczip, what the archive says it unpacks to: sized from the archive, a 40 MB .ifczip of a 400 MB
 * model had a tenth of the time it needs). Its rooms come first as a preview (onDidPreview), once the
 * spaces are read.
 */
export function startExtraction(runner: OperationRunner, input: ExtractionInput, fileSizeBytes?: number, options: ExtractionJobOptions = {}): RunningOperation<RoomSchedule, RoomsPreview> {
  return runner.start<ExtractionInput, RoomSchedule, RoomsPreview>(extractionOperation({ ...input, streamSpaces: true }, fileSizeBytes, options));
}

/**
 * The operation that reads `input` (its timeout band, code cache and worker), for startExtraction
 * and for a worker whose result is more than the schedule (src/cli/cli-extraction-worker.ts).
 */
export function extractionOperation<In extends ExtractionInput>(input: In, fileSizeBytes: number | undefined, options: ExtractionJobOptions): OperationOptions<In> {
  return {
    kind: EXTRACTION_KIND,
    label: `Reading ${input.name}`,
    workerFile: options.workerFile ?? EXTRACTION_WORKER_FILE,
    input: { ...input, codeCacheDir: input.codeCacheDir ?? defaultCodeCacheDir() },
    fileSizeBytes: modelTextBytes(input, fileSizeBytes ?? sizeOf(input)),
    timeoutMs: options.timeoutMs,
    onTimeout: options.onTimeout,
    resourceLimits: options.resourceLimits,
  };
}

/** web-ifc's code cache lives in the app's cache folder; IFC_RS_NO_CODE_CACHE=1 turns it off (benchmark A/B). */
export function defaultCodeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.IFC_RS_NO_CODE_CACHE === '1' ? undefined : path.join(appPaths(env).cache, 'v8');
}

/** The file's size, or for an archive the larger of that and the model size its directory declares. */
function modelTextBytes(input: ExtractionInput, fileBytes: number | undefined): number | undefined {
  if (fileBytes === undefined) return undefined;
  const declared = input.bytes ? declaredInBytes(input.bytes) : input.path ? declaredInFile(input.path, fileBytes) : undefined;
  return Math.max(fileBytes, declared ?? 0);
}

function declaredInBytes(bytes: Uint8Array): number | undefined {
  return looksLikeZip(bytes) ? declaredModelBytes((offset, length) => bytes.subarray(offset, offset + length), bytes.length) : undefined;
}

function declaredInFile(file: string, size: number): number | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const read = (offset: number, length: number) => {
      const out = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      return out.subarray(0, fs.readSync(fd!, out, 0, out.length, offset));
    };
    return looksLikeZip(read(0, 4)) ? declaredModelBytes(read, size) : undefined;
  } catch {
    // The worker reports an unreadable file; the timeout falls back to the file's size.
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
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
