// A shortcut for boundary geometry. Reading a line out of web-ifc costs ~11 µs of CPU (measured on a
// 202 MB model: 117 000 geometry lines behind 7 812 boundaries took 1.3 s, a third of the parse
// time), mostly spent building JS objects one attribute at a time. Exporters write a boundary's
// geometry right next to it (ArchiCAD before, the Space Boundary Tool after), so while web-ifc
// reads the file we note where "SPACEBOUNDARY" occurs (a native search, ~90 ms on 202 MB), and
// afterwards read the text around those places ourselves. Only the boundaries and purely geometric
// entities are served this way, and only when they hold no escaped strings, typed values or derived
// "*" attributes, in exactly web-ifc's raw-line format (checked line by line against web-ifc on
// every fixture); anything else, or anything not found near a boundary, is read from web-ifc.
import * as W from './schema/ifc-types';
import { ChunkScanner } from './first-pass';
import { ModelSource } from './model-source';
import { statementEnd } from './step-scan';
import { decodeStepString, stringEnd } from './step-strings';
import { RawArg, RawLine } from './step-values';

/** Types served from the text: the boundaries themselves and the geometry of their surfaces. */
const SERVED: Record<string, number> = {
  IFCRELSPACEBOUNDARY: W.IFCRELSPACEBOUNDARY,
  IFCRELSPACEBOUNDARY1STLEVEL: W.IFCRELSPACEBOUNDARY1STLEVEL,
  IFCRELSPACEBOUNDARY2NDLEVEL: W.IFCRELSPACEBOUNDARY2NDLEVEL,
  IFCCONNECTIONSURFACEGEOMETRY: W.IFCCONNECTIONSURFACEGEOMETRY,
  IFCCURVEBOUNDEDPLANE: W.IFCCURVEBOUNDEDPLANE,
  IFCPLANE: W.IFCPLANE,
  IFCAXIS2PLACEMENT3D: W.IFCAXIS2PLACEMENT3D,
  IFCAXIS2PLACEMENT2D: W.IFCAXIS2PLACEMENT2D,
  IFCCARTESIANPOINT: W.IFCCARTESIANPOINT,
  IFCDIRECTION: W.IFCDIRECTION,
  IFCPOLYLINE: W.IFCPOLYLINE,
  IFCCOMPOSITECURVE: W.IFCCOMPOSITECURVE,
  IFCCOMPOSITECURVESEGMENT: W.IFCCOMPOSITECURVESEGMENT,
  IFCPOLYLOOP: W.IFCPOLYLOOP,
  IFCFACE: W.IFCFACE,
  IFCFACEOUTERBOUND: W.IFCFACEOUTERBOUND,
  IFCFACEBOUND: W.IFCFACEBOUND,
  IFCCONNECTEDFACESET: W.IFCCONNECTEDFACESET,
  IFCFACEBASEDSURFACEMODEL: W.IFCFACEBASEDSURFACEMODEL,
};

const NEEDLE = Buffer.from('SPACEBOUNDARY');
/** Text read around each boundary; neighbouring windows merge, so shared text is read once. */
const WINDOW_BEFORE = 3072;
const WINDOW_AFTER = 3072;

/** Collects where boundaries are written, from the chunks of web-ifc's first pass (first-pass.ts). */
export class BoundaryAnchors implements ChunkScanner {
  readonly offsets: number[] = [];

  scan(chunk: Uint8Array, offset: number): void {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // A needle cut by a chunk edge is found by starting the next chunk a little early, which the
    // parser's sequential reads do not allow; the windows around neighbours cover such a boundary.
    for (let i = buf.indexOf(NEEDLE); i >= 0; i = buf.indexOf(NEEDLE, i + NEEDLE.length)) this.offsets.push(offset + i);
  }
}

/** Statement lengths fit in 21 bits; positions are packed as start · 2^21 + length in one number. */
const LENGTH_BITS = 2 ** 21;

