// IdsModelView over an open web-ifc model: attributes read from raw lines by the schema table's
// positions, property values converted to SI (IDS units.md: values are compared in SI units), type
// objects' property sets, classifications and materials merged under the occurrence's.
import type { IfcSchema, ValueKind } from '../../core/ids/ifc-schema';
import type { AttributeValue, ClassificationView, IdsModelView, IfcScalar, ParentLink, PropertySetView, PropertyView } from '../../core/ids/model-view';
import { ModelReader } from '../model-reader';
import { RawArg, RawLine, RawValue, ref, refs } from '../step-values';
import { ProjectUnits, unitToSi } from '../units';
import { typeCodeOf } from './ifc-type-codes';
import { IdsRelations } from './ids-relations';

/** Measures whose values are in a project unit, and which unit. */
const MEASURE_UNIT: Record<string, keyof Omit<ProjectUnits, 'assumed'>> = {
  IFCLENGTHMEASURE: 'length',
  IFCPOSITIVELENGTHMEASURE: 'length',
  IFCNONNEGATIVELENGTHMEASURE: 'length',
  IFCAREAMEASURE: 'area',
  IFCVOLUMEMEASURE: 'volume',
  IFCMASSMEASURE: 'mass',
  IFCTIMEMEASURE: 'time',
  IFCPLANEANGLEMEASURE: 'planeAngle',
  IFCPOSITIVEPLANEANGLEMEASURE: 'planeAngle',
};

/** Quantity entities and the measure their value is. */
const QUANTITY_MEASURE: Record<string, string> = {
  IFCQUANTITYLENGTH: 'IFCLENGTHMEASURE',
  IFCQUANTITYAREA: 'IFCAREAMEASURE',
  IFCQUANTITYVOLUME: 'IFCVOLUMEMEASURE',
  IFCQUANTITYCOUNT: 'IFCCOUNTMEASURE',
  IFCQUANTITYWEIGHT: 'IFCMASSMEASURE',
  IFCQUANTITYTIME: 'IFCTIMEMEASURE',
  IFCQUANTITYNUMBER: 'IFCNUMERICMEASURE',
};

/** The attributes that lead from a material association to the materials, layers, profiles and constituents inside it. */
const MATERIAL_PARTS = ['Materials', 'ForLayerSet', 'ForProfileSet', 'MaterialLayers', 'MaterialProfiles', 'MaterialConstituents', 'Material'];
const MATERIAL_NAMES = ['Name', 'Category', 'LayerSetName'];

function isValue(a: RawArg): a is RawValue {
  return typeof a === 'object' && a !== null && !Array.isArray(a);
}

export class WebIfcModelView implements IdsModelView {
  private readonly relations: IdsRelations;
  private readonly psetCache = new Map<number, PropertySetView[]>();

  constructor(
    private readonly reader: ModelReader,
    readonly schema: IfcSchema,
    private readonly units: ProjectUnits,
  ) {
    this.relations = new IdsRelations(reader, schema);
  }

  entitiesOfClass(upperName: string): readonly number[] {
    const code = typeCodeOf(upperName);
    return code === undefined ? [] : this.reader.ids(code);
  }

  entitiesWith(kind: 'properties' | 'classifications' | 'materials' | 'parents'): readonly number[] {
    const r = this.relations;
    if (kind === 'parents') return [...r.parents.keys()];
    const own = kind === 'properties' ? new Set(r.definitions.keys()) : new Set((kind === 'classifications' ? r.classifications : r.materials).keys());
    if (kind === 'properties') {
      // Type objects carry their sets in HasPropertySets, not through a relationship.
      for (const name of this.schema.withSubtypes('IFCTYPEOBJECT')) for (const id of this.entitiesOfClass(name)) if (refs(this.arg(id, 'HasPropertySets') ?? null).length) own.add(id);
    }
    // Occurrences inherit what their type has.
    for (const [occurrence, type] of r.typeOf) if (own.has(type)) own.add(occurrence);
    return [...own];
  }

  className(id: number): string {
    return this.reader.typeName(this.reader.typeOf(id)).toUpperCase();
  }

  private line(id: number): RawLine | null {
    return this.reader.line(id);
  }

  private arg(id: number, name: string): RawArg | undefined {
    const info = this.schema.attribute(this.className(id), name);
    if (!info) return undefined;
    return this.line(id)?.arguments[info.index] ?? null;
  }

  private text(id: number, name: string): string | null {
    const v = this.attribute(id, name);
    return v && v.kind === 'string' ? v.value : null;
  }

  attribute(id: number, name: string): AttributeValue | undefined {
    const info = this.schema.attribute(this.className(id), name);
    if (!info) return undefined;
    const a = this.line(id)?.arguments[info.index] ?? null;
    return this.attributeValue(a, info.kind, info.definedType);
  }

