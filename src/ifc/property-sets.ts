// Property sets and quantity sets attached to spaces (IfcRelDefinesByProperties), decoded once per
// set even when several spaces share it.
import * as W from './schema/ifc-types';
import { Property, PropertySet, PropertyValue } from '../core/schedule/model';
import { ModelReader } from './model-reader';
import { bool, num, RawArg, ref, refs, str, typedValue } from './step-values';
import { ProjectUnits, unitToSi } from './units';
import { WarningCollector } from './warnings';

export type QuantityKind = 'length' | 'area' | 'volume' | 'count' | 'weight' | 'time';

export interface SetQuantity {
  name: string;
  kind: QuantityKind;
  /** Converted to SI (m, m², m³, kg, s); null when the file gives none or the unit is unknown. */
  value: number | null;
}

export interface DecodedSet {
  set: PropertySet;
  /** For IfcElementQuantity: the quantities, in SI. */
  quantities?: SetQuantity[];
}

const TEXT_TYPES = new Set(['IfcLabel', 'IfcText', 'IfcIdentifier', 'IfcDescriptiveMeasure', 'IfcDate', 'IfcDateTime', 'IfcTime', 'IfcDuration', 'IfcURIReference', 'IfcGloballyUniqueId', 'IfcTimeStamp']);

/** IfcQuantityX: Name, Description, Unit, Value (IFC4 adds Formula). */
const QUANTITY_KINDS = new Map<number, QuantityKind>([
  [W.IFCQUANTITYLENGTH, 'length'],
  [W.IFCQUANTITYAREA, 'area'],
  [W.IFCQUANTITYVOLUME, 'volume'],
  [W.IFCQUANTITYCOUNT, 'count'],
  [W.IFCQUANTITYWEIGHT, 'weight'],
  [W.IFCQUANTITYTIME, 'time'],
]);

/**
 * Complex properties nest their parts; a set is read at most this deep and this big. A complex
 * property listing itself 8 times took 79 s and 3.5 GB before (8^9 copies of its name); real sets
 * have tens of properties (the largest in the samples: 29 parts in SWW-5_SB.ifc).
 */
const MAX_DEPTH = 8;
const MAX_PROPERTIES_PER_SET = 10_000;

/** One set's walk through its complex properties: the parts above the current one, and what is left of its budget. */
interface Walk {
  setId: number;
  above: Set<number>;
  left: number;
}

export class PropertySetReader {
  private readonly decoded = new Map<number, DecodedSet | null>();

  constructor(
    private readonly reader: ModelReader,
    private readonly units: ProjectUnits,
    private readonly warnings: WarningCollector,
  ) {}

  /** Decodes the given property definitions (prefetching their lines and properties in batches). */
  load(ids: Iterable<number>): void {
    const todo = [...new Set(ids)].filter((id) => !this.decoded.has(id));
    if (todo.length === 0) return;
    // The raw lines are only needed while decoding: read them into a scratch cache.
    this.reader.withScratch(() => {
      this.reader.prefetch(todo);
      // Property / quantity lines of every set in one go, then the parts of complex ones, level by level
      // (SWW-5_SB.ifc gives each room a complex property of 29 parts: one call each was 60 % of the phase).
      let level = todo.flatMap((id) => {
        const l = this.reader.line(id);
        return l ? refs(l.arguments[l.type === W.IFCELEMENTQUANTITY ? 5 : 4]) : [];
      });
      const seen = new Set(level);
      for (let depth = 0; level.length && depth < MAX_DEPTH; depth++) {
        this.reader.prefetch(level);
        // Each part once, however many complex properties list it (or list themselves).
        level = level.flatMap((id) => {
          const l = this.reader.line(id);
          // IfcComplexProperty: Name, Description, UsageName, HasProperties; IfcPhysicalComplexQuantity: Name, Description, HasQuantities.
          if (l?.type === W.IFCCOMPLEXPROPERTY) return refs(l.arguments[3]);
          if (l?.type === W.IFCPHYSICALCOMPLEXQUANTITY) return refs(l.arguments[2]);
          return [];
        }).filter((id) => !seen.has(id) && seen.add(id));
      }
      for (const id of todo) this.decoded.set(id, this.decode(id));
    });
  }