export class GeometryText {
  /** The text around every boundary, ranges one after the other. */
  private readonly text: Buffer;
  /**
   * Express ids of the served statements, ascending, and their packed positions (start · 2^21 +
   * length of the text after "#id=" up to the ';'). Typed arrays: a Map of 294 000 statements (a
   * 50 MB boundary-dense model) took 19 MB of heap, these take 3.5 MB.
   */
  private ids: Int32Array;
  private positions: Float64Array;
  private count = 0;

  /** Reads the text around the anchors (from the source, before it is closed) and indexes its statements. */
  constructor(source: ModelSource, anchors: readonly number[]) {
    const ranges: [number, number][] = [];
    for (const at of anchors) {
      const from = Math.max(0, at - WINDOW_BEFORE);
      const to = Math.min(source.textBytes, at + WINDOW_AFTER);
      const last = ranges[ranges.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else ranges.push([from, to]);
    }
    this.text = Buffer.allocUnsafe(ranges.reduce((n, [from, to]) => n + to - from, 0));
    this.ids = new Int32Array(1024);
    this.positions = new Float64Array(1024);
    let base = 0;
    for (const [from, to] of ranges) {
      const chunk = source.copy(from, to - from);
      this.text.set(chunk, base);
      // Each range is indexed on its own, so no statement runs across the seam to the next one.
      this.index(this.text.subarray(base, base + chunk.length), base);
      base += chunk.length;
    }
    this.sortById();
  }

  get size(): number {
    return this.count;
  }

  /** The line as web-ifc's GetRawLinesData would give it, when it is a served type found near a boundary. */
  line(id: number): RawLine | undefined {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.ids[mid];
      if (at < id) lo = mid + 1;
      else if (at > id) hi = mid - 1;
      else {
        const packed = this.positions[mid];
        const start = Math.floor(packed / LENGTH_BITS);
        const parsed = parseStatement(this.text, start, start + (packed % LENGTH_BITS));
        return parsed ? { ID: id, type: parsed.type, arguments: parsed.args } : undefined;
      }
    }
    return undefined;
  }

  private add(id: number, packed: number): void {
    if (this.count === this.ids.length) {
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const positions = new Float64Array(this.positions.length * 2);
      positions.set(this.positions);
      this.positions = positions;
    }
    this.ids[this.count] = id;
    this.positions[this.count++] = packed;
  }

  /** Files mostly number their entities in order; sort when they do not, keeping the first of duplicates. */
  private sortById(): void {
    let sorted = true;
    for (let i = 1; i < this.count && sorted; i++) sorted = this.ids[i - 1] < this.ids[i];
    if (sorted) return;
    const order = Array.from({ length: this.count }, (_, i) => i).sort((a, b) => this.ids[a] - this.ids[b] || a - b);
    const ids = new Int32Array(this.count);
    const positions = new Float64Array(this.count);
    let n = 0;
    for (const i of order) {
      if (n > 0 && ids[n - 1] === this.ids[i]) continue;
      ids[n] = this.ids[i];
      positions[n++] = this.positions[i];
    }
    this.ids = ids;
    this.positions = positions;
    this.count = n;
  }

  /** Statements start at line starts ("\n#12=") — a safe resynchronisation point even mid-string. */
  private index(text: Buffer, base: number): void {
    // Where the next quote is: geometry has no strings, so most statements end before it.
    let quote = text.indexOf(39);
    let i = text.indexOf('\n#');
    while (i >= 0) {
      const start = i + 1;
      let j = start + 1;
      let id = 0;
      while (j < text.length && text[j] >= 48 && text[j] <= 57) id = id * 10 + (text[j++] - 48);
      while (text[j] === 32) j++;
      if (j === start + 1 || text[j] !== 61 /* = */ || id > 0x7fffffff) {
        i = text.indexOf('\n#', j);
        continue;
      }
      let end = text.indexOf(59, j);
      if (quote >= 0 && quote < j) quote = text.indexOf(39, j);
      if (quote >= 0 && end > quote) end = statementEnd(text, j + 1, text.length);
      if (end < 0) return;
      if (end - j - 1 < LENGTH_BITS && isServed(text, j + 1, end)) this.add(id, (base + j + 1) * LENGTH_BITS + (end - j - 1));
      i = text.indexOf('\n#', end);
    }
  }
}

