// The schema families web-ifc reads (1 IFC2X3, 2 IFC4, 3 IFC4X3) and their entity hierarchies, from
// the generated tables (schema-tables.ts) instead of web-ifc's JS (SchemaNames, FromRawLineData,
// InheritanceDef), so the fast engine never loads web-ifc for them.
import { SCHEMA_FAMILIES, TYPE_CODES } from './schema-tables';

interface Hierarchy {
  /** Each entity's direct subtypes, in web-ifc's order. */
  readonly children: Map<number, number[]>;
  /** Subtype lists already walked. */
  readonly subtypes: Map<number, readonly number[]>;
}

const hierarchies = new Map<number, Hierarchy>();

function hierarchy(family: number): Hierarchy | undefined {
  let h = hierarchies.get(family);
  if (!h) {
    const table = SCHEMA_FAMILIES.find((f) => f.family === family);
    if (!table) return undefined;
    h = { children: new Map(), subtypes: new Map() };
    const pairs = table.entities;
    for (let i = 0; i < pairs.length; i += 2) {
      const code = TYPE_CODES[pairs[i]];
      h.children.set(code, []);
      // Parents come before their subtypes.
      if (pairs[i + 1] >= 0) h.children.get(TYPE_CODES[pairs[i + 1]])!.push(code);
    }
    hierarchies.set(family, h);
  }
  return h;
}

/** Schema identifiers web-ifc reads, by family (web-ifc's schema id): [canonical, ...aliases]. */
export function knownSchemas(): { family: number; names: string[] }[] {
  return SCHEMA_FAMILIES.map((f) => ({ family: f.family, names: [...f.names] }));
}

/** web-ifc's schema id for a FILE_SCHEMA identifier (case-insensitive), or -1. */
export function schemaFamilyOf(identifier: string): number {
  const upper = identifier.toUpperCase();
  return SCHEMA_FAMILIES.find((f) => f.names.includes(upper))?.family ?? -1;
}

/**
 * True when `type` is an entity of the schema family. web-ifc 0.0.78 never returns from
 * GetRawLinesData for an id whose statement it mis-tokenised (a stray "#1,#2);" line redefining
 * #1, found by the fuzzer): such ids have a type code no schema knows, so they are checked first.
 */
export function isKnownType(schemaFamily: number, type: number): boolean {
  return hierarchy(schemaFamily)?.children.has(type) ?? false;
}

/**
 * Type codes of `type` and all its subtypes in the model's schema family, in web-ifc's order
 * (InheritanceDef's: each subtype's own subtypes before it), which is the order web-ifc lists ids in.
 */
export function withSubtypes(schemaFamily: number, type: number): number[] {
  const h = hierarchy(schemaFamily);
  if (!h?.children.has(type)) return [type];
  let subtypes = h.subtypes.get(type);
  if (!subtypes) {
    const walk = (t: number): number[] => (h.children.get(t) ?? []).flatMap((c) => [...walk(c), c]);
    subtypes = walk(type);
    h.subtypes.set(type, subtypes);
  }
  return [type, ...subtypes];
}
