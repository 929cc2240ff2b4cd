// Indexing a model's text on two threads: a big plain .ifc is split near its middle, at the start
// of a statement; a second thread (step-index-worker.ts) indexes the second part while this one
// indexes the first. Where to split is a guess made from the bytes there (";" then "#12="), which a
// string holding ";\n#12=" could fool: the first part's own scan tells. It must end exactly where
// the second began, between two statements; otherwise the second part is dropped and this thread
// reads on alone, so the index is always the one a single front-to-back scan gives.
import * as path from 'path';
import { Worker } from 'worker_threads';
import { DisposableStore, resourceRegistry, toDisposable } from '../core/lifecycle';
import { ChunkScanner } from './first-pass';
import { FastReaderRefusal } from './fast-reader-refusal';
import { IndexPartInput, IndexPartResult } from './step-index-part';
import { RecordColumns } from './step-index';
import { scanRange, TextReader } from './step-index-build';
import { ClassTable } from './step-scan';

/** Below this a second thread costs more to start (~40 ms) than it saves. */
export const PARALLEL_INDEX_MIN_BYTES = 32 * 1024 * 1024;
/** How far past the middle a statement start is looked for. */
const SPLIT_SEARCH_BYTES = 1024 * 1024;

export interface IndexTextOptions {
  /** The file on disk, which the second thread reads itself; null for text only in memory. */
  path: string | null;
  scanners: readonly ChunkScanner[];
  /** Bytes indexed so far (an estimate while both threads run); may wait, or throw to cancel. */
  between(done: number): Promise<void>;
  /** Split the work at all (false: one thread, whatever the size). */
  parallel: boolean;
  /** Smallest text split (PARALLEL_INDEX_MIN_BYTES; tests split small files). */
  parallelMinBytes?: number;
  /** Places to decode found by the second thread, in file order (text-strings.ts). */
  onSuspects(offsets: readonly number[]): void;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The offset of a "#" that follows ";" and whitespace and starts "#digits=", at or after `near`; -1 if none close by. */
export function splitPoint(text: TextReader, near: number): number {
  const buf = Buffer.from(text.read(near, SPLIT_SEARCH_BYTES));
  for (let k = buf.indexOf(0x3b); k >= 0 && k < buf.length - 1; k = buf.indexOf(0x3b, k + 1)) {
    let j = k + 1;
    while (j < buf.length && (buf[j] === 0x0a || buf[j] === 0x0d || buf[j] === 0x20 || buf[j] === 0x09)) j++;
    if (buf[j] !== 0x23) continue;
    let d = j + 1;
    while (d < buf.length && isDigit(buf[d])) d++;
    if (d > j + 1 && buf[d] === 0x3d) return near + j;
  }
  return -1;
}

/** Runs the second part's thread; its answer, or an error answer when the thread fails. */
function startPart(input: IndexPartInput, store: DisposableStore): Promise<IndexPartResult> {
  const worker = new Worker(path.join(__dirname, 'step-index-worker.js'), { workerData: input });
  const registration = resourceRegistry.register('worker', `index of ${path.basename(input.path)} from byte ${input.from}`, worker, { threadId: worker.threadId });
  store.add(
    toDisposable(() => {
      registration.dispose();
      void worker.terminate();
    }, 'index thread'),
  );
  return new Promise((resolve) => {
    worker.once('message', (m: IndexPartResult) => resolve(m));
    worker.once('error', (e) => resolve({ kind: 'error', message: e.message }));
    worker.once('exit', (code) => resolve({ kind: 'error', message: `the index thread ended early (exit code ${code})` }));
  });
}

export interface IndexedText {
  columns: RecordColumns;
  /** How the work was shared: one thread, two, or two started and the first read on alone (the split fell inside a statement). */
  threads: 'one' | 'two' | 'first read on';
}

/** Indexes all of `text` into new columns: on two threads when it is big and on disk, else on this one. */
export async function indexModelText(text: TextReader, options: IndexTextOptions): Promise<IndexedText> {
  const total = text.textBytes;
  const columns = new RecordColumns(new ClassTable(), Math.ceil(total / 32), total);
  const split = options.parallel && options.path && total >= (options.parallelMinBytes ?? PARALLEL_INDEX_MIN_BYTES) ? splitPoint(text, Math.floor(total / 2)) : -1;
  if (split < 0 || !options.path) {
    await scanRange(text, { from: 0, to: total, final: true }, columns, options.scanners, (done) => options.between(done));
    return { columns, threads: 'one' };
  }
  const store = new DisposableStore('parallel index');
  try {
    const second = startPart({ path: options.path, from: split, to: total }, store);
    // Progress counts both parts, assuming the other thread keeps pace with this one.
    const first = await scanRange(text, { from: 0, to: split, final: false }, columns, options.scanners, (done) => options.between(Math.round((done / split) * total)));
    if (first.ended) return { columns, threads: 'one' };
    if (first.stoppedAt === split) {
      const part = await second;
      if (part.kind === 'refusal') throw new FastReaderRefusal(part.message);
      if (part.kind === 'columns') {
        columns.append(part);
        options.onSuspects(part.suspects);
        return { columns, threads: 'two' };
      }
    }
    // The guess fell inside a statement (or the thread failed): read on here, exactly as one scan would.
    store.dispose();
    await scanRange(text, { from: first.stoppedAt, to: total, final: true }, columns, options.scanners, (done) => options.between(done));
    return { columns, threads: 'first read on' };
  } finally {
    store.dispose();
  }
}