/** Whether the statement's entity name (before its '(') is one the shortcut serves. */
function isServed(text: Buffer, from: number, end: number): boolean {
  let k = from;
  while (k < end && (text[k] === 32 || text[k] === 10 || text[k] === 13 || text[k] === 9)) k++;
  const open = text.indexOf(40, k);
  return open > k && open < end && SERVED[text.toString('latin1', k, open).trim()] !== undefined;
}

/** `TYPENAME(args)` between start and end; null for anything outside the served subset. */
function parseStatement(text: Buffer, start: number, end: number): { type: number; args: RawArg[] } | null {
  let k = start;
  while (text[k] === 32 || text[k] === 10 || text[k] === 13 || text[k] === 9) k++;
  const open = text.indexOf(40 /* ( */, k);
  if (open < 0 || open > end) return null;
  const type = SERVED[text.toString('latin1', k, open).trim()];
  if (type === undefined) return null;
  const p: Cursor = { text, i: open, end };
  const args = parseList(p);
  return args ? { type, args } : null;
}

/** web-ifc's type code of the upper-case name in text[start, end) (a class or a typed value's type); undefined when unknown. */
export type TypeCodeOf = (text: Uint8Array, start: number, end: number) => number | undefined;

/**
 * Any record's text after "#id=" up to its ';' as web-ifc's GetRawLinesData gives it (the fast
 * engine, text-lines.ts): strings decoded per ISO 10303-21 (step-strings.ts), typed values with
 * their type codes, DERIVE "*" left out. Null for what web-ifc might read otherwise (binaries,
 * comments inside, text after the closing parenthesis).
 */
export function lexRecord(text: Buffer, start: number, end: number, typeCode: TypeCodeOf): { type: number; args: RawArg[] } | null {
  let k = start;
  while (k < end && isSpaceByte(text[k])) k++;
  const open = text.indexOf(40 /* ( */, k);
  if (open < 0 || open > end) return null;
  let nameEnd = open;
  while (nameEnd > k && isSpaceByte(text[nameEnd - 1])) nameEnd--;
  const type = typeCode(text, k, nameEnd);
  if (type === undefined) return null;
  const p: Cursor = { text, i: open, end, typeCode };
  const args = parseList(p);
  if (!args) return null;
  skipSpace(p);
  return p.i === end ? { type, args } : null;
}

