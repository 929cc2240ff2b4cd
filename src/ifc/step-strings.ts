// STEP strings as ISO 10303-21 defines them, decoded from the file's own bytes. web-ifc 0.0.78's
// decoder turned raw Latin-1 bytes into lone surrogates (and read past the string's end after one:
// 'B\xfcro' became "B\udc8a\udfd0"), wrapped names of 64 Ki characters or more (65 541 "x" came out
// as "xxxxx"), and emptied a whole name for one bad \X2\ escape, all without a word.
//   ''  an apostrophe,  \\  a backslash
//   \S\c  the character c + 128 of the current code page (\PA\ … \PI\: ISO 8859-1 … 8859-9)
//   \X\hh  the ISO 8859-1 character hh (80–9F: Mac Roman, see below)
//   \X2\hhhh…\X0\  UTF-16 code units,  \X4\hhhhhhhh…\X0\  code points
// Bytes of 128 and more are not allowed in a STEP string; a valid UTF-8 sequence (what ISO
// 10303-21:2016 files and many exporters write) is read as UTF-8, any other such byte as ISO 8859-1.
// Both that and an escape the standard does not define (kept as written) are reported.
import { TextDecoder } from 'util';

export interface DecodedString {
  value: string;
  /** Bytes of 128 or more that are not UTF-8, read as ISO 8859-1. */
  latin1Bytes: boolean;
  /** Backslash sequences the standard does not define, kept as written. */
  badEscapes: boolean;
}

const QUOTE = 0x27;
const BACKSLASH = 0x5c;

/** ISO 8859-2 … 8859-9 for \P?\ pages B … I (8859-1, page A, is the code points themselves). */
const pageDecoders = new Map<number, TextDecoder>();

function pageChar(page: number, code: number): string {
  if (page === 0) return String.fromCharCode(code);
  let decoder = pageDecoders.get(page);
  if (!decoder) pageDecoders.set(page, (decoder = new TextDecoder(`iso-8859-${page + 1}`)));
  return decoder.decode(new Uint8Array([code]));
}

/**
 * \X\80 … \X\9F are control characters in ISO 8859-1, never part of a name; ArchiCAD writes Mac
 * Roman letters there ("Hauptnutzfl\X\8Ache" in OneZone.ifc is Hauptnutzfläche), and web-ifc reads
 * them so too: so do we.
 */
const MAC_ROMAN_80_9F = 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü';

