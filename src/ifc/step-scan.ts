// The hot loop of the byte-level STEP index: finds each statement of a stretch of text, its express
// id, where its text after "=" starts and ends, and its class, without creating a JS object (or a
// string) per record. A record ends at the first ';' outside a string ('' is a quote inside one)
// and outside a comment.
import { FastReaderRefusal } from './fast-reader-refusal';
import { stringEnd } from './step-strings';

const SEMI = 0x3b;
const QUOTE = 0x27;
const HASH = 0x23;
const SLASH = 0x2f;
const STAR = 0x2a;
const EQUALS = 0x3d;

/** Bytes of a class name: A–Z, 0–9, _ (and a–z, which web-ifc reads too). */
const NAME_BYTE = new Uint8Array(256);
for (let c = 0; c < 256; c++) NAME_BYTE[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

function nameHash(hash: number, byte: number): number {
  return (Math.imul(hash, 31) + byte) | 0;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Where a scan learns of a record or a keyword statement. */
export interface StatementSink {
  /** #id = CLASS(...); the text after "=" is [start, end), end at its ';'. */
  record(id: number, start: number, end: number, classIndex: number): void;
  /** A statement without "#": HEADER, FILE_NAME(...), DATA, ENDSEC…; [start, end) without the ';'. */
  keyword(buf: Uint8Array, start: number, end: number, base: number): boolean;
}

/**
 * Class names by their bytes: a small open-addressing table from a hash of the name to its index,
 * checked byte for byte, so the millions of records of a big model share a few hundred names.
 */
export class ClassTable {
  readonly names: string[] = [];
  private bytes: Uint8Array[] = [];
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);

  /** The index of the name in buf[start, end), added when new. */
  indexOf(buf: Uint8Array, start: number, end: number): number {
    let hash = 0;
    for (let k = start; k < end; k++) hash = nameHash(hash, buf[k]);
    return this.lookup(buf, start, end, hash);
  }

  /** indexOf, with the name's nameHash computed by the caller while it found the name's end. */
  lookup(buf: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s];
      if (at < 0) return this.add(buf, start, end, hash, s);
      if (this.hashes[s] !== hash) continue;
      const name = this.bytes[at];
      if (name.length !== end - start) continue;
      let same = true;
      for (let k = 0; k < name.length; k++) {
        if (name[k] !== buf[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return at;
    }
  }

  private add(buf: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const index = this.names.length;
    const name = Uint8Array.prototype.slice.call(buf, start, end) as Uint8Array;
    this.names.push(Buffer.from(name.buffer, name.byteOffset, name.byteLength).toString('latin1'));
    this.bytes.push(name);
    this.slots[slot] = index;
    this.hashes[slot] = hash;
    if (this.names.length * 2 > this.slots.length) this.grow();
    return index;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(-1);
    const hashes = new Int32Array(size);
    for (let s = 0; s < this.slots.length; s++) {
      if (this.slots[s] < 0) continue;
      let t = this.hashes[s] & (size - 1);
      while (slots[t] >= 0) t = (t + 1) & (size - 1);
      slots[t] = this.slots[s];
      hashes[t] = this.hashes[s];
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}

/**
 * Index of the ';' ending the statement whose text continues at `from`, outside strings and
 * comments; -1 when buf[.., to) ends first (the caller reads on and scans the statement again).
 */
export function statementEnd(buf: Uint8Array, from: number, to: number): number {
  let p = from;
  while (p < to) {
    const c = buf[p];
    if (c === SEMI) return p;
    if (c === QUOTE) {
      const close = stringEnd(buf, p, to);
      if (close < 0) return -1;
      p = close + 1;
      continue;
    } else if (c === SLASH) {
      if (p + 1 >= to) return -1;
      if (buf[p + 1] === STAR) {
        p = commentEnd(buf, p + 2, to);
        if (p < 0) return -1;
        continue;
      }
    }
    p++;
  }
  return -1;
}

/**
 * Finds statement ends with native searches: the next ';' (memchr), and the next quote and slash,
 * each searched again only once passed. Strings and comments are rare (a 202 MB model: 4 million
 * records, 130 000 strings), so most records cost one native call; a byte-by-byte loop in JS
 * measured 4× slower.
 */
class EndFinder {
  private quote = -1;
  private slash = -1;

  constructor(
    private readonly buf: Buffer,
    private readonly to: number,
  ) {
    this.quote = this.search(QUOTE, 0);
    this.slash = this.search(SLASH, 0);
  }

  private search(byte: number, from: number): number {
    const at = this.buf.indexOf(byte, from);
    return at < 0 || at >= this.to ? this.to : at;
  }

  end(from: number): number {
    const semi = this.buf.indexOf(SEMI, from);
    if (semi < 0 || semi >= this.to) return -1;
    if (this.quote < from) this.quote = this.search(QUOTE, from);
    if (this.slash < from) this.slash = this.search(SLASH, from);
    if (this.quote > semi && this.slash > semi) return semi;
    // A string or a slash before the ';': the careful way, from the first of them.
    return statementEnd(this.buf, Math.min(this.quote, this.slash), this.to);
  }
}

/** Index just past the "*∕" closing a comment whose body starts at `from`; -1 when not in buf[.., to). */
function commentEnd(buf: Uint8Array, from: number, to: number): number {
  for (let p = from; p + 1 < to; p++) if (buf[p] === STAR && buf[p + 1] === SLASH) return p + 2;
  return -1;
}

/**
 * Scans the statements of buf[from, to): each one ends in the sink. Returns where the scan stopped:
 * `to`, or the start of a statement that is not complete before `to` (when `final` is false; the
 * caller scans again from there with more text). `base` is buf[0]'s offset in the file. Returns
 * -1 after a keyword statement the sink ends the scan with (END-ISO-10303-21).
 */
export function scanStatements(buf: Buffer, from: number, to: number, base: number, final: boolean, classes: ClassTable, sink: StatementSink): number {
  let i = from;
  const ends = new EndFinder(buf, to);
  const incomplete = (at: number, what: string): number => {
    if (!final) return at;
    throw new FastReaderRefusal(what);
  };
  while (i < to) {
    const c = buf[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === SLASH && i + 1 < to && buf[i + 1] === STAR) {
      const close = commentEnd(buf, i + 2, to);
      if (close < 0) return incomplete(i, 'a comment is not closed');
      i = close;
      continue;
    }
    if (c !== HASH) {
      // A keyword statement: ISO-10303-21; HEADER; FILE_NAME(…); DATA; ENDSEC; END-ISO-10303-21;
      const end = ends.end(i);
      if (end < 0) {
        if (!final) return i;
        // Text after the last ';' (an end marker without one): nothing more to index.
        return to;
      }
      if (!sink.keyword(buf, i, end, base)) return -1;
      i = end + 1;
      continue;
    }
    let j = i + 1;
    let id = 0;
    while (j < to && buf[j] >= 0x30 && buf[j] <= 0x39) id = id * 10 + (buf[j++] - 0x30);
    if (j >= to) return incomplete(i, `the statement at byte ${base + i} does not end`);
    if (j === i + 1) throw new FastReaderRefusal(`a statement at byte ${base + i} has no express id`);
    if (id > 0x7fffffff) throw new FastReaderRefusal(`the express id #${buf.toString('latin1', i + 1, j)} is too large`);
    while (j < to && isSpace(buf[j])) j++;
    if (j >= to) return incomplete(i, `the statement #${id} does not end`);
    if (buf[j] !== EQUALS) throw new FastReaderRefusal(`#${id} is not followed by "="`);
    const start = j + 1;
    let k = start;
    while (k < to && isSpace(buf[k])) k++;
    let e = k;
    let hash = 0;
    while (e < to && NAME_BYTE[buf[e]] === 1) hash = nameHash(hash, buf[e++]);
    const end = ends.end(e);
    if (end < 0) return incomplete(i, `the statement #${id} does not end`);
    if (e === k) throw new FastReaderRefusal(`#${id} is a complex instance or has no class`);
    sink.record(id, base + start, base + end, classes.lookup(buf, k, e, hash));
    i = end + 1;
  }
  return to;
}
