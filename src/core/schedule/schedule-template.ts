// A schedule template: which columns a room schedule shows (in the user's words), in which order,
// how rooms are grouped and sorted, and in which units. Plain JSON, so users keep their own in the
// settings folder and the CLI takes one with --template; every exporter reads the same template.

/** What a column shows. Quantities and properties are named as in IFC; the rest are the room's own attributes. */
export type ColumnField =
  | 'number'
  | 'name'
  | 'description'
  | 'objectType'
  | 'globalId'
  | 'storey'
  | 'zone'
  | 'category'
  | 'department'
  | 'classification'
  | 'floorFinish'
  | 'wallFinish'
  | 'ceilingFinish'
  | 'notes'
  | `quantity:${string}`
  | `property:${string}`;

export interface TemplateColumn {
  field: ColumnField;
  /** The column's header; each field has a default in plain words. */
  header?: string;
  /** Decimals for a quantity column (the template's `decimals` otherwise). */
  decimals?: number;
}

export type GroupBy = 'storey' | 'zone' | 'category' | 'department' | 'none';
export const GROUP_BY: readonly GroupBy[] = ['storey', 'zone', 'category', 'department', 'none'];

export interface SortKey {
  field: ColumnField;
  descending?: boolean;
}

export type AreaUnit = 'm2' | 'ft2';
export type LengthUnit = 'm' | 'ft';
export type VolumeUnit = 'm3' | 'ft3';

export interface TemplateUnits {
  area: AreaUnit;
  length: LengthUnit;
  volume: VolumeUnit;
}

export interface ScheduleTemplate {
  name: string;
  description?: string;
  columns: TemplateColumn[];
  groupBy: GroupBy;
  /** Empty: the room list's order (numbers in natural order, then names). */
  sort: SortKey[];
  units: TemplateUnits;
  /** Decimals of quantity columns. */
  decimals: number;
}

export const METRIC: TemplateUnits = { area: 'm2', length: 'm', volume: 'm3' };
export const IMPERIAL: TemplateUnits = { area: 'ft2', length: 'ft', volume: 'ft3' };

const ROOM_SCHEDULE_COLUMNS: TemplateColumn[] = [
  { field: 'number' },
  { field: 'name' },
  { field: 'storey' },
  { field: 'category' },
  { field: 'quantity:NetFloorArea' },
  { field: 'quantity:GrossPerimeter' },
  { field: 'quantity:Height' },
  { field: 'quantity:GrossVolume' },
  { field: 'floorFinish' },
  { field: 'wallFinish' },
  { field: 'ceilingFinish' },
  { field: 'notes' },
];

export const DEFAULT_TEMPLATE_NAME = 'Room schedule';

/** The templates that come with the app; a user's template with the same name replaces one. */
export const BUILT_IN_TEMPLATES: readonly ScheduleTemplate[] = [
  {
    name: DEFAULT_TEMPLATE_NAME,
    description: 'Rooms by storey: areas, heights, volumes, finishes and notes.',
    columns: ROOM_SCHEDULE_COLUMNS,
    groupBy: 'storey',
    sort: [],
    units: METRIC,
    decimals: 2,
  },
  {
    name: 'Room schedule (ft²)',
    description: 'The room schedule in feet and square feet.',
    columns: ROOM_SCHEDULE_COLUMNS,
    groupBy: 'storey',
    sort: [],
    units: IMPERIAL,
    decimals: 1,
  },
  {
    name: 'Areas by department',
    description: 'Net and gross floor areas, grouped by department, largest first.',
    columns: [{ field: 'number' }, { field: 'name' }, { field: 'storey' }, { field: 'department' }, { field: 'quantity:NetFloorArea' }, { field: 'quantity:GrossFloorArea' }, { field: 'notes' }],
    groupBy: 'department',
    sort: [{ field: 'quantity:NetFloorArea', descending: true }],
    units: METRIC,
    decimals: 2,
  },
];

export function defaultTemplate(): ScheduleTemplate {
  return BUILT_IN_TEMPLATES[0];
}

