// The data of one room that a revision compare looks at, flattened into named fields, and the rule
// for when two values of a field are the same.
import { annotationKey, Annotations, Space, storeyLabel } from '../schedule/model';
import { DiffValue, FieldChange } from './revision-diff-types';

/** How a field's values are compared: text exactly, measures within the tolerance, counts exactly. */
type FieldKind = 'exact' | 'measure' | 'count';

interface RoomField {
  key: string;
  value: DiffValue;
  kind: FieldKind;
}

/** The order fields are reported in: the room's identity first, then its data, then its surfaces. */
const GROUPS = ['name', 'longName', 'storey', 'zones', 'quantities.', 'properties.', 'note', 'boundaries.'];

function groupRank(key: string): number {
  const i = GROUPS.findIndex((g) => (g.endsWith('.') ? key.startsWith(g) : key === g));
  return i < 0 ? GROUPS.length : i;
}

/**
 * Property values of these IFC types are measurements, re-exported with rounding noise, so they get
 * the quantities' tolerance; a count, an identifier or a label that differs by one is a real change.
 */
function isMeasureType(valueType: string | undefined): boolean {
  return valueType !== undefined && valueType.endsWith('Measure') && valueType !== 'IfcCountMeasure' && valueType !== 'IfcDescriptiveMeasure';
}

/** "001 " and "001" are the same number to the reader; an empty text is no text. */
function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

export function roomNumber(space: Space): string {
  return space.name?.trim() ?? '';
}

export function roomName(space: Space): string {
  return space.longName?.trim() ?? '';
}

/** A room's fields, keyed for lookup. Quantity sets are compared as quantities, not again as properties. */
export function roomFields(space: Space, notes: Annotations | undefined): Map<string, RoomField> {
  const fields = new Map<string, RoomField>();
  const add = (key: string, value: DiffValue, kind: FieldKind = 'exact') => {
    // An instance property wins over the same property from the type (spaces list their own sets first).
    if (!fields.has(key)) fields.set(key, { key, value, kind });
  };
  add('name', text(space.name));
  add('longName', text(space.longName));
  add('storey', storeyLabel(space.storey));
  const zones = space.zones.map((z) => text(z.name) ?? z.globalId ?? `#${z.expressId}`).sort();
  add('zones', zones.length ? zones.join(', ') : null);
  for (const q of space.quantities) add(`quantities.${q.name}`, q.value, 'measure');
  for (const set of space.propertySets) {
    if (set.type === 'IfcElementQuantity') continue;
    for (const p of set.properties) add(`properties.${set.name}.${p.name}`, typeof p.value === 'string' ? text(p.value) : p.value, typeof p.value === 'number' && isMeasureType(p.valueType) ? 'measure' : 'exact');
  }
  add('note', text(notes?.spaces.get(annotationKey(space))));
  for (const t of space.surfaceTotals) add(`boundaries.${t.category}`, t.count, 'count');
  return fields;
}

/** The value a room without the field has: no boundaries of a surface type is a count of 0. */
function absent(kind: FieldKind): DiffValue {
  return kind === 'count' ? 0 : null;
}

function same(a: DiffValue, b: DiffValue, kind: FieldKind, tolerance: number): boolean {
  if (a === b) return true;
  if (kind !== 'measure' || typeof a !== 'number' || typeof b !== 'number') return false;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** The fields that differ between two versions of one room, in report order. `tolerance` is relative (0.005 = 0.5 %). */
export function fieldChanges(before: Map<string, RoomField>, after: Map<string, RoomField>, tolerance: number): FieldChange[] {
  const changes: { change: FieldChange; rank: number; order: number }[] = [];
  const check = (key: string, a: RoomField | undefined, b: RoomField | undefined) => {
    const kind = (a ?? b)!.kind;
    const oldValue = a ? a.value : absent(kind);
    const newValue = b ? b.value : absent(kind);
    if (!same(oldValue, newValue, kind, tolerance)) changes.push({ change: { field: key, old: oldValue, new: newValue }, rank: groupRank(key), order: changes.length });
  };
  for (const [key, b] of after) check(key, before.get(key), b);
  for (const [key, a] of before) if (!after.has(key)) check(key, a, undefined);
  return changes.sort((x, y) => x.rank - y.rank || x.order - y.order).map((c) => c.change);
}
