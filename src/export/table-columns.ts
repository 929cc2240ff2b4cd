// The columns of the tabular exports, defined once: the CSV files and the XLSX sheets show the same
// rows with the same headers, so a script written against one reads the other.
import { displayName, Quantity, Relationship, Space, SpaceBoundary, SurfaceCategory } from '../core/schedule/model';
import { ExportSelection } from './export-selection';

export type CellValue = string | number | null;
/** Decides the number format in XLSX and the rounding in CSV. */
export type ColumnKind = 'text' | 'area' | 'length' | 'volume' | 'angle' | 'count';

export interface TableColumn<Row> {
  header: string;
  kind: ColumnKind;
  /** Column width in characters (XLSX). */
  width: number;
  value(row: Row): CellValue;
}

export interface RoomRow {
  space: Space;
  note: string | null;
}

export interface BoundaryRow {
  space: Space;
  boundary: SpaceBoundary;
  note: string | null;
}

export interface RelationshipRow {
  space: Space;
  relationship: Relationship;
}

const UNIT_LABEL: Record<'area' | 'length' | 'volume', string> = { area: 'm²', length: 'm', volume: 'm³' };

/** The quantities a room schedule shows, in Qto_SpaceBaseQuantities names; the JSON export has them all. */
export const MAIN_QUANTITIES: readonly { name: string; label: string; kind: 'area' | 'length' | 'volume' }[] = [
  { name: 'NetFloorArea', label: 'Net floor area', kind: 'area' },
  { name: 'GrossFloorArea', label: 'Gross floor area', kind: 'area' },
  { name: 'Height', label: 'Height', kind: 'length' },
  { name: 'GrossPerimeter', label: 'Perimeter', kind: 'length' },
  { name: 'NetVolume', label: 'Net volume', kind: 'volume' },
  { name: 'GrossVolume', label: 'Gross volume', kind: 'volume' },
];

export const SURFACE_CATEGORIES: readonly SurfaceCategory[] = ['wall', 'floor', 'ceiling', 'window', 'door', 'virtual', 'other'];

function quantity(space: Space, name: string): Quantity | undefined {
  return space.quantities.find((q) => q.name === name);
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function text<Row>(width: number, header: string, value: (row: Row) => CellValue): TableColumn<Row> {
  return { header, kind: 'text', width, value };
}

/** The first two columns of the boundary and relationship tables: which room the row belongs to. */
function spaceColumns<Row extends { space: Space }>(): TableColumn<Row>[] {
  return [text(24, 'Space GlobalId', (r) => r.space.globalId), text(20, 'Space name', (r) => displayName(r.space))];
}

function quantityColumns(): TableColumn<RoomRow>[] {
  return MAIN_QUANTITIES.flatMap((q) => [
    { header: `${q.label} (${UNIT_LABEL[q.kind]})`, kind: q.kind, width: 14, value: (r: RoomRow) => quantity(r.space, q.name)?.value ?? null },
    // Where the number comes from matters as much as the number: "qto:…"/"pset:…" was in the file, "geometry:…" and "boundaries" are ours.
    text(16, `${q.label} source`, (r) => quantity(r.space, q.name)?.source ?? 'missing'),
  ]);
}

function countWhere(space: Space, keep: (b: SpaceBoundary) => boolean): number {
  return space.boundaries.reduce((n, b) => n + (keep(b) ? 1 : 0), 0);
}

function surfaceColumns(): TableColumn<RoomRow>[] {
  return SURFACE_CATEGORIES.map((category) => ({
    header: `${capitalised(category)} area (m²)`,
    kind: 'area' as const,
    width: 13,
    value: (r: RoomRow) => r.space.surfaceTotals.find((t) => t.category === category)?.area ?? 0,
  }));
}

export const ROOM_COLUMNS: readonly TableColumn<RoomRow>[] = [
  text(24, 'GlobalId', (r) => r.space.globalId),
  text(16, 'Name', (r) => r.space.name),
  text(28, 'Long name', (r) => r.space.longName),
  text(18, 'Storey', (r) => r.space.storey?.name ?? null),
  text(20, 'Zones', (r) => r.space.zones.map((z) => z.name ?? z.globalId ?? `#${z.expressId}`).join('; ') || null),
  ...quantityColumns(),
  { header: 'Boundaries', kind: 'count', width: 11, value: (r) => r.space.boundaries.length },
  { header: 'Physical boundaries', kind: 'count', width: 11, value: (r) => countWhere(r.space, (b) => b.physicalOrVirtual === 'PHYSICAL') },
  { header: 'Virtual boundaries', kind: 'count', width: 11, value: (r) => countWhere(r.space, (b) => b.physicalOrVirtual === 'VIRTUAL') },
  { header: 'External boundaries', kind: 'count', width: 11, value: (r) => countWhere(r.space, (b) => b.internalOrExternal?.startsWith('EXTERNAL') ?? false) },
  ...surfaceColumns(),
  { header: 'Boundaries without area', kind: 'count', width: 11, value: (r) => countWhere(r.space, (b) => b.area === null) },
  text(40, 'Annotation', (r) => r.note),
];

export const BOUNDARY_COLUMNS: readonly TableColumn<BoundaryRow>[] = [
  ...spaceColumns(),
  text(24, 'Boundary GlobalId', (r) => r.boundary.globalId),
  text(11, 'Level', (r) => r.boundary.level),
  text(8, 'Level detail', (r) => r.boundary.levelDetail),
  text(12, 'Physical/virtual', (r) => r.boundary.physicalOrVirtual),
  text(14, 'Internal/external', (r) => r.boundary.internalOrExternal),
  text(24, 'Element GlobalId', (r) => r.boundary.relatedElement?.globalId ?? null),
  text(22, 'Element type', (r) => r.boundary.relatedElement?.type ?? null),
  text(28, 'Element name', (r) => r.boundary.relatedElement?.name ?? null),
  text(10, 'Category', (r) => r.boundary.surfaceCategory),
  { header: 'Area (m²)', kind: 'area', width: 11, value: (r) => r.boundary.area },
  text(28, 'Area issue', (r) => r.boundary.areaIssue),
  text(11, 'Orientation', (r) => r.boundary.orientation),
  { header: 'Azimuth (°)', kind: 'angle', width: 11, value: (r) => r.boundary.azimuthDeg },
  text(40, 'Annotation', (r) => r.note),
];

export const RELATIONSHIP_COLUMNS: readonly TableColumn<RelationshipRow>[] = [
  ...spaceColumns(),
  text(20, 'Relationship', (r) => r.relationship.category),
  text(34, 'Via', (r) => r.relationship.via),
  text(24, 'Related GlobalId', (r) => r.relationship.related.globalId),
  text(24, 'Related type', (r) => r.relationship.related.type),
  text(30, 'Related name', (r) => r.relationship.related.name),
];

export function* roomRows(selection: ExportSelection): Iterable<RoomRow> {
  for (const space of selection.spaces) yield { space, note: selection.spaceNote(space) };
}

export function* boundaryRows(selection: ExportSelection): Iterable<BoundaryRow> {
  for (const space of selection.spaces) for (const boundary of space.boundaries) yield { space, boundary, note: selection.boundaryNote(boundary) };
}

export function* relationshipRows(selection: ExportSelection): Iterable<RelationshipRow> {
  for (const space of selection.spaces) for (const relationship of space.relationships) yield { space, relationship };
}
