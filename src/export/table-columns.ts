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

function text(width: number, header: string, value: (row: RoomRow) => CellValue): TableColumn<RoomRow> {
  return { header, kind: 'text', width, value };
}

function quantityColumns(): TableColumn<RoomRow>[] {
  return MAIN_QUANTITIES.flatMap((q) => [
    { header: `${q.label} (${UNIT_LABEL[q.kind]})`, kind: q.kind, width: 14, value: (r: RoomRow) => quantity(r.space, q.name)?.value ?? null },
    // Where the number comes from matters as much as the number: "qto:…" was in the file, "computed" is ours.
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
  { header: 'Space GlobalId', kind: 'text', width: 24, value: (r) => r.space.globalId },
  { header: 'Space name', kind: 'text', width: 20, value: (r) => displayName(r.space) },
  { header: 'Boundary GlobalId', kind: 'text', width: 24, value: (r) => r.boundary.globalId },
  { header: 'Level', kind: 'text', width: 11, value: (r) => r.boundary.level },
  { header: 'Level detail', kind: 'text', width: 8, value: (r) => r.boundary.levelDetail },
  { header: 'Physical/virtual', kind: 'text', width: 12, value: (r) => r.boundary.physicalOrVirtual },
  { header: 'Internal/external', kind: 'text', width: 14, value: (r) => r.boundary.internalOrExternal },
  { header: 'Element GlobalId', kind: 'text', width: 24, value: (r) => r.boundary.relatedElement?.globalId ?? null },
  { header: 'Element type', kind: 'text', width: 22, value: (r) => r.boundary.relatedElement?.type ?? null },
  { header: 'Element name', kind: 'text', width: 28, value: (r) => r.boundary.relatedElement?.name ?? null },
  { header: 'Category', kind: 'text', width: 10, value: (r) => r.boundary.surfaceCategory },
  { header: 'Area (m²)', kind: 'area', width: 11, value: (r) => r.boundary.area },
  { header: 'Area issue', kind: 'text', width: 28, value: (r) => r.boundary.areaIssue },
  { header: 'Orientation', kind: 'text', width: 11, value: (r) => r.boundary.orientation },
  { header: 'Azimuth (°)', kind: 'angle', width: 11, value: (r) => r.boundary.azimuthDeg },
  { header: 'Annotation', kind: 'text', width: 40, value: (r) => r.note },
];

export const RELATIONSHIP_COLUMNS: readonly TableColumn<RelationshipRow>[] = [
  { header: 'Space GlobalId', kind: 'text', width: 24, value: (r) => r.space.globalId },
  { header: 'Space name', kind: 'text', width: 20, value: (r) => displayName(r.space) },
  { header: 'Relationship', kind: 'text', width: 20, value: (r) => r.relationship.category },
  { header: 'Via', kind: 'text', width: 34, value: (r) => r.relationship.via },
  { header: 'Related GlobalId', kind: 'text', width: 24, value: (r) => r.relationship.related.globalId },
  { header: 'Related type', kind: 'text', width: 24, value: (r) => r.relationship.related.type },
  { header: 'Related name', kind: 'text', width: 30, value: (r) => r.relationship.related.name },
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
