// Builds the STEP index (step-index.ts) from a model's text, read in chunks, so the whole text is
// never in memory at once: a statement cut by a chunk's end is scanned again at the start of the
// next chunk. Each chunk is also shown to the scanners that look for strings to decode (text-strings.ts).
import { ChunkScanner } from './first-pass';
import { ClassTable, scanStatements } from './step-scan';
import { RecordColumns } from './step-index';

/** The text of a model, read by offset (a ModelSource: the file on disk, or bytes in memory). */
export interface TextReader {
  readonly textBytes: number;
  /** Up to `length` bytes from `offset`; valid until the next call. */
  read(offset: number, length: number): Uint8Array;
}

/** 2 MB: ~7 ms of scanning, so progress moves and a cancel is seen that often, for one read call each. */
export const INDEX_CHUNK_BYTES = 2 * 1024 * 1024;
const FIRST_CHUNK_BYTES = 128 * 1024;

export interface ScanRange {
  from: number;
  to: number;
  /** Whether `to` is the end of the text (a statement cut there is an error, not the next chunk's). */
  final: boolean;
  /** Bytes read at once (INDEX_CHUNK_BYTES; tests cut statements with tiny chunks). */
  chunkBytes?: number;
}

export interface ScanOutcome {
  /** Where the scan stopped: `range.to`, or earlier at END-ISO-10303-21 or at a statement cut by `to` (when not final). */
  stoppedAt: number;
  /** True when END-ISO-10303-21; ended the scan. */
  ended: boolean;
}

/**
 * Scans text[range.from, range.to) into `columns`, chunk by chunk; `between` runs after each chunk
 * with the bytes done (it may throw to cancel, or wait to let messages in).
 */
export async function scanRange(text: TextReader, range: ScanRange, columns: RecordColumns, scanners: readonly ChunkScanner[], between: (done: number) => void | Promise<void>): Promise<ScanOutcome> {
  const classes: ClassTable = columns.classTable;
  let pos = range.from;
  const chunkBytes = range.chunkBytes ?? INDEX_CHUNK_BYTES;
  // The first chunks small: before V8 has optimised the scan, 2 MB took over 50 ms, longer than the
  // runner waits for a worker to acknowledge a shutdown (seen in CI as "no-ack").
  let size = Math.min(chunkBytes, FIRST_CHUNK_BYTES);
  let chunk = size;
  while (pos < range.to) {
    const want = Math.min(chunk, range.to - pos);
    const read = text.read(pos, want);
    if (read.length === 0) break;
    const buf = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
    const last = pos + buf.length >= range.to;
    const stop = scanStatements(buf, 0, buf.length, pos, last && range.final, classes, columns);
    const scanned = stop < 0 ? buf.length : stop;
    if (scanned > 0) for (const s of scanners) s.scan(buf.subarray(0, scanned), pos);
    if (stop < 0) {
      await between(pos + buf.length);
      return { stoppedAt: pos + buf.length, ended: true };
    }
    if (stop === 0 && !last) {
      // One statement longer than the chunk (a huge embedded blob): read more at once.
      chunk *= 2;
      continue;
    }
    pos += stop;
    size = Math.min(chunkBytes, size * 2);
    chunk = size;
    if (last && stop < buf.length) break;
    await between(pos);
  }
  return { stoppedAt: pos, ended: false };
}
