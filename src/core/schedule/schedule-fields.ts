// What each template field means: its header in plain words, the IFC data it comes from (shown in
// the header's note, so a BIM coordinator can check where a number was read), and how a room's
// value is found. One table for the XLSX, CSV and PDF schedules.
import { displayName, PropertyValue, Quantity, Space, storeyLabel } from './model';
import { ColumnField } from './schedule-template';

export type ScheduleCell = string | number | null;
export type FieldKind = 'text' | 'area' | 'length' | 'volume' | 'number';

export interface FieldDefinition {
  header: string;
  /** Where the value comes from, in IFC terms. */
  ifcName: string;
  kind: FieldKind;
  /** Characters; XLSX column width and the PDF's relative column width. */
  width: number;
}

/** Where each finish is kept: IFC2X3's Pset_SpaceCommon, IFC4's Pset_SpaceCoveringRequirements. */
const FINISH_SETS = ['Pset_SpaceCommon', 'Pset_SpaceCoveringRequirements'];

const SIMPLE: Record<string, FieldDefinition & { value(space: Space): ScheduleCell }> = {
  number: { header: 'Number', ifcName: 'IfcSpace.Name', kind: 'text', width: 10, value: (s) => s.name?.trim() || null },
  name: { header: 'Name', ifcName: 'IfcSpace.LongName', kind: 'text', width: 26, value: (s) => s.longName?.trim() || null },
  description: { header: 'Description', ifcName: 'IfcSpace.Description', kind: 'text', width: 26, value: (s) => s.description?.trim() || null },
  objectType: { header: 'Type', ifcName: 'IfcSpace.ObjectType', kind: 'text', width: 16, value: (s) => s.objectType?.trim() || null },
  globalId: { header: 'GlobalId', ifcName: 'IfcSpace.GlobalId', kind: 'text', width: 24, value: (s) => s.globalId },
  storey: { header: 'Storey', ifcName: 'IfcBuildingStorey.Name of the storey holding the room', kind: 'text', width: 16, value: (s) => storeyLabel(s.storey) },
  zone: { header: 'Zone', ifcName: 'IfcZone.Name (IfcRelAssignsToGroup)', kind: 'text', width: 16, value: (s) => s.zones.map((z) => z.name?.trim() || z.globalId || `#${z.expressId}`).join('; ') || null },
  category: { header: 'Category', ifcName: 'Pset_SpaceCommon.Category, else IfcSpace.ObjectType', kind: 'text', width: 16, value: (s) => text(propertyValue(s, 'Pset_SpaceCommon', 'Category')) ?? (s.objectType?.trim() || null) },
  department: {
    header: 'Department',
    ifcName: 'a "Department" property (any set, as Revit writes it), else Pset_SpaceOccupancyRequirements.OccupancyType',
    kind: 'text',
    width: 16,
    value: (s) => text(anySetValue(s, 'Department')) ?? text(propertyValue(s, 'Pset_SpaceOccupancyRequirements', 'OccupancyType')),
  },
  classification: { header: 'Classification', ifcName: 'a "Classification…" or "OmniClass…" property (IfcClassificationReference is not read yet)', kind: 'text', width: 16, value: (s) => text(classificationValue(s)) },
  floorFinish: finish('Floor finish', 'FloorCovering'),
  wallFinish: finish('Wall finish', 'WallCovering'),
  ceilingFinish: finish('Ceiling finish', 'CeilingCovering'),
};

function finish(header: string, property: string): FieldDefinition & { value(space: Space): ScheduleCell } {
  return { header, ifcName: FINISH_SETS.map((set) => `${set}.${property}`).join(' or '), kind: 'text', width: 16, value: (s) => text(FINISH_SETS.map((set) => propertyValue(s, set, property)).find((v) => v !== undefined && v !== null && v !== '')) };
}

export const NOTES_FIELD: FieldDefinition = { header: 'Notes', ifcName: "the app's notes on the room (Save annotated IFC writes them as IfcRoomSchedule_Notes.Note)", kind: 'text', width: 30 };