  get(id: number): DecodedSet | null {
    if (!this.decoded.has(id)) this.load([id]);
    return this.decoded.get(id) ?? null;
  }

  private decode(id: number): DecodedSet | null {
    const line = this.reader.line(id);
    if (!line) return null;
    const a = line.arguments;
    const header = { name: str(a[2]) ?? '', globalId: str(a[0]), type: this.reader.typeName(line.type) };
    if (line.type === W.IFCPROPERTYSET) {
      // IfcPropertySet: GlobalId, OwnerHistory, Name, Description, HasProperties.
      const walk = this.walk(id);
      return { set: { ...header, properties: refs(a[4]).flatMap((p) => this.property(p, '', walk)) } };
    }
    if (line.type === W.IFCELEMENTQUANTITY) {
      // IfcElementQuantity: GlobalId, OwnerHistory, Name, Description, MethodOfMeasurement, Quantities.
      const walk = this.walk(id);
      const quantities = refs(a[5]).flatMap((q) => this.quantity(q, '', walk));
      const unitOf: Record<QuantityKind, string> = { length: 'IfcLengthMeasure', area: 'IfcAreaMeasure', volume: 'IfcVolumeMeasure', count: 'IfcCountMeasure', weight: 'IfcMassMeasure', time: 'IfcTimeMeasure' };
      return { set: { ...header, properties: quantities.map((q) => ({ name: q.name, value: q.value, valueType: unitOf[q.kind] })) }, quantities };
    }
    // Other IfcPropertySetDefinitions (predefined sets, templates) carry no simple properties.
    return { set: { ...header, properties: [] } };
  }

  private walk(setId: number): Walk {
    return { setId, above: new Set(), left: MAX_PROPERTIES_PER_SET };
  }

  /**
   * Whether a part may be read: not one of the complex parts it is inside of (a loop), not deeper
   * than MAX_DEPTH, and within the set's budget. Each refusal is a warning naming the entity.
   */
  private mayRead(id: number, walk: Walk): boolean {
    if (walk.above.has(id)) {
      this.warnings.add('bad-entity', `Some complex properties contain themselves (e.g. #${id}, in property set #${walk.setId}); the loop is read once.`, id, 'property-cycle');
      return false;
    }
    if (walk.above.size > MAX_DEPTH) {
      this.warnings.add('bad-entity', `Some complex properties nest more than ${MAX_DEPTH} levels deep (e.g. in property set #${walk.setId}); deeper parts are left out.`, id, 'property-deep');
      return false;
    }
    if (walk.left <= 0) {
      if (walk.left === 0) this.warnings.add('bad-entity', `Some property sets expand to more than ${MAX_PROPERTIES_PER_SET} properties (e.g. #${walk.setId}, whose complex properties list each other many times); only the first ${MAX_PROPERTIES_PER_SET} are read.`, walk.setId, 'property-set-budget');
      walk.left = -1;
      return false;
    }
    walk.left--;
    return true;
  }

  /** Reads the parts of a complex property or quantity, with it counted as "above" them. */
  private inside<T>(id: number, walk: Walk, read: () => T[]): T[] {
    walk.above.add(id);
    try {
      return read();
    } finally {
      walk.above.delete(id);
    }
  }

  private quantity(id: number, prefix: string, walk: Walk): SetQuantity[] {
    const line = this.reader.line(id);
    if (!line || !this.mayRead(id, walk)) return [];
    const a = line.arguments;
    const name = prefix + (str(a[0]) ?? '');
    const kind = QUANTITY_KINDS.get(line.type);
    if (kind) {
      const raw = num(a[3]);
      const own = ref(a[2]);
      const factor = own !== null ? unitToSi(this.reader, own) : this.projectFactor(kind);
      return [{ name, kind, value: raw === null || factor === null ? null : raw * factor }];
    }
    if (line.type === W.IFCPHYSICALCOMPLEXQUANTITY) {
      // IfcPhysicalComplexQuantity: Name, Description, HasQuantities, …
      this.reader.prefetch(refs(a[2]));
      return this.inside(id, walk, () => refs(a[2]).flatMap((q) => this.quantity(q, `${name}.`, walk)));
    }
    return [];
  }

