// Strings read from the file's text instead of web-ifc's decoder (see step-strings.ts for why).
// While web-ifc reads the file, the chunks of its first pass are scanned for what its decoder gets
// wrong: a backslash (an escape), a byte of 128 or more, a line of 32 KB or more (a string of 64 Ki
// characters needs one). Afterwards the statements there are lexed from the text, and each line
// web-ifc gives back for them has its strings replaced by ours, in the order they are written.
// Measured on the 70 MB generated model (528 lines with escapes), in one process beside web-ifc's
// parse: the scan costs 1.1–1.5 % of the parse time, lexing the statements 0.7–1.0 %.
import { isAscii } from 'buffer';
import { ChunkScanner } from './first-pass';
import { ModelSource } from './model-source';
import { DecodedString, StatementStrings, statementStrings } from './step-strings';
import { RawArg, RawLine, RawValue } from './step-values';
import { WarningCollector } from './warnings';

/** Bytes per isAscii check: a stray byte costs a JS loop over its block only. */
const ASCII_BLOCK = 64 * 1024;
/** A line with no newline over a whole block this long may hold a string of 64 Ki characters. */
const LONG_BLOCK = 16 * 1024;
/** Text read around a place at first; statements are short, so this is rarely widened. */
const FIRST_WINDOW = 4096;
/** The largest statement read (the fuzzer writes strings of 2 MB; IFC has no reason for 64 MB). */
const MAX_WINDOW = 64 * 1024 * 1024;

/** Places where web-ifc's strings may be wrong, noted from the chunks of its first pass (first-pass.ts). */
export class StringSuspects implements ChunkScanner {
  private readonly found: number[] = [];

  constructor(
    /**
     * Also note lines of 16 KB and more: web-ifc misreads strings on lines past 32 KB. Off for the
     * fast engine, whose lexer reads every string itself (a long line holds nothing to warn about
     * unless it also holds a backslash or a byte ≥ 128, which are noted anyway).
     */
    private readonly longLines = true,
  ) {}

  scan(chunk: Uint8Array, offset: number): void {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // One place per statement is enough: it is read whole there (a ';' inside a string only adds a place).
    for (let i = buf.indexOf(0x5c); i >= 0; ) {
      this.found.push(offset + i);
      const end = buf.indexOf(0x3b, i);
      i = end < 0 ? -1 : buf.indexOf(0x5c, end);
    }
    for (let b = 0; b < buf.length; b += ASCII_BLOCK) {
      const end = Math.min(buf.length, b + ASCII_BLOCK);
      if (isAscii(buf.subarray(b, end))) continue;
      for (let k = b; k < end; k++) {
        if (buf[k] < 0x80) continue;
        this.found.push(offset + k);
        const end = buf.indexOf(0x3b, k);
        k = end < 0 ? buf.length : end;
      }
    }
    for (let p = 0; this.longLines && p + LONG_BLOCK <= buf.length; p += LONG_BLOCK) {
      const nl = buf.indexOf(0x0a, p);
      if (nl >= 0 && nl < p + LONG_BLOCK) continue;
      if (nl < 0) {
        // No line break in the rest of the chunk (a file written without them): a place in every block.
        for (; p + LONG_BLOCK <= buf.length; p += LONG_BLOCK) this.found.push(offset + p);
        break;
      }
      this.found.push(offset + p);
      p = nl + 1 - LONG_BLOCK;
    }
  }

  /** The places, in file order. */
  offsets(): number[] {
    return this.found.sort((a, b) => a - b);
  }
}

/** Whether text[k..] starts a statement: "#digits" then "=" (a continued list line "#12,#13" does not). */
function isStatementStart(text: Uint8Array, k: number): boolean {
  let j = k + 1;
  while (text[j] >= 0x30 && text[j] <= 0x39) j++;
  if (j === k + 1) return false;
  while (text[j] === 0x20) j++;
  return text[j] === 0x3d;
}

/**
 * Whether the '#' at k begins a line or follows a ';' (files written without line breaks): a
 * reference follows '(' or ','. A string holding ";#1=" could fool it; the lexed statement then
 * fails to match web-ifc's line and is not used.
 */
