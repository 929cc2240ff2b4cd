// The rows of the space list: spaces grouped by storey (in elevation order), filtered by a text
// query over number, name, long name, storey and notes. Pure, so the Qt model stays a thin view.
import { displayName, QuantitySource, Space, storeyLabel } from './model';
import { RoomPreview } from './room-preview';
import { describeSource, sourceKind } from './quantity-precedence';

export interface StoreyHeaderRow {
  kind: 'storey';
  title: string;
  count: number;
  /** Sum of the rooms' known net floor areas; null when no room's area is known. */
  area: number | null;
  /** Rooms whose area is unknown, left out of the sum. */
  unknownArea: number;
  /** The rooms are a preview: their areas are still being measured, not unknown. */
  measuring?: true;
}

export interface SpaceRow {
  kind: 'space';
  /** Index into schedule.spaces. */
  index: number;
  space: Space;
  number: string;
  name: string;
  longName: string;
  area: number | null;
  areaSource: QuantitySource;
  /** The listed area's sources disagree, or the file's value looked like a unit error. */
  areaDisputed: boolean;
  /** What the Area cell's tooltip says: where the number comes from and why it is marked. */
  areaNote: string;
  annotated: boolean;
}

export type ListRow = StoreyHeaderRow | SpaceRow;

/** A room of a preview: listed with its number and names while its quantities are still being read. */
export interface PendingRoomRow {
  kind: 'pending';
  /** Index into the preview's rooms. */
  index: number;
  room: RoomPreview;
  number: string;
  name: string;
  longName: string;
}

export type PreviewListRow = StoreyHeaderRow | PendingRoomRow;

// One collator for all comparisons: localeCompare with options builds a new one per call, which
// made sorting ~900 rooms take a third of a second on the UI thread. Built at the first comparison,
// not when this file loads: building it loads ICU's collation data (11 ms), which a JSON export
// (and every CLI start that merely loads the schedule code) never needs.
let collator: Intl.Collator | undefined;
export const naturalOrder: Pick<Intl.Collator, 'compare'> = {
  compare: (a, b) => (collator ??= new Intl.Collator(undefined, { numeric: true })).compare(a, b),
};

/**
 * Builds the collator now, when the window has asked for a model: otherwise its 11–12 ms (measured,
 * 2-core VM) land inside the first listing of rooms — on a busy machine two to four times that in
 * the stall of the preview's arrival.
 */
export function warmUpRoomOrder(): void {
  naturalOrder.compare('Room 2', 'Room 10');
}

/** The quantity the list's Area column shows, named in its header. */
export const LISTED_AREA = { name: 'NetFloorArea', title: 'Net floor area' } as const;

/** The floor area we list: the chosen NetFloorArea, with where it comes from and whether it is disputed. */
export function listedArea(space: Space): { value: number | null; source: QuantitySource; disputed: boolean; note: string } {
  const q = space.quantities.find((x) => x.name === LISTED_AREA.name);
  if (!q || q.value === null) return { value: null, source: 'missing', disputed: q?.disputed ?? false, note: q?.note ?? 'No source gives a net floor area.' };
  const from = `${LISTED_AREA.title} from ${describeSource(q.source)}.`;
  const findings = space.quantityFindings.filter((f) => f.quantity === LISTED_AREA.name).map((f) => f.message);
  return { value: q.value, source: q.source, disputed: q.disputed, note: [from, q.note, ...findings].filter((t) => !!t).join('\n') };
}

/** The mark after a listed area: ≈ computed by us, ⚠ disputed (sources disagree or a unit error). */
export function areaMark(row: Pick<SpaceRow, 'areaSource' | 'areaDisputed'>): string {
  if (row.areaDisputed) return ' ⚠';
  return sourceKind(row.areaSource) === 'file' || row.areaSource === 'missing' ? '' : ' ≈';
}

/**
 * The order of rooms within a storey: numbered rooms first, by number in natural order (2 before 10);
 * then by name, so rooms without numbers (ArchiCAD's MultiZoneBuilding has twelve) read
 * alphabetically instead of in the file's order; the file's order last.
 */
export function compareRooms(a: { number: string; name: string; index: number }, b: { number: string; name: string; index: number }): number {
  return Number(a.number === '') - Number(b.number === '') || naturalOrder.compare(a.number, b.number) || naturalOrder.compare(a.name, b.name) || a.index - b.index;
}

