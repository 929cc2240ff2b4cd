// The columns of the boundary and relationship tables, defined once: the CSV files and the XLSX
// sheets show the same rows with the same headers, so a script written against one reads the other.
// (The rooms table is the schedule template's: core/schedule/schedule-table.ts.)
import { displayName, Relationship, Space, SpaceBoundary, SurfaceCategory } from '../core/schedule/model';
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

export interface BoundaryRow {
  space: Space;
  boundary: SpaceBoundary;
  note: string | null;
}

export interface RelationshipRow {
  space: Space;
  relationship: Relationship;
}

export const SURFACE_CATEGORIES: readonly SurfaceCategory[] = ['wall', 'floor', 'ceiling', 'window', 'door', 'virtual', 'other'];

function text<Row>(width: number, header: string, value: (row: Row) => CellValue): TableColumn<Row> {
  return { header, kind: 'text', width, value };
}

/** The first columns of the boundary and relationship tables: which room the row belongs to (its number is IfcSpace.Name, its name LongName). */
function spaceColumns<Row extends { space: Space }>(): TableColumn<Row>[] {
  return [
    text(24, 'Space GlobalId', (r) => r.space.globalId),
    text(10, 'Room number', (r) => r.space.name?.trim() || null),
    text(20, 'Room name', (r) => r.space.longName?.trim() || displayName(r.space)),
  ];
}

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

export function* boundaryRows(selection: ExportSelection): Iterable<BoundaryRow> {
  for (const space of selection.spaces) for (const boundary of space.boundaries) yield { space, boundary, note: selection.boundaryNote(boundary) };
}

export function* relationshipRows(selection: ExportSelection): Iterable<RelationshipRow> {
  for (const space of selection.spaces) for (const relationship of space.relationships) yield { space, relationship };
}
