// Reads lines of an open model in batches. Each call into the WASM heap costs ~1 µs and each line
// ~10 µs (measured on a 202 MB model), so lines are fetched many ids per call and kept in a cache
// while a phase needs them. A line web-ifc cannot give back is skipped and counted, never fatal.
// The lines come from a LineStore: web-ifc's parsed model, or the file's text (text-lines.ts).
import type { IfcAPI } from 'web-ifc';
import { FastReaderRefusal } from './fast-reader-refusal';
import { RawArg, RawLine } from './step-values';
import { isKnownType, withSubtypes } from './schema/schema-families';
import { ifcClassName } from './schema/type-codes';

const BATCH = 8192;

interface IdVector {
  size(): number;
  get(i: number): number;
  delete?(): void;
}

/** Where lines come from: web-ifc's model (WebIfcLines) or the file's text (TextLines). */
export interface LineStore {
  /** Express ids of the entities of these classes, in file order (web-ifc lists an id defined twice twice). */
  idsWithTypes(types: number[]): number[];
  /** Type code of #id; 0 when the model does not define it. */
  typeOf(id: number): number;
  /** The raw lines of `ids` (all of known types); throws when one of them cannot be read. */
  rawLines(ids: number[]): unknown[];
  /** Class name of a type code as web-ifc gives it ("IfcWallStandardCase"). */
  typeName(type: number): string;
  /**
   * The ids among `ids` whose line refers to one of `targets`, when the store can tell without
   * reading whole lines (the file's text); undefined when it cannot.
   */
  referring?(ids: readonly number[], targets: ReadonlySet<number>): number[];
}

/** The lines of a model web-ifc has parsed. */
export class WebIfcLines implements LineStore {
  constructor(
    private readonly api: IfcAPI,
    readonly modelId: number,
  ) {}

  idsWithTypes(types: number[]): number[] {
    const vector = (this.api.wasmModule as { GetLineIDsWithType(m: number, t: number[]): IdVector }).GetLineIDsWithType(this.modelId, types);
    try {
      const out = new Array<number>(vector.size());
      for (let i = 0; i < out.length; i++) out[i] = vector.get(i);
      return out;
    } finally {
      vector.delete?.();
    }
  }

  typeOf(id: number): number {
    const t = this.api.GetLineType(this.modelId, id) as unknown;
    return typeof t === 'number' ? t : 0;
  }

  rawLines(ids: number[]): unknown[] {
    return this.api.GetRawLinesData(this.modelId, ids) as unknown[];
  }

  typeName(type: number): string {
    return this.api.GetNameFromTypeCode(type);
  }
}

export class ModelReader {
  private readonly cache = new Map<number, RawLine | null>();
  /** Lines needed by one batch only (a slice of boundaries and their geometry), dropped wholesale. */
  private scratch: Map<number, RawLine | null> | undefined;
  private readonly subtypeSets = new Map<number, Set<number>>();
  private readonly names = new Map<number, string>();
  /** Entities that exist but could not be read or make no sense, with the first reason seen. */
  readonly skipped = new Set<number>();
  firstSkip: { id: number; type: string; reason: string } | undefined;

  constructor(
    private readonly store: LineStore,
    /** web-ifc's schema id (1 IFC2X3, 2 IFC4, 3 IFC4X3). */
    readonly schemaFamily: number,
  ) {}

  /** Express ids of every entity of `type` (and its subtypes when asked), in file order. */
  ids(type: number, includeSubtypes = false): number[] {
    const types = includeSubtypes ? withSubtypes(this.schemaFamily, type) : [type];
    const out = this.store.idsWithTypes(types);
    // A file that defines the same #id twice (a repeated line, a bad merge) lists it twice here;
    // found by the fuzzer: the room appeared twice in the schedule.
    const unique = out.length > 1 ? [...new Set(out)] : out;
    if (this.redefined.size === 0) return unique;
    // And under the class of each definition, while only the last one is kept: a room redefined
    // as a wall is not a room. (A redefinition web-ifc could not make sense of, "#1=;", stays: it
    // is skipped and counted when read.)
    const wanted = new Set(types);
    return unique.filter((id) => {
      if (!this.redefined.has(id)) return true;
      const type = this.typeOf(id);
      return wanted.has(type) || !isKnownType(this.schemaFamily, type);
    });
  }

  /** True when `type` is `ancestor` or one of its subtypes in this model's schema. */
  isA(type: number, ancestor: number): boolean {
    let set = this.subtypeSets.get(ancestor);
    if (!set) {
      set = new Set(withSubtypes(this.schemaFamily, ancestor));
      this.subtypeSets.set(ancestor, set);
    }
    return set.has(type);
  }

  /** IFC class name as the schema spells it, e.g. "IfcWallStandardCase". */
  typeName(type: number): string {
    let name = this.names.get(type);
    if (name === undefined) {
      name = ifcClassName(this.store.typeName(type));
      this.names.set(type, name);
    }
    return name;
  }

  /** Type code of an entity; 0 when the id is not in the file (a dangling reference). */
  typeOf(id: number): number {
    const cached = this.cache.get(id) ?? this.scratch?.get(id);
    if (cached) return cached.type;
    if (cached === null) return 0;
    return this.store.typeOf(id);
  }

