// The fast engine's lines: read from the file's text through the byte-level index (step-index.ts)
// and the project's one lexer (geometry-text.ts), in web-ifc's raw-line format, read again from the
// file when asked for (the text is not kept in memory), so every phase of
// the extraction reads them as it reads web-ifc's. web-ifc's geometry kernel still meshes the rooms
// whose bodies are not extrusions: it gets a subset model, the records those rooms need.
import { lexRecord, TypeCodeOf } from './geometry-text';
import { ClassTable } from './step-scan';
import { stringEnd } from './step-strings';
import { LineStore } from './model-reader';
import { FastReaderRefusal } from './fast-reader-refusal';
import { TextReader } from './step-index-build';
import { StepIndex } from './step-index';
import { isKnownType } from './schema/schema-families';
import { typeCode, typeName } from './schema/type-codes';

/** web-ifc's type codes by upper-case name (a code is the same in every schema; whether the schema has it is not). */
export class TypeCodes {
  private readonly codes = new Map<string, number>();
  /** Names met in records' text, by their bytes: no string is made for the millions of lookups. */
  private readonly seen = new ClassTable();
  private seenCodes: number[] = [];

  /** Any name's code (entities and typed values alike). */
  code(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      code = typeCode(name);
      this.codes.set(name, code);
    }
    return code;
  }

  /** code() of the name in text[start, end). */
  codeAt(text: Uint8Array, start: number, end: number): number {
    const at = this.seen.indexOf(text, start, end);
    if (at === this.seenCodes.length) this.seenCodes.push(this.code(this.seen.names[at]));
    return this.seenCodes[at];
  }

  /** The code of an entity class of `schemaFamily`; undefined when that schema has no such class. */
  entity(schemaFamily: number, name: string): number | undefined {
    const code = this.code(name);
    return isKnownType(schemaFamily, code) ? code : undefined;
  }

  name(code: number): string {
    return typeName(code);
  }
}

/** Records read at once when they lie this close: one read of the gap is cheaper than another call. */
const MAX_GAP_BYTES = 16 * 1024;
const MAX_READ_BYTES = 1024 * 1024;

export class TextLines implements LineStore {
  private readonly anyCode: TypeCodeOf;

  constructor(
    private readonly index: StepIndex,
    /** The model's text, read again record by record (it is not kept in memory). */
    private readonly text: TextReader,
    private readonly codes: TypeCodes,
  ) {
    this.anyCode = (text, start, end) => codes.codeAt(text, start, end);
  }

  idsWithTypes(types: number[]): number[] {
    return this.index.idsOf(types);
  }

  typeOf(id: number): number {
    return this.index.typeOf(id);
  }

  rawLines(ids: number[]): unknown[] {
    const out = new Array<unknown>(ids.length);
    this.eachRecord(ids, (id, at, buf, start, end) => {
      const lexed = lexRecord(buf, start, end, this.anyCode);
      if (!lexed) throw new FastReaderRefusal(`#${id} could not be lexed`);
      out[at] = { ID: id, type: lexed.type, arguments: lexed.args };
    });
    return out;
  }

  /** The ids among `ids` whose record refers to one of `targets` (read from the text, not lexed). */
  referring(ids: readonly number[], targets: ReadonlySet<number>): number[] {
    const keep = new Uint8Array(ids.length);
    this.eachRecord(ids, (_id, at, buf, start, end) => {
      referencesOf(buf, start, end, (r) => {
        if (targets.has(r)) keep[at] = 1;
      });
    });
    return ids.filter((_, at) => keep[at] === 1);
  }

  /**
   * Calls `fn` with the text of each record of `ids` (its position in `ids`, and [start, end) in
   * `buf`, valid during the call). Neighbouring records are read in one go: a batch of a phase often
   * lies in a few stretches of the file.
   */
  private eachRecord(ids: readonly number[], fn: (id: number, at: number, buf: Buffer, start: number, end: number) => void): void {
    const spans = ids.map((id, at) => {
      const span = this.index.span(id);
      if (!span) throw new FastReaderRefusal(`#${id} could not be lexed`);
      return { id, at, start: span.start, end: span.end };
    });
    const byOffset = spans.sort((a, b) => a.start - b.start);
    for (let first = 0; first < byOffset.length; ) {
      let last = first;
      let end = byOffset[first].end;
      while (last + 1 < byOffset.length) {
        const next = byOffset[last + 1];
        if (next.start - end > MAX_GAP_BYTES || Math.max(end, next.end) - byOffset[first].start > MAX_READ_BYTES) break;
        end = Math.max(end, next.end);
        last++;
      }
      const from = byOffset[first].start;
      const view = this.text.read(from, end - from);
      const buf = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
      for (let k = first; k <= last; k++) {
        const s = byOffset[k];
        if (s.end - from > buf.length) throw new FastReaderRefusal(`#${s.id} could not be read: the file is shorter than when it was indexed`);
        fn(s.id, s.at, buf, s.start - from, s.end - from);
      }
      first = last + 1;
    }
  }

  typeName(type: number): string {
    return this.codes.name(type);
  }
}

/** The express ids a record's text refers to ("#12" outside strings and comments). */
function referencesOf(text: Buffer, start: number, end: number, visit: (id: number) => void): void {
  for (let k = start; k < end; k++) {
    const c = text[k];
    if (c === 0x27) {
      const close = stringEnd(text, k, end);
      if (close < 0) return;
      k = close;
    } else if (c === 0x2f && text[k + 1] === 0x2a) {
      const close = text.indexOf('*/', k + 2);
      if (close < 0 || close >= end) return;
      k = close + 1;
    } else if (c === 0x23) {
      let id = 0;
      let j = k + 1;
      while (j < end && text[j] >= 0x30 && text[j] <= 0x39) id = id * 10 + (text[j++] - 0x30);
      if (j > k + 1) visit(id);
      k = j - 1;
    }
  }
}

/**
 * A small STEP file of `roots` and everything they refer to, each record as the file writes it, under
 * the file's own header: what web-ifc needs to mesh those entities, without parsing the rest.
 */
export function subsetModel(index: StepIndex, text: TextReader, roots: Iterable<number>): Uint8Array {
  const wanted = new Map<number, Buffer>();
  const stack = [...roots];
  const copy = (start: number, end: number) => Buffer.from(text.read(start, end - start));
  while (stack.length) {
    const id = stack.pop() as number;
    if (wanted.has(id)) continue;
    const span = index.span(id);
    if (!span) continue;
    const record = copy(span.start, span.end);
    wanted.set(id, record);
    referencesOf(record, 0, record.length, (r) => !wanted.has(r) && stack.push(r));
  }
  const parts: Buffer[] = [copy(0, index.dataStart), Buffer.from('\n')];
  for (const id of [...wanted.keys()].sort((a, b) => a - b)) {
    parts.push(Buffer.from(`#${id}=`, 'latin1'), wanted.get(id) as Buffer, Buffer.from(';\n'));
  }
  parts.push(Buffer.from('ENDSEC;\nEND-ISO-10303-21;\n'));
  return new Uint8Array(Buffer.concat(parts));
}
