// Express ids as the file writes them. web-ifc 0.0.78 holds ids in 32 bits and keeps the last of
// two statements with the same id, both silently: #4294967297 overwrote #1, and a line repeated
// with another class turned a room into a wall. The statement starts ("\n#id=") of web-ifc's
// first pass are read here, so each such id is named in a warning. Measured on the 70 MB generated
// model (1.4 M statements), in one process beside web-ifc's parse: 5–7 % of the parse time, most of
// it finding the 1.5 M newlines (Buffer.indexOf per line; a latin1-string scan and a 4-bytes-at-a-
// time scan were both slower). web-ifc's own lists cost as much (GetAllLines plus
// GetLineIDsWithType of every class present: ~300 ms on that model).
import { ChunkScanner } from './first-pass';
import { ModelReader } from './model-reader';
import { WarningCollector } from './warnings';

const TWO_32 = 2 ** 32;
/** 2^27 ids: a 16 MB bitmap at most, 50x the largest id of the 70 MB generated model (2.5 M). */
const BITMAP_IDS = 2 ** 27;
/** Bytes kept from the end of a chunk, so a statement start cut by the chunk edge is still read. */
const CARRY = 32;
/** Ids named in a warning; the rest are counted. */
const NAMED = 5;

export class StatementIds implements ChunkScanner {
  /** One bit per id seen so far, for ids below BITMAP_IDS (files number their entities densely from 1). */
  private seen = new Uint8Array(1 << 16);
  /** Ids from BITMAP_IDS up (a bitmap reaching 2^32 would take 512 MB: the fuzzer's odd ids did that). */
  private readonly seenLarge = new Set<number>();
  private readonly repeated = new Set<number>();
  /** Ids written beyond 2^32, as written, with what web-ifc reads them as. */
  readonly beyond32: { written: string; readAs: number }[] = [];
  private carry: Buffer | undefined;

  /** Consecutive chunks of the text (first-pass.ts). */
  scan(chunk: Uint8Array): void {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // The previous chunk's last bytes, joined to this one's first: statement starts cut by the edge.
    if (this.carry) {
      const joined = Buffer.concat([this.carry, buf.subarray(0, CARRY)]);
      for (let i = joined.indexOf(0x0a); i >= 0 && i < this.carry.length; i = joined.indexOf(0x0a, i + 1)) if (joined[i + 1] === 0x23) this.statementAt(joined, i);
    }
    const limit = Math.max(0, buf.length - CARRY);
    for (let i = buf.indexOf(0x0a); i >= 0 && i < limit; i = buf.indexOf(0x0a, i + 1)) {
      if (buf[i + 1] === 0x23) this.statementAt(buf, i);
    }
    this.carry = Buffer.from(buf.subarray(limit));
  }

  /** Ids defined more than once (as web-ifc reads them), in the order their repeats appear. */
  get redefined(): ReadonlySet<number> {
    return this.repeated;
  }

  /** The statement start after the newline at `nl`, if the text there is "#digits =". */
  private statementAt(buf: Buffer, nl: number): void {
    let j = nl + 2;
    let id = 0;
    for (let d = buf[j]; d >= 0x30 && d <= 0x39; d = buf[++j]) id = id * 10 + d - 0x30;
    const digitsEnd = j;
    if (digitsEnd === nl + 2) return;
    while (buf[j] === 0x20) j++;
    if (buf[j] !== 0x3d || j >= buf.length) return;
    if (id >= TWO_32) {
      const written = buf.toString('latin1', nl + 2, digitsEnd);
      id = Number(BigInt(written) % BigInt(TWO_32));
      this.beyond32.push({ written, readAs: id });
    }
    if (id >= BITMAP_IDS) {
      if (this.seenLarge.has(id)) this.repeated.add(id);
      else this.seenLarge.add(id);
      return;
    }
    const byte = id >>> 3;
    if (byte >= this.seen.length) {
      const grown = new Uint8Array(Math.max(this.seen.length * 2, byte + 1));
      grown.set(this.seen);
      this.seen = grown;
    }
    const bit = 1 << (id & 7);
    if (this.seen[byte] & bit) this.repeated.add(id);
    else this.seen[byte] |= bit;
  }
}

function listed(ids: string[], total: number): string {
  const shown = ids.slice(0, NAMED).join(', ');
  return total > NAMED ? `${shown} and ${total - NAMED} more` : shown;
}

/** Warns about ids beyond 2^32 and ids defined twice, naming them and the class web-ifc kept. */
export function reportEntityIds(ids: StatementIds, reader: ModelReader, warnings: WarningCollector): void {
  if (ids.beyond32.length) {
    const first = ids.beyond32[0];
    const examples = ids.beyond32.map((b) => `#${b.written} (read as #${b.readAs})`);
    warnings.add('bad-entity', `Some express ids are larger than 4294967295, the most the IFC reader can hold: ${listed(examples, examples.length)}. They wrap around, and may land on the id of another entity.`, first.readAs, 'id-beyond-32-bits');
  }
  const repeated = [...ids.redefined];
  if (repeated.length) {
    const examples = repeated.map((id) => `#${id} (kept as ${reader.typeName(reader.typeOf(id))})`);
    warnings.add('bad-entity', `Some express ids are defined more than once: ${listed(examples, examples.length)}. Only the last definition of each is read; the entities defined before it are missing.`, repeated[0], 'id-defined-twice', repeated.length);
  }
}
