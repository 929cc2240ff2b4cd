// A room schedule as a template lays it out: columns with headers and units, rooms in groups
// (storeys by elevation, or zones, categories, departments by name), each group with its totals,
// and a building total. Totals add only known values and count the rooms left out, never as 0.
// Built once, read-only; the XLSX, CSV and PDF writers only format it.
import { Quantity, Space, storeyLabel } from './model';
import { fieldDefinition, FieldKind, fieldValue, quantityOf, ScheduleCell, sortName } from './schedule-fields';
import { ColumnField, GroupBy, ScheduleTemplate, TemplateUnits } from './schedule-template';
import { compareRooms, naturalOrder, totalArea } from './space-rows';

export interface ScheduleColumn {
  field: ColumnField;
  /** The header as the user reads it, unit included: "Net floor area (m²)". */
  header: string;
  /** Where the values come from in IFC terms: the header's note. */
  ifcName: string;
  kind: FieldKind;
  /** "m²", "ft", … for quantity columns; '' otherwise. */
  unit: string;
  decimals: number;
  /** Areas and volumes are added up per group; lengths (heights, perimeters) are not. */
  totalled: boolean;
  width: number;
}

export interface ScheduleRoom {
  space: Space;
  /** Index into the schedule's spaces. */
  index: number;
  /** One value per column, quantities in the template's units (not rounded). */
  cells: readonly ScheduleCell[];
  /** For quantity columns, the quantity the value comes from (its source and note). */
  quantities: readonly (Quantity | undefined)[];
}

export interface ColumnTotal {
  /** Sum of the known values; null when no room has one. */
  value: number | null;
  /** Rooms without a value, left out of the sum. */
  unknown: number;
}

export interface ScheduleGroup {
  title: string;
  rooms: readonly ScheduleRoom[];
  /** One per column; null for columns that are not totalled. */
  totals: readonly (ColumnTotal | null)[];
}

export interface ScheduleTable {
  template: ScheduleTemplate;
  columns: readonly ScheduleColumn[];
  groups: readonly ScheduleGroup[];
  totals: readonly (ColumnTotal | null)[];
  roomCount: number;
}

/** SI → the template's unit: the factor to divide by and the label. */
const UNITS: Record<string, { perUnit: number; label: string }> = {
  m2: { perUnit: 1, label: 'm²' },
  ft2: { perUnit: 0.09290304, label: 'ft²' },
  m: { perUnit: 1, label: 'm' },
  ft: { perUnit: 0.3048, label: 'ft' },
  m3: { perUnit: 1, label: 'm³' },
  ft3: { perUnit: 0.028316846592, label: 'ft³' },
};

function unitFor(kind: FieldKind, units: TemplateUnits): { perUnit: number; label: string } | undefined {
  if (kind === 'area') return UNITS[units.area];
  if (kind === 'length') return UNITS[units.length];
  if (kind === 'volume') return UNITS[units.volume];
  return undefined;
}

export function scheduleColumns(template: ScheduleTemplate, spaces: readonly Space[]): ScheduleColumn[] {
  return template.columns.map((c) => {
    const def = fieldDefinition(c.field, spaces);
    const unit = unitFor(def.kind, template.units)?.label ?? '';
    const header = c.header ?? def.header;
    return {
      field: c.field,
      header: unit && !header.includes(`(${unit})`) ? `${header} (${unit})` : header,
      ifcName: def.ifcName,
      kind: def.kind,
      unit,
      decimals: c.decimals ?? template.decimals,
      totalled: def.kind === 'area' || def.kind === 'volume',
      // Wide enough for the bold header on one line (+3 for the unit's " ()", +2 for bold).
      width: Math.max(def.width, Math.min(32, header.length + 2 + (unit ? unit.length + 3 : 0))),
    };
  });
}

function groupKey(space: Space, by: GroupBy): { title: string; order: number } {
  switch (by) {
    case 'storey':
      return { title: storeyLabel(space.storey), order: space.storey?.elevation ?? Number.POSITIVE_INFINITY };
    case 'none':
      return { title: 'All rooms', order: 0 };
    default: {
      const v = fieldValue(by, space, null);
      // Rooms without a value come last, under a heading that says what they lack.
      return v === null ? { title: `(no ${by})`, order: Number.POSITIVE_INFINITY } : { title: String(v), order: 0 };
    }
  }
}

