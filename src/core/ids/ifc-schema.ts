// What the IDS checker needs to know of the IFC schemas: entities with their supertypes, explicit
// and inverse attributes, and the kind of value each attribute or defined type holds. The data is
// generated from web-ifc's declarations (scripts/generate-ids-schema.js → assets/ids/ifc-schemas.json)
// and handed in by the caller, so this file stays free of file access and of web-ifc.
import type { IfcVersion } from './ids-document';

/** The kind of value an attribute or a defined type holds, as far as IDS value checks care. */
export type ValueKind = 'string' | 'real' | 'integer' | 'boolean' | 'logical' | 'enum' | 'entity' | 'list' | 'select';

/** The generated JSON, one entry per schema. */
export interface SchemaTablesData {
  readonly schemas: Record<IfcVersion, SchemaData>;
}

interface SchemaData {
  /** Upper case entity name → supertype (s), own explicit attributes [name, kind, optional 0|1, defined type] (a), own inverse attributes (i). */
  readonly entities: Record<string, { s?: string; a: [string, ValueKind, 0 | 1, string?][]; i?: string[] }>;
  readonly types: Record<string, ValueKind>;
  readonly enums: Record<string, string[]>;
  readonly selects: string[];
}

export interface AttributeInfo {
  readonly name: string;
  readonly kind: ValueKind;
  readonly optional: boolean;
  /** The defined type or enumeration it holds ("IFCLABEL", "IFCWALLTYPEENUM"), when it is one. */
  readonly definedType?: string;
  /** Position among the entity's explicit attributes, as in a STEP line. */
  readonly index: number;
}

/** One IFC schema's entities and types, with the lookups the checker makes. */
export class IfcSchema {
  private readonly attributeCache = new Map<string, readonly AttributeInfo[]>();
  private readonly subtypes = new Map<string, string[]>();

  constructor(
    readonly version: IfcVersion,
    private readonly data: SchemaData,
  ) {
    for (const [name, e] of Object.entries(data.entities)) {
      if (!e.s) continue;
      const list = this.subtypes.get(e.s) ?? [];
      list.push(name);
      this.subtypes.set(e.s, list);
    }
  }

  hasEntity(upperName: string): boolean {
    return upperName in this.data.entities;
  }

  /** Every entity name of the schema, upper case. */
  entityNames(): string[] {
    return Object.keys(this.data.entities);
  }

  /** The entity and its supertypes, nearest first. */
  supertypes(upperName: string): string[] {
    const out: string[] = [];
    for (let n: string | undefined = upperName; n && this.data.entities[n]; n = this.data.entities[n].s) out.push(n);
    return out;
  }

  isA(upperName: string, ancestor: string): boolean {
    return this.supertypes(upperName).includes(ancestor);
  }

  /** The entity and all its subtypes. */
  withSubtypes(upperName: string): string[] {
    const out = [upperName];
    for (let i = 0; i < out.length; i++) out.push(...(this.subtypes.get(out[i]) ?? []));
    return out;
  }

  /** Explicit attributes, inherited ones first, in STEP order. */
  attributes(upperName: string): readonly AttributeInfo[] {
    const cached = this.attributeCache.get(upperName);
    if (cached) return cached;
    const chain = this.supertypes(upperName).reverse();
    const out: AttributeInfo[] = [];
    for (const n of chain) for (const [name, kind, optional, definedType] of this.data.entities[n].a) out.push({ name, kind, optional: optional === 1, definedType, index: out.length });
    this.attributeCache.set(upperName, out);
    return out;
  }

  attribute(upperName: string, attributeName: string): AttributeInfo | undefined {
    return this.attributes(upperName).find((a) => a.name === attributeName);
  }

  inverseAttributes(upperName: string): string[] {
    return this.supertypes(upperName).flatMap((n) => this.data.entities[n].i ?? []);
  }

  /** Kind of a defined type ("IFCLABEL" → string), or undefined when the schema has no such type. */
  definedType(upperName: string): ValueKind | undefined {
    return this.data.types[upperName] ?? (upperName in this.data.enums ? 'enum' : undefined);
  }

  enumeration(upperName: string): readonly string[] | undefined {
    return this.data.enums[upperName];
  }
}

export class IfcSchemas {
  private readonly byVersion = new Map<IfcVersion, IfcSchema>();

  constructor(data: SchemaTablesData) {
    for (const version of Object.keys(data.schemas) as IfcVersion[]) this.byVersion.set(version, new IfcSchema(version, data.schemas[version]));
  }

  get(version: IfcVersion): IfcSchema {
    const s = this.byVersion.get(version);
    if (!s) throw new Error(`No schema table for ${version}`);
    return s;
  }
}