function hexAt(text: Uint8Array, at: number, digits: number): number {
  let v = 0;
  for (let k = 0; k < digits; k++) {
    const c = text[at + k];
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** Whether text[at..] is the \X0\ that ends an \X2\ or \X4\ run. */
function isEndX(text: Uint8Array, at: number): boolean {
  return text[at] === BACKSLASH && text[at + 1] === 0x58 && text[at + 2] === 0x30 && text[at + 3] === BACKSLASH;
}

/** The characters of an \X2\ (4 hex digits each) or \X4\ (8) run from `at`, and where it ends; null when malformed. */
function wideRun(text: Uint8Array, at: number, to: number, digits: 4 | 8): { chars: string; next: number } | null {
  const units: number[] = [];
  let k = at;
  while (k < to && !isEndX(text, k)) {
    const v = hexAt(text, k, digits);
    if (v < 0 || k + digits > to) return null;
    units.push(v);
    k += digits;
  }
  if (k >= to || units.length === 0) return null;
  let chars = '';
  if (digits === 8) {
    for (const cp of units) {
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
      chars += String.fromCodePoint(cp);
    }
  } else {
    for (let u = 0; u < units.length; u++) {
      const c = units[u];
      // A surrogate must come in a high-low pair; a lone one is not a character.
      if (c >= 0xd800 && c <= 0xdbff && units[u + 1] >= 0xdc00 && units[u + 1] <= 0xdfff) chars += String.fromCharCode(c, units[++u]);
      else if (c >= 0xd800 && c <= 0xdfff) return null;
      else chars += String.fromCharCode(c);
    }
  }
  return { chars, next: k + 4 };
}

/** Length of the valid UTF-8 sequence starting at `at` (2–4 bytes), or 0. */
function utf8Length(text: Uint8Array, at: number, to: number): number {
  const c = text[at];
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || at + n > to) return 0;
  for (let k = 1; k < n; k++) if ((text[at + k] & 0xc0) !== 0x80) return 0;
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
  const second = text[at + 1];
  if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return 0;
  return n;
}

/** Decodes a string's content: `text[from..to)` lies between its quotes, apostrophes still doubled. */
export function decodeStepString(text: Uint8Array, from: number, to: number): DecodedString {
  // Most strings (GlobalIds, names, labels) are plain ASCII: the text is the value, in one slice.
  let plain = from;
  while (plain < to && text[plain] < 0x80 && text[plain] !== QUOTE && text[plain] !== BACKSLASH) plain++;
  if (plain === to) return { value: Buffer.from(text.buffer, text.byteOffset + from, to - from).toString('latin1'), latin1Bytes: false, badEscapes: false };
  const parts: string[] = [];
  let latin1Bytes = false;
  let badEscapes = false;
  let page = 0;
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c < 0x80 && c !== QUOTE && c !== BACKSLASH) {
      // A run of plain characters in one go.
      let j = i + 1;
      while (j < to && text[j] < 0x80 && text[j] !== QUOTE && text[j] !== BACKSLASH) j++;
      parts.push(Buffer.from(text.buffer, text.byteOffset + i, j - i).toString('latin1'));
      i = j;
      continue;
    }
    if (c === QUOTE) {
      parts.push("'");
      i += text[i + 1] === QUOTE ? 2 : 1;
      continue;
    }
    if (c >= 0x80) {
      const n = utf8Length(text, i, to);
      if (n > 0) {
        parts.push(Buffer.from(text.buffer, text.byteOffset + i, n).toString('utf8'));
        i += n;
      } else {
        latin1Bytes = true;
        parts.push(String.fromCharCode(c));
        i++;
      }
      continue;
    }
    const d = text[i + 1];
    const e = text[i + 2];
    if (d === BACKSLASH) {
      parts.push('\\');
      i += 2;
    } else if (d === 0x53 /* S */ && e === BACKSLASH && i + 3 < to) {
      // The character after \S\ is itself written as '' or \\ when it is an apostrophe or a backslash.
      const ch = text[i + 3];
      parts.push(pageChar(page, ch + 0x80));
      i += (ch === QUOTE && text[i + 4] === QUOTE) || (ch === BACKSLASH && text[i + 4] === BACKSLASH) ? 5 : 4;
    } else if (d === 0x50 /* P */ && e >= 0x41 && e <= 0x49 && text[i + 3] === BACKSLASH) {
      page = e - 0x41;
      i += 4;
    } else if (d === 0x58 /* X */ && e === BACKSLASH && hexAt(text, i + 3, 2) >= 0 && i + 5 <= to) {
      const code = hexAt(text, i + 3, 2);
      parts.push(code >= 0x80 && code <= 0x9f ? MAC_ROMAN_80_9F[code - 0x80] : String.fromCharCode(code));
      i += 5;
    } else if (d === 0x58 && (e === 0x32 || e === 0x34) && text[i + 3] === BACKSLASH && wideRun(text, i + 4, to, e === 0x32 ? 4 : 8)) {
      const run = wideRun(text, i + 4, to, e === 0x32 ? 4 : 8)!;
      parts.push(run.chars);
      i = run.next;
    } else {
      // Not an escape the standard defines: the backslash stays, and what follows reads as text.
      badEscapes = true;
      parts.push('\\');
      i++;
    }
  }
  return { value: parts.join(''), latin1Bytes, badEscapes };
}

/**
 * One value of a statement that web-ifc gives as a string or a typed value, in the order they are
 * written: a string ('…'), or a typed value (IFCLABEL('…'), IFCREAL(1.5)) with its string if it holds one.
 */
export interface StringSlot {
  typed: boolean;
  decoded: DecodedString | null;
}

export interface StatementStrings {
  id: number;
  slots: StringSlot[];
  /** Index just past the statement's ';'. */
  end: number;
}

function isKeywordByte(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || (c >= 0x61 && c <= 0x7a);
}

/**
 * Index of the quote closing the string opened at `open`, or -1 when the text ends first. A quote
 * that is the last byte before `to` may be the first of a '' cut there (the index reads a file in
 * chunks), so it is not taken as the end either.
 */
export function stringEnd(text: Uint8Array, open: number, to: number): number {
  for (let k = open + 1; k < to; k++) {
    if (text[k] !== QUOTE) continue;
    if (k + 1 >= to) return -1;
    if (text[k + 1] === QUOTE) k++;
    else return k;
  }
  return -1;
}

/**
 * The strings of the statement "#id=NAME(…);" starting at `start` (at its '#'). null when the text
 * ends before the statement does (read more and try again) or it is not a simple instance.
 */
