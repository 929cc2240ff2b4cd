// What a room's fill says: one of six keys the user picks. Categorical keys get their colours
// over the whole model (most rooms first), so a category has the same colour on every storey and on
// every page of a PDF; ordered keys (area bands, findings) have fixed entries.
import { naturalOrder, listedArea } from '../schedule/space-rows';
import { Space } from '../schedule/model';
import { CATEGORY_COLOURS, NONE_COLOUR, OTHER_COLOUR, SEQUENTIAL_COLOURS } from './palette';
import { COLOUR_KEYS, ColourKey } from './plan-options';

export { COLOUR_KEYS, ColourKey };

/** The keys as the user reads them (the plan's switcher, the CLI's help, the legend's title). */
export const COLOUR_KEY_TITLES: Record<ColourKey, string> = {
  category: 'Category',
  department: 'Department / occupancy',
  zone: 'Zone',
  area: 'Net floor area',
  findings: 'Quantity findings',
  notes: 'Notes',
};

export interface LegendEntry {
  id: string;
  label: string;
  fill: string;
  /** Rooms of the whole model in this entry. */
  count: number;
}

export interface RoomColouring {
  key: ColourKey;
  title: string;
  /** Every entry, in legend order. */
  entries: LegendEntry[];
  /** The entry id of each room, by index into schedule.spaces. */
  entryOf: string[];
  fillOf(spaceIndex: number): string;
}

const NONE = 'none';
const OTHER = 'other';

function propertyText(space: Space, matches: (set: string, property: string) => boolean): string | null {
  for (const set of space.propertySets) {
    for (const p of set.properties) {
      if (!matches(set.name, p.name)) continue;
      const text = p.value === null ? '' : String(p.value).trim();
      if (text) return text;
    }
  }
  return null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Pset_SpaceCommon.Category (IFC2x3), else a Category in any set (Revit's "Other"), else ObjectType (IFC4 puts the use there). */
export function spaceCategory(space: Space): string | null {
  return propertyText(space, (s, p) => same(s, 'Pset_SpaceCommon') && same(p, 'Category')) ?? propertyText(space, (_s, p) => same(p, 'Category')) ?? (space.objectType?.trim() || null);
}

/** Pset_SpaceOccupancyRequirements.OccupancyType, else a Department or Occupancy property (Revit's Identity Data). */
export function spaceDepartment(space: Space): string | null {
  return propertyText(space, (s, p) => same(s, 'Pset_SpaceOccupancyRequirements') && same(p, 'OccupancyType')) ?? propertyText(space, (_s, p) => ['department', 'occupancy', 'occupancytype'].includes(p.toLowerCase()));
}

export function spaceZone(space: Space): string | null {
  const names = space.zones.map((z) => z.name?.trim() || z.globalId || `#${z.expressId}`);
  return names.length ? [...new Set(names)].sort(naturalOrder.compare).join(' + ') : null;
}

function categorical(spaces: readonly Space[], valueOf: (s: Space) => string | null, noneLabel: string): Omit<RoomColouring, 'key' | 'title'> {
  const values = spaces.map(valueOf);
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || naturalOrder.compare(a[0], b[0]));
  // Eight colours stay apart; a ninth would repeat one. The rest share "Other", named in the legend.
  const coloured = ranked.slice(0, CATEGORY_COLOURS.length);
  const rest = ranked.slice(CATEGORY_COLOURS.length);
  const ids = new Map(coloured.map(([v], i) => [v, `v${i}`]));
  const entries: LegendEntry[] = coloured.map(([v, n], i) => ({ id: `v${i}`, label: v, fill: CATEGORY_COLOURS[i], count: n }));
  if (rest.length) entries.push({ id: OTHER, label: `Other (${rest.length} more: ${rest.slice(0, 3).map(([v]) => v).join(', ')}${rest.length > 3 ? ', …' : ''})`, fill: OTHER_COLOUR, count: rest.reduce((n, [, c]) => n + c, 0) });
  const noneCount = values.filter((v) => v === null).length;
  if (noneCount) entries.push({ id: NONE, label: noneLabel, fill: NONE_COLOUR, count: noneCount });
  return withFills(entries, values.map((v) => (v === null ? NONE : ids.get(v) ?? OTHER)));
}

function withFills(entries: LegendEntry[], entryOf: string[]): Omit<RoomColouring, 'key' | 'title'> {
  const fills = new Map(entries.map((e) => [e.id, e.fill]));
  return { entries, entryOf, fillOf: (i) => fills.get(entryOf[i]) ?? NONE_COLOUR };
}

/** Fixed entries in order; counts filled in, empty ones dropped. */
function ordered(spaces: readonly Space[], all: Omit<LegendEntry, 'count'>[], entryOf: (s: Space, index: number) => string): Omit<RoomColouring, 'key' | 'title'> {
  const ids = spaces.map(entryOf);
  const entries = all.map((e) => ({ ...e, count: ids.filter((id) => id === e.id).length })).filter((e) => e.count > 0);
  return withFills(entries, ids);
}

/** Round numbers band limits are rounded to (times a power of ten). */
const NICE = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10];