export function buildSpaceRows(spaces: readonly Space[], query: string, isAnnotated: (s: Space) => boolean): ListRow[] {
  return groupByStorey(spaces, query, (space, index): SpaceRow => {
    const area = listedArea(space);
    return { kind: 'space', index, space, ...roomNames(space), area: area.value, areaSource: area.source, areaDisputed: area.disputed, areaNote: area.note, annotated: isAnnotated(space) };
  }, (title, rows) => ({ kind: 'storey', title, count: rows.length, ...totalArea(rows) }));
}

/** The rooms of a preview, grouped and ordered as buildSpaceRows will list them once they are complete. */
export function buildPreviewRows(rooms: readonly RoomPreview[], query: string): PreviewListRow[] {
  return groupByStorey(rooms, query, (room, index): PendingRoomRow => ({ kind: 'pending', index, room, ...roomNames(room) }), (title, rows) => ({ kind: 'storey', title, count: rows.length, area: null, unknownArea: rows.length, measuring: true }));
}

function roomNames(room: RoomPreview): { number: string; name: string; longName: string } {
  return { number: room.name?.trim() ?? '', name: displayName(room), longName: room.longName?.trim() ?? '' };
}

/** Rooms matching `query`, grouped by storey in elevation order, each group in compareRooms order behind its header. */
function groupByStorey<T extends RoomPreview, R extends { index: number; number: string; name: string; longName: string }>(rooms: readonly T[], query: string, rowOf: (room: T, index: number) => R, header: (title: string, rows: R[]) => StoreyHeaderRow): Array<StoreyHeaderRow | R> {
  const q = query.trim().toLowerCase();
  const groups = new Map<string, { elevation: number; rows: R[] }>();
  rooms.forEach((room, index) => {
    const storey = storeyLabel(room.storey);
    const row = rowOf(room, index);
    if (q && ![row.number, row.name, row.longName, storey, room.globalId ?? '', room.description ?? ''].some((t) => t.toLowerCase().includes(q))) return;
    let g = groups.get(storey);
    if (!g) groups.set(storey, (g = { elevation: room.storey?.elevation ?? Number.POSITIVE_INFINITY, rows: [] }));
    g.rows.push(row);
  });
  const ordered = [...groups.entries()].sort((a, b) => a[1].elevation - b[1].elevation || naturalOrder.compare(a[0], b[0]));
  const out: Array<StoreyHeaderRow | R> = [];
  for (const [title, g] of ordered) {
    g.rows.sort((a, b) => compareRooms({ number: a.number, name: a.longName || a.name, index: a.index }, { number: b.number, name: b.longName || b.name, index: b.index }));
    out.push(header(title, g.rows));
    out.push(...g.rows);
  }
  return out;
}

/** Adds only known areas: a room without one is counted apart, never as 0 m². */
export function totalArea(rows: readonly { area: number | null }[]): { area: number | null; unknownArea: number } {
  const known = rows.filter((r) => r.area !== null);
  return { area: known.length ? known.reduce((s, r) => s + (r.area as number), 0) : null, unknownArea: rows.length - known.length };
}

/** "Level 1 — 60 rooms, 812.4 m² (area unknown for 3 rooms)". */
export function storeyHeading(r: StoreyHeaderRow): string {
  const rooms = `${r.count} room${r.count === 1 ? '' : 's'}`;
  if (r.measuring) return `${r.title} — ${rooms}, areas being measured…`;
  if (r.area === null) return `${r.title} — ${rooms}, area unknown`;
  const unknown = r.unknownArea ? ` (area unknown for ${r.unknownArea} room${r.unknownArea === 1 ? '' : 's'})` : '';
  return `${r.title} — ${rooms}, ${formatArea(r.area, 1)}${unknown}`;
}

/** The building total over rooms shown: "812.4 m² net floor area, area unknown for 2 rooms". */
export function totalAreaText(rows: readonly { area: number | null }[]): string {
  const { area, unknownArea } = totalArea(rows);
  if (area === null) return rows.length ? 'area unknown' : '';
  return `${formatArea(area, 1)} net floor area${unknownArea ? `, area unknown for ${unknownArea} room${unknownArea === 1 ? '' : 's'}` : ''}`;
}

export function formatArea(value: number | null, digits = 2): string {
  return value === null ? '—' : `${value.toFixed(digits)} m²`;
}