  private projectFactor(kind: QuantityKind): number {
    const u = this.units;
    return { length: u.length, area: u.area, volume: u.volume, count: 1, weight: u.mass, time: u.time }[kind];
  }

  private property(id: number, prefix: string, walk: Walk): Property[] {
    const line = this.reader.line(id);
    if (!line || !this.mayRead(id, walk)) return [];
    const a = line.arguments;
    const name = prefix + (str(a[0]) ?? '');
    switch (line.type) {
      case W.IFCPROPERTYSINGLEVALUE:
        // Name, Description, NominalValue, Unit.
        return [{ name, ...this.value(a[2]) }];
      case W.IFCPROPERTYENUMERATEDVALUE:
        // Name, Description, EnumerationValues, EnumerationReference.
        return [{ name, ...this.joined(a[2]) }];
      case W.IFCPROPERTYLISTVALUE:
        // Name, Description, ListValues, Unit.
        return [{ name, ...this.joined(a[2]) }];
      case W.IFCPROPERTYBOUNDEDVALUE: {
        // Name, Description, UpperBoundValue, LowerBoundValue, Unit (IFC4: SetPointValue).
        const [upper, lower, setPoint] = [this.value(a[2]), this.value(a[3]), this.value(a[5])];
        if (setPoint.value !== null) return [{ name, ...setPoint }];
        const text = `${lower.value ?? ''}…${upper.value ?? ''}`;
        return [{ name, value: text === '…' ? null : text, valueType: upper.valueType ?? lower.valueType }];
      }
      case W.IFCPROPERTYTABLEVALUE: {
        // Name, Description, DefiningValues, DefinedValues, …: shown as "a→b; c→d".
        const keys = Array.isArray(a[2]) ? a[2] : [];
        const values = Array.isArray(a[3]) ? a[3] : [];
        const pairs = keys.map((k, i) => `${this.value(k).value}→${this.value(values[i]).value}`);
        return [{ name, value: pairs.length ? pairs.join('; ') : null, valueType: 'IfcPropertyTableValue' }];
      }
      case W.IFCCOMPLEXPROPERTY:
        // Name, Description, UsageName, HasProperties: flattened as "Complex.Child".
        this.reader.prefetch(refs(a[3]));
        return this.inside(id, walk, () => refs(a[3]).flatMap((p) => this.property(p, `${name}.`, walk)));
      case W.IFCPROPERTYREFERENCEVALUE: {
        // Name, Description, UsageName, PropertyReference: the referenced entity's class.
        const target = ref(a[3]);
        return [{ name, value: target !== null ? `${this.reader.typeName(this.reader.typeOf(target))} #${target}` : null, valueType: 'IfcPropertyReferenceValue' }];
      }
      default:
        return [];
    }
  }

  private value(arg: RawArg): { value: PropertyValue; valueType?: string } {
    const typed = typedValue(arg);
    if (!typed) {
      const b = bool(arg);
      return { value: b ?? str(arg) ?? num(arg) };
    }
    const valueType = this.reader.typeName(typed.typecode);
    const v = typed.value;
    if (valueType === 'IfcBoolean' || valueType === 'IfcLogical') return { value: typeof v === 'boolean' ? v : v === 'T' ? true : v === 'F' ? false : null, valueType };
    if (typeof v === 'string' && !TEXT_TYPES.has(valueType)) {
      const n = Number(v);
      return { value: v.trim() !== '' && Number.isFinite(n) ? n : v, valueType };
    }
    return { value: v, valueType };
  }

  private joined(arg: RawArg): { value: PropertyValue; valueType?: string } {
    const items = (Array.isArray(arg) ? arg : [arg]).map((x) => this.value(x));
    const present = items.filter((i) => i.value !== null);
    if (present.length === 0) return { value: null };
    if (present.length === 1) return present[0];
    return { value: present.map((i) => String(i.value)).join(', '), valueType: present[0].valueType };
  }
}