/** Quantities in plain words (Qto_SpaceBaseQuantities names); others get their name split into words. */
const QUANTITY_WORDS: Record<string, { header: string; kind: FieldKind }> = {
  NetFloorArea: { header: 'Net floor area', kind: 'area' },
  GrossFloorArea: { header: 'Gross floor area', kind: 'area' },
  NetCeilingArea: { header: 'Net ceiling area', kind: 'area' },
  GrossCeilingArea: { header: 'Gross ceiling area', kind: 'area' },
  NetWallArea: { header: 'Net wall area', kind: 'area' },
  GrossWallArea: { header: 'Gross wall area', kind: 'area' },
  GrossPerimeter: { header: 'Perimeter', kind: 'length' },
  NetPerimeter: { header: 'Net perimeter', kind: 'length' },
  Height: { header: 'Height', kind: 'length' },
  FinishCeilingHeight: { header: 'Ceiling height', kind: 'length' },
  FinishFloorHeight: { header: 'Floor height', kind: 'length' },
  GrossVolume: { header: 'Volume', kind: 'volume' },
  NetVolume: { header: 'Net volume', kind: 'volume' },
};

const KIND_OF_UNIT: Record<string, FieldKind> = { m: 'length', m2: 'area', m3: 'volume' };

export function words(name: string): string {
  const split = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').trim();
  return split.charAt(0).toUpperCase() + split.slice(1).toLowerCase();
}

export function quantityOf(space: Space, name: string): Quantity | undefined {
  return space.quantities.find((q) => q.name === name);
}

function propertyValue(space: Space, set: string, name: string): PropertyValue | undefined {
  return space.propertySets.find((p) => p.name === set)?.properties.find((p) => p.name === name)?.value;
}

function anySetValue(space: Space, name: string): PropertyValue | undefined {
  const wanted = name.toLowerCase();
  for (const set of space.propertySets) {
    const p = set.properties.find((x) => x.name.toLowerCase() === wanted && x.value !== null && x.value !== '');
    if (p) return p.value;
  }
  return undefined;
}

function classificationValue(space: Space): PropertyValue | undefined {
  for (const set of space.propertySets) {
    const p = set.properties.find((x) => /^(classification|omniclass|uniclass)/i.test(x.name) && x.value !== null && x.value !== '');
    if (p) return p.value;
  }
  return undefined;
}

function text(v: PropertyValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  const s = String(v).trim();
  return s || null;
}

/** The header, IFC name and kind of a field; `spaces` tell the kind of a quantity the table does not know by name. */
export function fieldDefinition(field: ColumnField, spaces: readonly Space[]): FieldDefinition {
  if (field === 'notes') return NOTES_FIELD;
  const simple = SIMPLE[field];
  if (simple) return { header: simple.header, ifcName: simple.ifcName, kind: simple.kind, width: simple.width };
  if (field.startsWith('quantity:')) {
    const name = field.slice('quantity:'.length);
    const known = QUANTITY_WORDS[name];
    const unit = spaces.map((s) => quantityOf(s, name)?.unit).find((u) => u !== undefined);
    const kind = known?.kind ?? (unit !== undefined ? (KIND_OF_UNIT[unit] ?? 'number') : 'number');
    return { header: known?.header ?? words(name), ifcName: `Qto_SpaceBaseQuantities.${name} (or the source named in Sources)`, kind, width: 12 };
  }
  const [set, ...rest] = field.slice('property:'.length).split('.');
  const name = rest.join('.');
  return { header: words(name), ifcName: `${set}.${name}`, kind: 'text', width: 16 };
}

/** A room's value for a field, in SI for quantities (the table converts units). */
export function fieldValue(field: ColumnField, space: Space, note: string | null): ScheduleCell {
  if (field === 'notes') return note;
  const simple = SIMPLE[field];
  if (simple) return simple.value(space);
  if (field.startsWith('quantity:')) return quantityOf(space, field.slice('quantity:'.length))?.value ?? null;
  const [set, ...rest] = field.slice('property:'.length).split('.');
  const v = propertyValue(space, set, rest.join('.'));
  return typeof v === 'number' ? v : text(v);
}

/** The display name used to order rooms without a number. */
export function sortName(space: Space): string {
  return space.longName?.trim() || displayName(space);
}
