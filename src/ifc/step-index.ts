// A byte-level index of a STEP file's DATA section: where each record is, by express id and by
// class, in one pass over the text (step-scan.ts), in typed arrays: 18 bytes a record, no JS
// object per record. The fast engine (text-lines.ts) then lexes only the records the schedule asks
// for, reading them from the file again, so the whole text is never held in memory. What web-ifc
// would read differently from a plain reading of the text (an id defined twice, an id past 2^31, a
// complex instance "#1=(A()B());", a class its schema lacks, an unterminated record) is refused,
// so the extraction falls back to web-ifc and reads exactly as before.
import { FastReaderRefusal } from './fast-reader-refusal';
import { ClassTable, StatementSink } from './step-scan';

const DATA = [0x44, 0x41, 0x54, 0x41];
const END_MARKER = Buffer.from('END-ISO-10303-21', 'latin1');

function sameBytes(buf: Uint8Array, start: number, end: number, word: ArrayLike<number>): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (buf[start + k] !== word[k]) return false;
  return true;
}

/** Byte offsets into the text. */
export type Offsets = Uint32Array | Float64Array;

/** The records of a stretch of the file, as the scan finds them, in file order. */
export class RecordColumns implements StatementSink {
  ids: Int32Array;
  /** Offset of the text after "=": 4 bytes each for a text under 4 GiB (16 MB less for a 202 MB model), else 8. */
  starts: Offsets;
  /** Up to (not including) the ';'. */
  lengths: Uint32Array;
  /** Index in the scan's ClassTable. */
  classes: Uint16Array;
  count = 0;
  private readonly wide: boolean;
  /** Offset just past "DATA;" of the first data section seen; -1 until then. */
  dataStart = -1;
  maxId = 0;

  constructor(
    readonly classTable: ClassTable,
    expected = 1 << 16,
    /** The text's length: offsets past 4 GiB need 8 bytes. */
    textBytes = 0,
  ) {
    const n = Math.max(1024, expected);
    this.wide = textBytes > 0xffffffff;
    this.ids = new Int32Array(n);
    this.starts = this.wide ? new Float64Array(n) : new Uint32Array(n);
    this.lengths = new Uint32Array(n);
    this.classes = new Uint16Array(n);
  }

  record(id: number, start: number, end: number, classIndex: number): void {
    if (this.count === this.ids.length) this.grow();
    if (classIndex > 0xffff) throw new FastReaderRefusal('the file names more than 65 535 classes');
    const r = this.count++;
    this.ids[r] = id;
    this.starts[r] = start;
    this.lengths[r] = end - start;
    this.classes[r] = classIndex;
    if (id > this.maxId) this.maxId = id;
  }

  keyword(buf: Uint8Array, start: number, end: number, base: number): boolean {
    if (this.dataStart < 0 && sameBytes(buf, start, end, DATA)) this.dataStart = base + end + 1;
    return !sameBytes(buf, start, end, END_MARKER);
  }

  private grow(): void {
    const size = Math.ceil(this.ids.length * 1.5);
    const grow = <T extends Int32Array | Float64Array | Uint32Array | Uint16Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.ids = grow(this.ids, new Int32Array(size));
    this.starts = grow(this.starts, this.wide ? new Float64Array(size) : new Uint32Array(size));
    this.lengths = grow(this.lengths, new Uint32Array(size));
    this.classes = grow(this.classes, new Uint16Array(size));
  }

  /** Appends `other`'s records (the scan of a later stretch), its classes mapped into this table. */
  append(other: { ids: Int32Array; starts: Offsets; lengths: Uint32Array; classes: Uint16Array; count: number; classNames: readonly string[]; maxId: number }): void {
    const names = Buffer.from(other.classNames.join('\n'), 'latin1');
    const map = new Uint16Array(other.classNames.length);
    let at = 0;
    other.classNames.forEach((name, c) => {
      map[c] = this.classTable.indexOf(names, at, at + name.length);
      at += name.length + 1;
    });
    while (this.ids.length < this.count + other.count) this.grow();
    this.ids.set(other.ids.subarray(0, other.count), this.count);
    this.starts.set(other.starts.subarray(0, other.count), this.count);
    this.lengths.set(other.lengths.subarray(0, other.count), this.count);
    for (let r = 0; r < other.count; r++) this.classes[this.count + r] = map[other.classes[r]];
    this.count += other.count;
    if (other.maxId > this.maxId) this.maxId = other.maxId;
  }
}