  private attributeValue(a: RawArg, kind: ValueKind, definedType: string | undefined): AttributeValue {
    if (a === null || a === undefined) return { kind: 'empty' };
    if (Array.isArray(a)) return { kind: 'list', size: a.length };
    if (a.type === 5) return { kind: 'entity' };
    if (kind === 'select' || a.type === 2) return this.typedScalar(a) ?? { kind: 'entity' };
    return this.scalar(a, kind, definedType) ?? { kind: 'empty' };
  }

  /** A plain STEP value read as `kind` (strings, enumerations, booleans, numbers). */
  private scalar(a: RawValue, kind: ValueKind, ifcType?: string): IfcScalar | undefined {
    const v = a.value;
    switch (kind) {
      case 'string':
        return typeof v === 'string' ? { kind: 'string', value: v, ifcType } : undefined;
      case 'enum':
        return typeof v === 'string' ? { kind: 'enum', value: v, ifcType } : undefined;
      case 'boolean':
      case 'logical': {
        const b = typeof v === 'boolean' ? v : v === 'T' || v === 'TRUE' ? true : v === 'F' || v === 'FALSE' ? false : null;
        if (kind === 'boolean' && b === null) return undefined;
        return { kind, value: b, ifcType } as IfcScalar;
      }
      case 'integer':
      case 'real': {
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        return Number.isFinite(n) ? { kind, value: n, ifcType } : undefined;
      }
      default:
        return undefined;
    }
  }

  /** A typed value such as IFCLABEL('x') or IFCLENGTHMEASURE(2.), with its defined type's kind. */
  private typedScalar(a: RawValue, unitFactor?: number): IfcScalar | undefined {
    if (a.type !== 2 || typeof a.typecode !== 'number') return undefined;
    const ifcType = this.reader.typeName(a.typecode).toUpperCase();
    const kind = this.schema.definedType(ifcType) ?? 'string';
    const s = this.scalar(a, kind, ifcType);
    if (!s || (s.kind !== 'real' && s.kind !== 'integer')) return s;
    const unit = MEASURE_UNIT[ifcType];
    const factor = unitFactor ?? (unit ? this.units[unit] : 1);
    return factor === 1 ? s : { kind: 'real', value: s.value * factor, ifcType };
  }

  typeOf(id: number): number | null {
    return this.relations.typeOf.get(id) ?? null;
  }

  propertySets(id: number): readonly PropertySetView[] {
    const cached = this.psetCache.get(id);
    if (cached) return cached;
    const own = this.setsOf(this.definitionsOf(id));
    const type = this.typeOf(id);
    const inherited = type !== null ? this.setsOf(this.definitionsOf(type)) : [];
    const merged = mergeSets(inherited, own);
    this.psetCache.set(id, merged);
    return merged;
  }

  /** Sets related by IfcRelDefinesByProperties and, for a type object, its HasPropertySets. */
  private definitionsOf(id: number): number[] {
    return [...refs(this.arg(id, 'HasPropertySets') ?? null), ...(this.relations.definitions.get(id) ?? [])];
  }

  private setsOf(ids: number[]): PropertySetView[] {
    const out: PropertySetView[] = [];
    for (const setId of ids) {
      const cls = this.className(setId);
      const name = this.text(setId, 'Name');
      if (name === null) continue;
      if (cls === 'IFCPROPERTYSET') out.push({ name, properties: refs(this.arg(setId, 'HasProperties') ?? null).flatMap((p) => this.property(p)) });
      else if (cls === 'IFCELEMENTQUANTITY') out.push({ name, properties: refs(this.arg(setId, 'Quantities') ?? null).flatMap((q) => this.quantity(q)) });
      else if (this.schema.isA(cls, 'IFCPREDEFINEDPROPERTYSET')) out.push({ name, properties: this.predefinedProperties(setId, cls) });
    }
    return out;
  }

  private unitOf(id: number): number | undefined {
    const unit = ref(this.arg(id, 'Unit') ?? null);
    return unit !== null ? (unitToSi(this.reader, unit) ?? undefined) : undefined;
  }

  private values(args: (RawArg | undefined)[], unitFactor?: number): IfcScalar[] {
    const out: IfcScalar[] = [];
    for (const a of args.flatMap((x) => (Array.isArray(x) ? x : [x]))) {
      if (!isValue(a)) continue;
      const s = this.typedScalar(a, unitFactor);
      if (s) out.push(s);
    }
    return out;
  }

  private property(id: number): PropertyView[] {
    const cls = this.className(id);
    const name = this.text(id, 'Name');
    if (name === null) return [];
    const unit = this.unitOf(id);
    let values: IfcScalar[];
    switch (cls) {
      case 'IFCPROPERTYSINGLEVALUE':
        values = this.values([this.arg(id, 'NominalValue')], unit);
        break;
      case 'IFCPROPERTYENUMERATEDVALUE':
        values = this.values([this.arg(id, 'EnumerationValues')]);
        break;
      case 'IFCPROPERTYLISTVALUE':
        values = this.values([this.arg(id, 'ListValues')], unit);
        break;
      case 'IFCPROPERTYBOUNDEDVALUE':
        values = this.values([this.arg(id, 'UpperBoundValue'), this.arg(id, 'LowerBoundValue'), this.arg(id, 'SetPointValue')], unit);
        break;
      case 'IFCPROPERTYTABLEVALUE':
        values = this.values([this.arg(id, 'DefiningValues'), this.arg(id, 'DefinedValues')]);
        break;
      default:
        // Complex properties and references are not values IDS 1.0 checks.
        return [];
    }
    return [{ name, values, dataTypes: [...new Set(values.map((v) => v.ifcType ?? ''))].filter(Boolean) }];
  }

