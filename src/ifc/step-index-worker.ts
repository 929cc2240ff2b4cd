// Thread entry: indexes the second part of a big model file while the extraction worker indexes the
// first (step-index-parallel.ts). Reads the file itself, so no text crosses threads; sends back its
// record columns (transferred, not copied), class names and the places of strings to decode. Never
// imports web-ifc or @nodegui/*: it only scans bytes.
import * as fs from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { FastReaderRefusal } from './fast-reader-refusal';
import { IndexPartInput, IndexPartResult } from './step-index-part';
import { RecordColumns } from './step-index';
import { scanRange } from './step-index-build';
import { ClassTable } from './step-scan';
import { StringSuspects } from './text-strings';

async function indexPart(input: IndexPartInput): Promise<IndexPartResult> {
  const fd = fs.openSync(input.path, 'r');
  try {
    let buffer = Buffer.alloc(0);
    const text = {
      textBytes: input.to,
      read(offset: number, length: number): Uint8Array {
        if (buffer.length < length) buffer = Buffer.allocUnsafe(length);
        return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, offset));
      },
    };
    const columns = new RecordColumns(new ClassTable(), Math.ceil((input.to - input.from) / 32), input.to);
    const suspects = new StringSuspects(false);
    const outcome = await scanRange(text, { from: input.from, to: input.to, final: true }, columns, [suspects], () => undefined);
    return {
      kind: 'columns',
      ids: columns.ids,
      starts: columns.starts,
      lengths: columns.lengths,
      classes: columns.classes,
      count: columns.count,
      maxId: columns.maxId,
      classNames: columns.classTable.names,
      suspects: suspects.offsets(),
      ended: outcome.ended,
    };
  } catch (e) {
    if (e instanceof FastReaderRefusal) return { kind: 'refusal', message: e.message };
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  } finally {
    fs.closeSync(fd);
  }
}

void indexPart(workerData as IndexPartInput).then((result) => {
  const transfer = result.kind === 'columns' ? [result.ids, result.starts, result.lengths, result.classes].map((a) => a.buffer as ArrayBuffer) : [];
  parentPort?.postMessage(result, transfer);
});