  /** A line from the cache, or read now; null when missing or unreadable. */
  line(id: number): RawLine | null {
    const hit = this.cache.get(id) ?? this.scratch?.get(id);
    if (hit !== undefined) return hit;
    if (!this.cache.has(id) && !this.scratch?.has(id)) this.prefetch([id]);
    return this.cache.get(id) ?? this.scratch?.get(id) ?? null;
  }

  private has(id: number): boolean {
    return this.cache.has(id) || (this.scratch?.has(id) ?? false);
  }

  /**
   * Runs `fn` with a scratch cache: what it reads is dropped at once afterwards (deleting entries
   * one by one from a large Map was measurably slower on big models).
   */
  withScratch<T>(fn: () => T): T {
    const outer = this.scratch;
    this.scratch = new Map();
    try {
      return fn();
    } finally {
      this.scratch = outer;
    }
  }

  /** Ids the file defines more than once (entity-ids.ts). */
  redefined: ReadonlySet<number> = new Set();

  /** Strings decoded from the file's text, put into the lines web-ifc reads (text-strings.ts). */
  strings: { apply(line: RawLine): void } | undefined;

  /** Lines served without web-ifc (boundary geometry read from the file's text), when available. */
  textSource: { line(id: number): RawLine | undefined } | undefined;

  /** Reads the lines not yet cached, many per call into web-ifc. */
  prefetch(ids: Iterable<number>): void {
    const target = this.scratch ?? this.cache;
    const wanted: number[] = [];
    for (const id of ids) {
      if (this.has(id)) continue;
      const fromText = this.textSource?.line(id);
      if (fromText) target.set(id, fromText);
      else wanted.push(id);
    }
    for (let i = 0; i < wanted.length; i += BATCH) {
      const batch = wanted.slice(i, i + BATCH);
      const lines = this.readBatch(batch);
      for (let j = 0; j < batch.length; j++) target.set(batch[j], lines[j]);
    }
  }

  /**
   * Prefetches `roots` and everything they reference, level by level (one web-ifc call per level
   * and batch).
   */
  prefetchClosure(roots: Iterable<number>): void {
    let frontier = [...roots].filter((id) => !this.has(id));
    while (frontier.length) {
      this.prefetch(frontier);
      const next = new Set<number>();
      for (const id of frontier) {
        const l = this.cache.get(id) ?? this.scratch?.get(id);
        if (l) collectRefs(l.arguments, (r) => !this.has(r) && next.add(r));
      }
      frontier = [...next];
    }
  }

  /**
   * The ids among `ids` whose line may refer to one of `targets`: exactly those when the store can
   * tell cheaply (the fast engine reads references off the text), else all of them.
   */
  mayRefer(ids: readonly number[], targets: ReadonlySet<number>): readonly number[] {
    return this.store.referring?.(ids, targets) ?? ids;
  }

  /** Streams lines through `fn` in batches without caching them (for the many relationship lines). */
  forEachLine(ids: readonly number[], fn: (line: RawLine) => void, onBatch?: (done: number) => void): void {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const lines = this.readBatch(batch);
      for (const l of lines) if (l) fn(l);
      onBatch?.(Math.min(ids.length, i + BATCH));
    }
  }

  /** Forgets cached lines (after a phase, to keep memory flat on big models). */
  release(ids?: Iterable<number>): void {
    if (!ids) this.cache.clear();
    else for (const id of ids) this.cache.delete(id);
  }

  private readBatch(ids: number[]): (RawLine | null)[] {
    // Only ids web-ifc tokenised into a known entity go to GetRawLinesData (it hangs on the others).
    const readable: number[] = [];
    const out = new Map<number, RawLine | null>();
    for (const id of ids) {
      const type = this.typeOf(id);
      if (type === 0) out.set(id, null);
      else if (!isKnownType(this.schemaFamily, type)) out.set(id, this.skip(id, 'its statement is malformed, so web-ifc cannot tell what it is'));
      else readable.push(id);
    }
    let rows: unknown[] = [];
    try {
      if (readable.length) rows = this.store.rawLines(readable);
    } catch (e) {
      if (e instanceof FastReaderRefusal) throw e;
      // One bad entity spoils the whole call: read the batch one by one to isolate it.
      if (readable.length === 1) this.skip(readable[0]);
      else for (const id of readable) out.set(id, this.readBatch([id])[0]);
      return ids.map((id) => out.get(id) ?? null);
    }
    readable.forEach((id, j) => {
      const row = rows[j] as Partial<RawLine> | undefined;
      const ok = row && row.ID === id && typeof row.type === 'number' && Array.isArray(row.arguments);
      if (ok) this.strings?.apply(row as RawLine);
      out.set(id, ok ? (row as RawLine) : this.skip(id));
    });
    return ids.map((id) => out.get(id) ?? null);
  }

  /** Records an entity that is skipped: unreadable, or missing what the schedule needs from it. */
  skip(id: number, reason = 'web-ifc could not read it'): null {
    if (!this.skipped.has(id)) {
      this.skipped.add(id);
      const type = this.typeOf(id);
      this.firstSkip ??= { id, type: isKnownType(this.schemaFamily, type) ? this.typeName(type) : 'unknown type', reason };
    }
    return null;
  }
}

function collectRefs(args: RawArg[] | RawArg, visit: (id: number) => void): void {
  if (Array.isArray(args)) {
    for (const a of args) collectRefs(a, visit);
  } else if (args && args.type === 5 && typeof args.value === 'number') {
    visit(args.value);
  } else if (args && Array.isArray(args.value)) {
    collectRefs(args.value as RawArg[], visit);
  }
}