function followsStatementEnd(text: Uint8Array, k: number): boolean {
  if (text[k - 1] === 0x0a) return true;
  let j = k - 1;
  while (j >= 0 && (text[j] === 0x20 || text[j] === 0x09 || text[j] === 0x0d || text[j] === 0x0a)) j--;
  return j >= 0 && text[j] === 0x3b;
}

/** The statement around `at`: the last statement start "#n=" before it, lexed to its ';'. Null when there is none. */
function statementAround(source: ModelSource, at: number): (StatementStrings & { endOffset: number }) | null {
  for (let window = FIRST_WINDOW; window <= MAX_WINDOW; window *= 4) {
    const from = Math.max(0, at - window);
    const text = source.copy(from, at - from + window);
    const buf = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    let start = -1;
    for (let k = buf.lastIndexOf(0x23, at - from); k >= 0; k = k === 0 ? -1 : buf.lastIndexOf(0x23, k - 1)) {
      if (isStatementStart(buf, k) && followsStatementEnd(buf, k)) {
        start = k;
        break;
      }
    }
    if (start < 0 && from === 0) return null;
    if (start < 0) continue;
    const parsed = statementStrings(buf, start, buf.length);
    if (parsed === null) return null;
    if (parsed !== 'incomplete') return { ...parsed, endOffset: from + parsed.end };
    if (from + buf.length >= source.textBytes) return null;
  }
  return null;
}

/** Strings and typed values of a web-ifc line, in the order they are written. */
function collectStringish(args: RawArg[] | RawArg, out: RawValue[]): void {
  if (Array.isArray(args)) {
    for (const a of args) collectStringish(a, out);
  } else if (args && (args.type === 1 || args.type === 2)) {
    out.push(args);
  }
}

function sample(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export class TextStrings {
  private readonly byId = new Map<number, StatementStrings>();
  /** Lines already reported: a line read again (after a phase released it) is not counted twice. */
  private readonly reported = new Set<number>();

  /** Lexes the statements at `places` (from the source, before it is closed). */
  constructor(
    source: ModelSource,
    places: readonly number[],
    private readonly warnings: WarningCollector,
  ) {
    let doneUpTo = -1;
    for (const at of places) {
      if (at < doneUpTo) continue;
      const s = statementAround(source, at);
      if (!s) {
        // The places close after one that failed would fail the same way, each re-reading its windows.
        doneUpTo = at + FIRST_WINDOW;
        continue;
      }
      doneUpTo = s.endOffset;
      // A later statement with the same id replaces the earlier one, as it does in web-ifc.
      this.byId.set(s.id, s);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Replaces the strings of a line web-ifc read with those decoded from the text, when the two agree on its shape. */
  apply(line: RawLine): void {
    const s = this.byId.get(line.ID);
    if (!s) return;
    const values: RawValue[] = [];
    collectStringish(line.arguments, values);
    if (values.length !== s.slots.length) return;
    for (let k = 0; k < values.length; k++) if ((values[k].type === 2) !== s.slots[k].typed) return;
    values.forEach((v, k) => {
      const decoded = s.slots[k].decoded;
      if (decoded && (v.type === 1 || typeof v.value === 'string')) {
        v.value = decoded.value;
        this.report(line.ID, decoded);
      }
    });
  }

  private report(id: number, d: DecodedString): void {
    if (!(d.latin1Bytes || d.badEscapes) || this.reported.has(id)) return;
    this.reported.add(id);
    if (d.latin1Bytes) {
      this.warnings.add('bad-entity', `Some texts hold bytes that IFC text does not allow and that are not UTF-8 (e.g. #${id}: "${sample(d.value)}"); they were read as ISO 8859-1 (Latin-1).`, id, 'string-latin1');
    }
    if (d.badEscapes) {
      this.warnings.add('bad-entity', `Some texts hold backslash sequences that ISO 10303-21 does not define (e.g. #${id}: "${sample(d.value)}"); they are shown as written.`, id, 'string-bad-escape');
    }
  }
}
