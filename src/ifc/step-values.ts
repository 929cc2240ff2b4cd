// Reading web-ifc's raw lines. We read raw lines (GetRawLinesData) rather than GetLine objects:
// measured on a 200 MB model they are the cheapest way out of the WASM heap, and their layout is the
// schema's explicit attributes in order (web-ifc leaves out attributes a subtype re-declares as
// DERIVE, e.g. IfcSIUnit.Dimensions, so positions below follow the schema minus those).

/** One STEP argument as web-ifc returns it: null for `$`/`*`, a list, or a tagged value. */
export type RawArg = null | undefined | RawValue | RawArg[];

export interface RawValue {
  /** web-ifc token type: 1 STRING, 2 LABEL (typed value), 3 ENUM, 4 REAL, 5 REF, 10 INTEGER. */
  type: number;
  value?: unknown;
  /** Type code of a typed value such as IFCLABEL('x') or IFCAREAMEASURE(12.5). */
  typecode?: number;
}

export interface RawLine {
  ID: number;
  type: number;
  arguments: RawArg[];
}

const STRING = 1;
const TYPED = 2;
const ENUM = 3;
const REAL = 4;
const REF = 5;
const INTEGER = 10;

function isValue(a: RawArg): a is RawValue {
  return typeof a === 'object' && a !== null && !Array.isArray(a);
}

/** An express id, or null when the argument is not a reference. */
export function ref(a: RawArg): number | null {
  return isValue(a) && a.type === REF && typeof a.value === 'number' ? a.value : null;
}

/** Every reference in a list argument (non-references skipped). */
export function refs(a: RawArg): number[] {
  if (!Array.isArray(a)) {
    const one = ref(a);
    return one === null ? [] : [one];
  }
  const out: number[] = [];
  for (const item of a) {
    const r = ref(item);
    if (r !== null) out.push(r);
  }
  return out;
}

/** A string or label, decoded (by web-ifc, or from the text where web-ifc's decoder errs: text-strings.ts). */
export function str(a: RawArg): string | null {
  if (!isValue(a)) return null;
  if ((a.type === STRING || a.type === TYPED) && typeof a.value === 'string') return a.value;
  return null;
}

/** An enumeration value without the dots, e.g. "PHYSICAL". */
export function enumValue(a: RawArg): string | null {
  return isValue(a) && a.type === ENUM && typeof a.value === 'string' ? a.value : null;
}

/** A REAL or INTEGER (typed or not) as a finite number; web-ifc gives REALs as strings like "473000.". */
export function num(a: RawArg): number | null {
  if (!isValue(a)) return null;
  if (a.type !== REAL && a.type !== INTEGER && a.type !== TYPED) return null;
  const v = typeof a.value === 'number' ? a.value : typeof a.value === 'string' && a.value.trim() !== '' ? Number(a.value) : NaN;
  return Number.isFinite(v) ? v : null;
}

/** A list of numbers (coordinates, direction ratios); null when any item is not a number. */
export function nums(a: RawArg): number[] | null {
  if (!Array.isArray(a)) return null;
  const out: number[] = [];
  for (const item of a) {
    const n = num(item);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

/** A boolean or logical: .T./.F./.U. as enums, or IfcBoolean typed values. */
export function bool(a: RawArg): boolean | null {
  if (!isValue(a)) return null;
  if (typeof a.value === 'boolean') return a.value;
  if (a.value === 'T' || a.value === 'TRUE') return true;
  if (a.value === 'F' || a.value === 'FALSE') return false;
  return null;
}

/** A typed value such as IFCLABEL('x'): its type code and plain value. */
export function typedValue(a: RawArg): { typecode: number; value: string | number | boolean | null } | null {
  if (!isValue(a) || a.type !== TYPED || typeof a.typecode !== 'number') return null;
  const v = a.value;
  if (typeof v === 'boolean' || typeof v === 'number') return { typecode: a.typecode, value: v };
  if (typeof v === 'string') {
    // Measures come as numeric strings; labels and texts stay strings even when they look numeric.
    return { typecode: a.typecode, value: v };
  }
  // An IfcLogical with .U. has no value: unknown.
  return { typecode: a.typecode, value: null };
}

export function isRef(a: RawArg): boolean {
  return ref(a) !== null;
}