function compareCells(a: ScheduleCell, b: ScheduleCell): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return naturalOrder.compare(String(a), String(b));
}

function total(rooms: readonly ScheduleRoom[], column: number): ColumnTotal {
  const t = totalArea(rooms.map((r) => ({ area: r.cells[column] as number | null })));
  return { value: t.area, unknown: t.unknownArea };
}

function totals(columns: readonly ScheduleColumn[], rooms: readonly ScheduleRoom[]): (ColumnTotal | null)[] {
  return columns.map((c, i) => (c.totalled ? total(rooms, i) : null));
}

export function buildScheduleTable(template: ScheduleTemplate, spaces: readonly Space[], noteOf: (space: Space) => string | null, indexOf: (space: Space) => number = (s) => spaces.indexOf(s)): ScheduleTable {
  const columns = scheduleColumns(template, spaces);
  const factors = columns.map((c) => unitFor(c.kind, template.units)?.perUnit);
  const sortColumns = template.sort.map((k) => ({ ...k, column: columns.findIndex((c) => c.field === k.field) }));
  const groups = new Map<string, { order: number; rooms: ScheduleRoom[] }>();
  for (const space of spaces) {
    const note = noteOf(space);
    const cells = columns.map((c, i) => {
      const v = fieldValue(c.field, space, note);
      return typeof v === 'number' && factors[i] !== undefined ? v / factors[i]! : v;
    });
    const quantities = columns.map((c) => (c.field.startsWith('quantity:') ? quantityOf(space, c.field.slice('quantity:'.length)) : undefined));
    const key = groupKey(space, template.groupBy);
    let g = groups.get(key.title);
    if (!g) groups.set(key.title, (g = { order: key.order, rooms: [] }));
    g.rooms.push({ space, index: indexOf(space), cells, quantities });
  }
  const natural = (a: ScheduleRoom, b: ScheduleRoom) => compareRooms({ number: a.space.name?.trim() ?? '', name: sortName(a.space), index: a.index }, { number: b.space.name?.trim() ?? '', name: sortName(b.space), index: b.index });
  const byTemplate = (a: ScheduleRoom, b: ScheduleRoom) => {
    for (const k of sortColumns) {
      const va = k.column >= 0 ? a.cells[k.column] : fieldValue(k.field, a.space, null);
      const vb = k.column >= 0 ? b.cells[k.column] : fieldValue(k.field, b.space, null);
      // Missing values stay last whichever way the column is sorted.
      const c = va === null || vb === null ? compareCells(va, vb) : compareCells(va, vb) * (k.descending ? -1 : 1);
      if (c !== 0) return c;
    }
    return natural(a, b);
  };
  const ordered = [...groups.entries()].sort((a, b) => a[1].order - b[1].order || naturalOrder.compare(a[0], b[0]));
  const built: ScheduleGroup[] = ordered.map(([title, g]) => {
    const rooms = g.rooms.sort(byTemplate);
    return { title, rooms, totals: totals(columns, rooms) };
  });
  const all = built.flatMap((g) => g.rooms);
  return { template, columns, groups: built, totals: totals(columns, all), roomCount: all.length };
}

/** "Level 1 — 12 rooms (net floor area unknown for 2 rooms)": the words beside a group's totals. */
export function totalLabel(prefix: string, count: number, table: ScheduleTable, totalsRow: readonly (ColumnTotal | null)[]): string {
  const rooms = `${count} room${count === 1 ? '' : 's'}`;
  const unknown = table.columns.flatMap((c, i) => {
    const t = totalsRow[i];
    if (!t || t.unknown === 0) return [];
    const what = c.header.replace(/\s*\([^)]*\)$/, '');
    return [`${what.charAt(0).toLowerCase()}${what.slice(1)} unknown for ${t.unknown} room${t.unknown === 1 ? '' : 's'}`];
  });
  return `${prefix} — ${rooms}${unknown.length ? ` (${unknown.join('; ')})` : ''}`;
}

/** The GlobalId column after the template's columns (unless it has one): notes edited in the file are matched back by it. */
export function withGlobalId(table: ScheduleTable): { headers: string[]; globalIdAppended: boolean } {
  const has = table.columns.some((c) => c.field === 'globalId');
  return { headers: [...table.columns.map((c) => c.header), ...(has ? [] : ['GlobalId'])], globalIdAppended: !has };
}