export function statementStrings(text: Uint8Array, start: number, to: number): StatementStrings | null | 'incomplete' {
  let i = start + 1;
  let id = 0;
  while (i < to && text[i] >= 0x30 && text[i] <= 0x39) id = id * 10 + (text[i++] - 0x30);
  if (i === start + 1) return null;
  while (i < to && (text[i] === 0x20 || text[i] === 0x09 || text[i] === 0x0d || text[i] === 0x0a)) i++;
  if (text[i] !== 0x3d /* = */) return null;
  let first = i + 1;
  while (first < to && (text[first] === 0x20 || text[first] === 0x0d || text[first] === 0x0a)) first++;
  // A complex instance, "#1=(IFCA(…)IFCB(…));", is left to web-ifc.
  if (text[first] === 0x28) return null;
  const slots: StringSlot[] = [];
  let depth = 0;
  // The typed value whose '(' was just read: a string right after it is its value.
  let typedOpen: StringSlot | null = null;
  for (i++; i < to; i++) {
    const c = text[i];
    if (c === QUOTE) {
      const close = stringEnd(text, i, to);
      if (close < 0) return 'incomplete';
      const decoded = decodeStepString(text, i + 1, close);
      if (typedOpen) typedOpen.decoded = decoded;
      else slots.push({ typed: false, decoded });
      typedOpen = null;
      i = close;
    } else if (c === 0x28 /* ( */) {
      depth++;
    } else if (c === 0x29 /* ) */) {
      depth--;
      typedOpen = null;
    } else if (c === 0x3b /* ; */ && depth === 0) {
      return { id, slots, end: i + 1 };
    } else if (c === 0x2f /* / */ && text[i + 1] === 0x2a) {
      const close = Buffer.from(text.buffer, text.byteOffset, to).indexOf('*/', i + 2);
      if (close < 0) return 'incomplete';
      i = close + 1;
    } else if (isKeywordByte(c) && !(text[i - 1] === 0x23 || text[i - 1] === 0x2e || isKeywordByte(text[i - 1]) || (c >= 0x30 && c <= 0x39))) {
      // A keyword: the entity's own name at depth 0 (a complex instance's parts are not served),
      // a typed value inside.
      let j = i;
      while (j < to && isKeywordByte(text[j])) j++;
      let k = j;
      while (k < to && (text[k] === 0x20 || text[k] === 0x0d || text[k] === 0x0a)) k++;
      if (depth === 0 && slots.length > 0) return null;
      if (depth > 0 && text[k] === 0x28) {
        typedOpen = { typed: true, decoded: null };
        slots.push(typedOpen);
        depth++;
        i = k;
        continue;
      }
      i = j - 1;
      typedOpen = null;
    } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      typedOpen = null;
    }
  }
  return 'incomplete';
}

/** A header value: a string, $ or another value (null), or a list. */
export type HeaderValue = string | null | HeaderValue[];

export interface HeaderStatement {
  args: HeaderValue[];
  /** As in DecodedString, for any of its strings. */
  latin1Bytes: boolean;
  badEscapes: boolean;
}

/**
 * The arguments of the header statement `KEYWORD(…);` (FILE_NAME, FILE_DESCRIPTION), from the
 * file's first bytes, strings decoded as above; null when the header has no such statement.
 */
export function headerStatement(head: Uint8Array, keyword: string): HeaderStatement | null {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const end = text.indexOf('ENDSEC');
  let at = text.indexOf(keyword);
  // The keyword itself, not the end of a longer one (FILE_NAME in MY_FILE_NAME).
  while (at > 0 && isKeywordByte(text[at - 1])) at = text.indexOf(keyword, at + 1);
  if (at < 0 || (end >= 0 && at > end)) return null;
  const p = { i: text.indexOf(0x28, at + keyword.length), latin1Bytes: false, badEscapes: false };
  if (p.i < 0) return null;
  const args = headerList(text, p);
  return args ? { args, latin1Bytes: p.latin1Bytes, badEscapes: p.badEscapes } : null;
}

/** The list opening at p.i, up to its ')'; undefined when the text ends first. */
function headerList(text: Uint8Array, p: { i: number; latin1Bytes: boolean; badEscapes: boolean }): HeaderValue[] | undefined {
  const out: HeaderValue[] = [];
  for (p.i++; p.i < text.length; p.i++) {
    const c = text[p.i];
    if (c === 0x29) return out;
    if (c === QUOTE) {
      const close = stringEnd(text, p.i, text.length);
      if (close < 0) return undefined;
      const d = decodeStepString(text, p.i + 1, close);
      p.latin1Bytes ||= d.latin1Bytes;
      p.badEscapes ||= d.badEscapes;
      out.push(d.value);
      p.i = close;
    } else if (c === 0x28) {
      const inner = headerList(text, p);
      if (!inner) return undefined;
      out.push(inner);
    } else if (c === 0x24 || c === 0x2a) {
      out.push(null);
    }
  }
  return undefined;
}