  private quantity(id: number): PropertyView[] {
    const cls = this.className(id);
    const measure = QUANTITY_MEASURE[cls];
    const name = this.text(id, 'Name');
    if (!measure || name === null) return [];
    const valueAttr = this.schema.attributes(cls).find((a) => a.name.endsWith('Value') && a.name !== 'Formula');
    const raw = valueAttr ? this.line(id)?.arguments[valueAttr.index] : null;
    if (!isValue(raw ?? null)) return [{ name, values: [], dataTypes: [measure] }];
    const kind = this.schema.definedType(measure) ?? 'real';
    const s = this.scalar(raw as RawValue, kind === 'integer' ? 'integer' : 'real', measure);
    if (!s || (s.kind !== 'real' && s.kind !== 'integer')) return [{ name, values: [], dataTypes: [measure] }];
    const unit = MEASURE_UNIT[measure];
    const factor = this.unitOf(id) ?? (unit ? this.units[unit] : 1);
    return [{ name, values: [factor === 1 ? s : { kind: 'real', value: s.value * factor, ifcType: measure }], dataTypes: [measure] }];
  }

  /** IFC4's predefined property sets (IfcDoorLiningProperties…): their attributes are the properties. */
  private predefinedProperties(id: number, cls: string): PropertyView[] {
    const root = new Set(this.schema.attributes('IFCPROPERTYSETDEFINITION').map((a) => a.name));
    const out: PropertyView[] = [];
    for (const a of this.schema.attributes(cls)) {
      if (root.has(a.name)) continue;
      const v = this.attribute(id, a.name);
      if (!v || v.kind === 'entity' || v.kind === 'list') continue;
      out.push({ name: a.name, values: v.kind === 'empty' ? [] : [v], dataTypes: v.kind !== 'empty' && v.ifcType ? [v.ifcType] : [] });
    }
    return out;
  }

  classifications(id: number): readonly ClassificationView[] {
    const own = this.relations.classifications.get(id) ?? [];
    const type = this.typeOf(id);
    const all = [...own, ...(type !== null ? (this.relations.classifications.get(type) ?? []) : [])];
    return all.map((c) => this.classification(c));
  }

  /** A reference with the references above it up to its classification system. */
  private classification(id: number): ClassificationView {
    const values: string[] = [];
    let system: string | null = null;
    const seen = new Set<number>();
    for (let current: number | null = id; current !== null && !seen.has(current); ) {
      seen.add(current);
      const cls = this.className(current);
      if (cls === 'IFCCLASSIFICATION') {
        system = this.text(current, 'Name');
        break;
      }
      if (cls !== 'IFCCLASSIFICATIONREFERENCE') break;
      const identification = this.text(current, 'Identification') ?? this.text(current, 'ItemReference');
      if (identification !== null) values.push(identification);
      current = ref(this.arg(current, 'ReferencedSource') ?? null);
    }
    return { system, values };
  }

  materials(id: number): readonly string[] | undefined {
    let associations = this.relations.materials.get(id);
    if (!associations?.length) {
      const type = this.typeOf(id);
      associations = type !== null ? this.relations.materials.get(type) : undefined;
    }
    if (!associations?.length) return undefined;
    const names = new Set<string>();
    const seen = new Set<number>();
    const visit = (m: number, depth: number) => {
      if (seen.has(m) || depth > 6) return;
      seen.add(m);
      for (const n of MATERIAL_NAMES) {
        const t = this.text(m, n);
        if (t) names.add(t);
      }
      for (const p of MATERIAL_PARTS) for (const child of refs(this.arg(m, p) ?? null)) visit(child, depth + 1);
    };
    for (const m of associations) visit(m, 0);
    return [...names];
  }

  parents(id: number): readonly ParentLink[] {
    return this.relations.parents.get(id) ?? [];
  }

  describe(id: number): { globalId: string | null; name: string | null; longName: string | null } {
    return { globalId: this.text(id, 'GlobalId'), name: this.text(id, 'Name'), longName: this.text(id, 'LongName') };
  }
}

/** The type's sets with the occurrence's on top: same set name → properties merged, the occurrence's value wins. */
function mergeSets(inherited: PropertySetView[], own: PropertySetView[]): PropertySetView[] {
  const byName = new Map<string, Map<string, PropertyView>>();
  for (const set of [...inherited, ...own]) {
    const props = byName.get(set.name) ?? new Map<string, PropertyView>();
    for (const p of set.properties) props.set(p.name, p);
    byName.set(set.name, props);
  }
  return [...byName].map(([name, props]) => ({ name, properties: [...props.values()] }));
}