function nice(x: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(x));
  const m = x / magnitude;
  return NICE.reduce((best, n) => (Math.abs(n - m) < Math.abs(best - m) ? n : best)) * magnitude;
}

/**
 * Upper limits of up to six area bands for these areas (m²): the sextiles of the model's net floor
 * areas, rounded to round numbers. Fixed bands (5, 10, 20, 50, 100 m²) put all eight of
 * LargeBuilding's rooms (27–50 m²) in one colour; bands from the model's own spread tell its rooms apart.
 */
export function areaBandLimits(areas: readonly number[]): number[] {
  const sorted = areas.filter((a) => a > 0).sort((x, y) => x - y);
  if (sorted.length < 2) return [];
  const limits: number[] = [];
  for (let k = 1; k < SEQUENTIAL_COLOURS.length; k++) {
    const q = nice(sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / SEQUENTIAL_COLOURS.length))]);
    if (q > sorted[0] && q <= sorted[sorted.length - 1] && !limits.includes(q)) limits.push(q);
  }
  return limits.sort((x, y) => x - y);
}

const m2 = (v: number) => `${Number(v.toPrecision(3))}`;

function areaBands(spaces: readonly Space[]) {
  const areas = spaces.map((s) => listedArea(s).value);
  const limits = areaBandLimits(areas.filter((a): a is number => a !== null));
  // Fewer bands than colours: spread over the whole ramp, so three bands are light, middle and dark.
  const last = SEQUENTIAL_COLOURS.length - 1;
  const fill = (i: number) => SEQUENTIAL_COLOURS[limits.length ? Math.round((i * last) / limits.length) : last];
  const bands = [
    ...limits.map((top, i) => ({ id: `a${i}`, label: i === 0 ? `under ${m2(top)} m²` : `${m2(limits[i - 1])}–${m2(top)} m²`, fill: fill(i) })),
    { id: `a${limits.length}`, label: limits.length ? `${m2(limits[limits.length - 1])} m² and more` : 'Area known', fill: fill(limits.length) },
    { id: NONE, label: 'Area unknown', fill: NONE_COLOUR },
  ];
  return ordered(spaces, bands, (_s, i) => {
    const a = areas[i];
    if (a === null) return NONE;
    const band = limits.findIndex((top) => a < top);
    return `a${band < 0 ? limits.length : band}`;
  });
}

/** The worst finding about a room's quantities decides its colour. */
function findings(spaces: readonly Space[]) {
  const entries = [
    { id: 'unit-error', label: 'Likely unit error', fill: '#EE8866' },
    { id: 'disagreement', label: 'Sources disagree', fill: '#EEDD88' },
    { id: 'geometry', label: 'Geometry problem', fill: '#FFAABB' },
    { id: 'no-area', label: 'No floor area', fill: NONE_COLOUR },
    { id: 'ok', label: 'No findings', fill: '#99DDFF' },
  ];
  return ordered(spaces, entries, (s) => {
    const kinds = new Set(s.quantityFindings.map((f) => f.kind));
    if (kinds.has('unit-error')) return 'unit-error';
    if (kinds.has('disagreement') || s.quantities.some((q) => q.disputed)) return 'disagreement';
    if (kinds.has('geometry')) return 'geometry';
    return listedArea(s).value === null ? 'no-area' : 'ok';
  });
}

function notes(spaces: readonly Space[], isAnnotated: (s: Space) => boolean) {
  return ordered(spaces, [{ id: 'notes', label: 'Has notes', fill: '#EE8866' }, { id: NONE, label: 'No notes', fill: NONE_COLOUR }], (s) => (isAnnotated(s) ? 'notes' : NONE));
}

export function colourRooms(spaces: readonly Space[], key: ColourKey, isAnnotated: (s: Space) => boolean): RoomColouring {
  const scheme = (() => {
    switch (key) {
      case 'category': return categorical(spaces, spaceCategory, 'No category');
      case 'department': return categorical(spaces, spaceDepartment, 'No department or occupancy');
      case 'zone': return categorical(spaces, spaceZone, 'In no zone');
      case 'area': return areaBands(spaces);
      case 'findings': return findings(spaces);
      case 'notes': return notes(spaces, isAnnotated);
    }
  })();
  return { key, title: COLOUR_KEY_TITLES[key], ...scheme };
}

export function parseColourKey(text: string): ColourKey {
  const k = text.trim().toLowerCase();
  const found = k === 'occupancy' ? 'department' : COLOUR_KEYS.find((c) => c === k);
  if (!found) throw new Error(`--color-by takes one of ${COLOUR_KEYS.join(', ')}, not “${text}”.`);
  return found;
}