export interface StepIndexOptions {
  /** web-ifc's type code for an upper-case class name; undefined when the schema has no such class. */
  typeCode(name: string): number | undefined;
}

export class StepIndex {
  private readonly ids: Int32Array;
  private readonly starts: Offsets;
  private readonly lengths: Uint32Array;
  private readonly classes: Uint16Array;
  private readonly count: number;
  /** Type code of each class of the scan. */
  private readonly classTypes: Uint32Array;
  /** Record of an express id: a dense table when ids are dense, else a Map. */
  private readonly dense: Int32Array | undefined;
  private readonly sparse: Map<number, number> | undefined;
  /** Records by class, in file order: those of class c are byClass[classStart[c] .. classStart[c + 1]). */
  private readonly byClass: Int32Array;
  private readonly classStart: Int32Array;
  /** Offset just past "DATA;" of the first data section (the header before it is kept in subset models). */
  readonly dataStart: number;

  constructor(columns: RecordColumns, options: StepIndexOptions) {
    if (columns.dataStart < 0) throw new FastReaderRefusal('the file has no DATA section');
    this.dataStart = columns.dataStart;
    const names = columns.classTable.names;
    this.classTypes = new Uint32Array(names.length);
    const used = new Uint8Array(names.length);
    for (let r = 0; r < columns.count; r++) used[columns.classes[r]] = 1;
    names.forEach((name, c) => {
      if (!used[c]) return;
      const type = options.typeCode(name);
      if (type === undefined) throw new FastReaderRefusal(`a record is of the class ${name}, which the schema does not define`);
      this.classTypes[c] = type;
    });
    this.count = columns.count;
    this.ids = columns.ids;
    this.starts = columns.starts;
    this.lengths = columns.lengths;
    this.classes = columns.classes;
    const duplicate = (id: number) => new FastReaderRefusal(`#${id} is defined more than once`);
    if (columns.maxId <= 4 * this.count + 1024) {
      const dense = new Int32Array(columns.maxId + 1).fill(-1);
      for (let r = 0; r < this.count; r++) {
        if (dense[this.ids[r]] >= 0) throw duplicate(this.ids[r]);
        dense[this.ids[r]] = r;
      }
      this.dense = dense;
    } else {
      const sparse = new Map<number, number>();
      for (let r = 0; r < this.count; r++) {
        if (sparse.has(this.ids[r])) throw duplicate(this.ids[r]);
        sparse.set(this.ids[r], r);
      }
      this.sparse = sparse;
    }
    // A counting sort of the records by class, keeping file order within each class.
    this.classStart = new Int32Array(names.length + 1);
    for (let r = 0; r < this.count; r++) this.classStart[this.classes[r] + 1]++;
    for (let c = 0; c < names.length; c++) this.classStart[c + 1] += this.classStart[c];
    const next = this.classStart.slice(0, names.length);
    this.byClass = new Int32Array(this.count);
    for (let r = 0; r < this.count; r++) this.byClass[next[this.classes[r]]++] = r;
  }

  get size(): number {
    return this.count;
  }

  private record(id: number): number {
    if (this.dense) return id >= 0 && id < this.dense.length ? this.dense[id] : -1;
    return this.sparse?.get(id) ?? -1;
  }

  /** Type code of #id; 0 when the file does not define it. */
  typeOf(id: number): number {
    const r = this.record(id);
    return r < 0 ? 0 : this.classTypes[this.classes[r]];
  }

  /** Where the text of #id after "=" lies, up to (not including) its ';'; null when undefined. */
  span(id: number): { start: number; end: number } | null {
    const r = this.record(id);
    return r < 0 ? null : { start: this.starts[r], end: this.starts[r] + this.lengths[r] };
  }

  /** Express ids of the records of these classes, in file order. */
  idsOf(types: readonly number[]): number[] {
    const wanted = new Set(types);
    const lists: Int32Array[] = [];
    for (let c = 0; c < this.classTypes.length; c++) {
      if (wanted.has(this.classTypes[c]) && this.classStart[c + 1] > this.classStart[c]) lists.push(this.byClass.subarray(this.classStart[c], this.classStart[c + 1]));
    }
    let records: Int32Array;
    if (lists.length === 1) records = lists[0];
    else {
      records = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
      let at = 0;
      for (const l of lists) {
        records.set(l, at);
        at += l.length;
      }
      records.sort();
    }
    const out = new Array<number>(records.length);
    for (let k = 0; k < records.length; k++) out[k] = this.ids[records[k]];
    return out;
  }
}