function isSpaceByte(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A string decoded in full (the fast engine). */
function decodedString(p: Cursor): RawArg | undefined {
  const close = stringEnd(p.text, p.i, p.end);
  if (close < 0) return undefined;
  const value = decodeStepString(p.text, p.i + 1, close).value;
  p.i = close + 1;
  return { type: 1, value };
}

/** A typed value, KEYWORD(value): web-ifc gives its type code and the inner value's own value. */
function typedArg(p: Cursor): RawArg | undefined {
  let j = p.i;
  while (j < p.end && ((p.text[j] >= 65 && p.text[j] <= 90) || (p.text[j] >= 48 && p.text[j] <= 57) || p.text[j] === 95)) j++;
  const typecode = p.typeCode?.(p.text, p.i, j);
  if (typecode === undefined) return undefined;
  p.i = j;
  skipSpace(p);
  if (p.text[p.i] !== 40) return undefined;
  p.i++;
  skipSpace(p);
  const inner = parseValue(p);
  skipSpace(p);
  if (inner === undefined || p.text[p.i] !== 41) return undefined;
  p.i++;
  if (inner === null || Array.isArray(inner)) return { type: 2, typecode, value: inner };
  return 'value' in inner ? { type: 2, typecode, value: inner.value } : { type: 2, typecode };
}

/**
 * A string without escapes (GlobalIds, "2ndLevel", "2a"), where the text is the value: web-ifc
 * decodes \X\, \X2\ and \S\ escapes, so strings holding a backslash are left to it.
 */
function parseString(p: Cursor): RawArg | undefined {
  let k = p.i + 1;
  let value = '';
  for (;;) {
    const close = p.text.indexOf(39, k);
    if (close < 0 || close > p.end) return undefined;
    value += p.text.toString('latin1', k, close);
    if (p.text[close + 1] !== 39) {
      p.i = close + 1;
      break;
    }
    // '' is an apostrophe inside the string.
    value += "'";
    k = close + 2;
  }
  if (value.includes('\\') || /[^\x20-\x7e]/.test(value)) return undefined;
  return { type: 1, value };
}

interface Cursor {
  text: Buffer;
  i: number;
  end: number;
  /** Set for full records (lexRecord): strings are decoded, typed values and "*" read. */
  typeCode?: TypeCodeOf;
}

function skipSpace(p: Cursor): void {
  while (p.i < p.end && (p.text[p.i] === 32 || p.text[p.i] === 10 || p.text[p.i] === 13 || p.text[p.i] === 9)) p.i++;
}

/** A parenthesised list at p.i; null when it holds something the subset does not serve. */
function parseList(p: Cursor): RawArg[] | null {
  p.i++; // (
  const out: RawArg[] = [];
  skipSpace(p);
  if (p.text[p.i] === 41) {
    p.i++;
    return out;
  }
  for (;;) {
    skipSpace(p);
    if (p.typeCode && p.text[p.i] === 42 /* * */) {
      // A DERIVE attribute: web-ifc leaves it out of the line.
      p.i++;
    } else {
      const value = parseValue(p);
      if (value === undefined) return null;
      out.push(value);
    }
    skipSpace(p);
    const c = p.text[p.i++];
    if (c === 41) return out;
    if (c !== 44) return null;
  }
}

/** One value in web-ifc's raw format; undefined for what is not served (escaped strings, "*", typed values). */
function parseValue(p: Cursor): RawArg | undefined {
  const c = p.text[p.i];
  if (c === 39 /* ' */) return p.typeCode ? decodedString(p) : parseString(p);
  if (p.typeCode && c >= 65 && c <= 90) return typedArg(p);
  if (c === 36 /* $ */) {
    p.i++;
    return null;
  }
  if (c === 40) return parseList(p) ?? undefined;
  if (c === 35 /* # */) {
    let id = 0;
    let j = p.i + 1;
    while (p.text[j] >= 48 && p.text[j] <= 57) id = id * 10 + (p.text[j++] - 48);
    if (j === p.i + 1) return undefined;
    p.i = j;
    return { type: 5, value: id };
  }
  if (c === 46 /* . */) {
    const close = p.text.indexOf(46, p.i + 1);
    if (close < 0 || close > p.end) return undefined;
    const word = p.text.toString('latin1', p.i + 1, close);
    p.i = close + 1;
    // web-ifc turns .T. / .F. into booleans, gives .U. (unknown) no value and keeps other enumerations as words.
    if (word === 'U') return { type: 3 };
    return { type: 3, value: word === 'T' ? true : word === 'F' ? false : word };
  }
  if ((c >= 48 && c <= 57) || c === 45 || c === 43) {
    let j = p.i + 1;
    let real = false;
    for (; j < p.end; j++) {
      const d = p.text[j];
      if (d === 46 || d === 69 || d === 101) real = true;
      else if (!((d >= 48 && d <= 57) || d === 45 || d === 43)) break;
    }
    const token = p.text.toString('latin1', p.i, j);
    p.i = j;
    // REALs stay the text web-ifc keeps ("473000."), INTEGERs become numbers, as web-ifc does.
    return real ? { type: 4, value: token } : { type: 10, value: Number(token) };
  }
  return undefined;
}
