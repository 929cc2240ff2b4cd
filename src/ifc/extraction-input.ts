import type { ExtractionEngine } from './extraction-engine';
import type { RoomGeometryMode } from './space-geometry/room-geometry';

// What the main thread sends to the extraction worker (workerData). Either a path (the worker reads
// the file itself, so the bytes never cross threads) or bytes already in memory.
export interface ExtractionInput {
  /** File to read; .ifc or .ifczip. */
  path?: string;
  /** Bytes of an .ifc or .ifczip, with its file name in `name`. */
  bytes?: Uint8Array;
  /** File name shown in messages and metadata. */
  name: string;
  /** web-ifc MEMORY_LIMIT in bytes (tests use a small one to provoke out-of-memory). */
  memoryLimitBytes?: number;
  /** Skip boundary geometry (area/orientation): faster, for quick listings. */
  skipGeometry?: boolean;
  /** How rooms are measured from their own bodies (default 'where-needed'; the benchmark compares 'off'). */
  roomGeometry?: RoomGeometryMode;
  /** How the file is read: 'fast' (its text, web-ifc for room meshes) or 'web-ifc' (a full parse); default DEFAULT_ENGINE. */
  engine?: ExtractionEngine;
  /** Test hook: ignore the graceful shutdown request (to exercise the forced terminate). */
  ignoreShutdown?: boolean;
  /**
   * Send the rooms in acknowledged slices ('part' messages) before the result. Set by
   * startExtraction (the OperationRunner speaks that protocol); a bare Worker gets one 'result'.
   */
  streamSpaces?: boolean;
  /** Folder of V8's code cache for web-ifc's script (web-ifc-code-cache.ts); none: compiled each time. */
  codeCacheDir?: string;
  /** Version of the app, recorded in the schedule's metadata. */
  appVersion?: string;
}