const SIMPLE_FIELDS = new Set<string>(['number', 'name', 'description', 'objectType', 'globalId', 'storey', 'zone', 'category', 'department', 'classification', 'floorFinish', 'wallFinish', 'ceilingFinish', 'notes']);

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

function isField(v: unknown): v is ColumnField {
  if (typeof v !== 'string') return false;
  if (SIMPLE_FIELDS.has(v)) return true;
  if (/^quantity:\w+$/.test(v)) return true;
  // property:<set>.<name>; a set name has no dot, a property name may.
  return /^property:[^.]+\.[^.].*$/.test(v);
}

function fieldError(where: string, v: unknown): TemplateError {
  return new TemplateError(`${where}: "${String(v)}" is not a column; use one of ${[...SIMPLE_FIELDS].join(', ')}, "quantity:<Name>" (e.g. quantity:NetFloorArea) or "property:<Set>.<Name>" (e.g. property:Pset_SpaceCommon.FloorCovering)`);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new TemplateError(`${where} must be one of ${allowed.join(', ')} (found ${JSON.stringify(value)})`);
}

function decimalsOf(value: unknown, where: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6) return value;
  throw new TemplateError(`${where} must be a whole number from 0 to 6 (found ${JSON.stringify(value)})`);
}

/** A template from JSON someone wrote by hand: every mistake named, with where it is. Missing parts take the default's. */
export function parseTemplate(value: unknown, fallbackName: string): ScheduleTemplate {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TemplateError('a template is a JSON object with "columns"');
  const t = value as Record<string, unknown>;
  const base = defaultTemplate();
  const name = t.name === undefined ? fallbackName : typeof t.name === 'string' && t.name.trim() ? t.name.trim() : null;
  if (name === null) throw new TemplateError('"name" must be non-empty text');
  if (!Array.isArray(t.columns) || t.columns.length === 0) throw new TemplateError('"columns" must be a non-empty list, e.g. [{"field": "number"}, {"field": "quantity:NetFloorArea", "header": "Area"}]');
  const columns = t.columns.map((c: unknown, i): TemplateColumn => {
    const where = `columns[${i}]`;
    const col = typeof c === 'string' ? { field: c } : (c as Record<string, unknown> | null);
    if (typeof col !== 'object' || col === null) throw new TemplateError(`${where} must be a field name or {"field": …, "header": …}`);
    if (!isField(col.field)) throw fieldError(where, col.field);
    if (col.header !== undefined && typeof col.header !== 'string') throw new TemplateError(`${where}.header must be text`);
    return { field: col.field, ...(col.header ? { header: col.header } : {}), ...(col.decimals !== undefined ? { decimals: decimalsOf(col.decimals, `${where}.decimals`, base.decimals) } : {}) };
  });
  const sortIn = t.sort ?? [];
  if (!Array.isArray(sortIn)) throw new TemplateError('"sort" must be a list such as [{"field": "quantity:NetFloorArea", "descending": true}]');
  const sort = sortIn.map((s: unknown, i): SortKey => {
    const key = typeof s === 'string' ? { field: s } : (s as Record<string, unknown> | null);
    if (typeof key !== 'object' || key === null || !isField(key.field)) throw fieldError(`sort[${i}]`, key?.field ?? s);
    return { field: key.field, ...(key.descending === true ? { descending: true } : {}) };
  });
  const u = (t.units ?? {}) as Record<string, unknown>;
  if (typeof u !== 'object' || Array.isArray(u)) throw new TemplateError('"units" must be an object like {"area": "ft2", "length": "ft", "volume": "ft3"}');
  const units: TemplateUnits = {
    area: oneOf(u.area, ['m2', 'ft2'] as const, 'units.area', base.units.area),
    length: oneOf(u.length, ['m', 'ft'] as const, 'units.length', base.units.length),
    volume: oneOf(u.volume, ['m3', 'ft3'] as const, 'units.volume', base.units.volume),
  };
  return {
    name,
    ...(typeof t.description === 'string' ? { description: t.description } : {}),
    columns,
    groupBy: oneOf(t.groupBy, GROUP_BY, 'groupBy', base.groupBy),
    sort,
    units,
    decimals: decimalsOf(t.decimals, 'decimals', base.decimals),
  };
}
