// The Summary sheet's content: the source file, what was exported, surface totals per category over
// the exported rooms, and the extraction's warnings. Plain rows, so it is testable without a workbook.
import { SurfaceCategory, SurfaceTotals } from '../core/schedule/model';
import { findingCounts, validateSchedule } from '../core/schedule/validation';
import { ExportSelection } from './export-selection';
import { EXPORTER } from './exporter-info';
import { CellValue, SURFACE_CATEGORIES } from './table-columns';

export type SummaryLine =
  | { kind: 'heading'; cells: CellValue[] }
  | { kind: 'columns'; cells: CellValue[] }
  | { kind: 'row'; cells: CellValue[]; areaColumns?: number[] }
  | { kind: 'blank'; cells: [] };

/** The rooms' surface totals summed per category, every category listed (zero where none). */
export function categoryTotals(selection: ExportSelection): SurfaceTotals[] {
  const totals = new Map<SurfaceCategory, SurfaceTotals>(SURFACE_CATEGORIES.map((c) => [c, { category: c, count: 0, area: 0, missingArea: 0 }]));
  for (const space of selection.spaces) {
    for (const t of space.surfaceTotals) {
      const sum = totals.get(t.category);
      if (!sum) continue;
      sum.count += t.count;
      sum.area += t.area;
      sum.missingArea += t.missingArea;
    }
  }
  return [...totals.values()];
}

export function summaryLines(selection: ExportSelection, exportedAt: Date): SummaryLine[] {
  const m = selection.schedule.metadata;
  const findings = validateSchedule(selection.schedule);
  const counts = findingCounts(findings);
  const row = (label: string, value: CellValue): SummaryLine => ({ kind: 'row', cells: [label, value] });
  const blank: SummaryLine = { kind: 'blank', cells: [] };
  const lines: SummaryLine[] = [
    { kind: 'heading', cells: ['Source file'] },
    row('File name', m.source.name),
    row('Size (bytes)', m.source.sizeBytes),
    row('SHA-256', m.source.sha256),
    row('IFC schema', m.schema),
    row('Authoring tool', m.authoringTool),
    row('Author', m.author),
    row('Organization', m.organization),
    row('File time stamp', m.fileTimestamp),
    row('Project', m.projectName),
    blank,
    { kind: 'heading', cells: ['Export'] },
    row('Extracted at', m.extractedAt),
    row('Exported at', exportedAt.toISOString()),
    row('App version', `${EXPORTER.app} ${EXPORTER.version}`),
    row('IFC engine', `${m.engine.name} ${m.engine.version}`),
    row('Rooms exported', selection.spaces.length),
    row('Rooms in model', m.counts.spaces),
    row('Boundaries exported', selection.boundaryCount),
    row('Boundaries in model', m.counts.boundaries),
    row('Relationships exported', selection.relationshipCount),
    row('Storeys', m.counts.storeys),
    row('Zones', m.counts.zones),
    row('Entities skipped', m.counts.skippedEntities),
    row('Errors', counts.errors),
    row('Warnings', counts.warnings),
    row('Notes', counts.notes),
    blank,
    { kind: 'heading', cells: ['Findings (as Validate data shows them)'] },
    ...(findings.length ? [{ kind: 'columns', cells: ['Severity', 'Rooms or items', 'Finding'] } as SummaryLine, ...findings.map((f): SummaryLine => ({ kind: 'row', cells: [f.severity, f.count, f.message] }))] : [row('None', null)]),
    blank,
    { kind: 'heading', cells: ['Surfaces by category'] },
    { kind: 'columns', cells: ['Category', 'Boundaries', 'Area (m²)', 'Without area'] },
    ...categoryTotals(selection).map((t): SummaryLine => ({ kind: 'row', cells: [t.category, t.count, t.area, t.missingArea], areaColumns: [3] })),
    blank,
    { kind: 'heading', cells: ['Extraction warnings'] },
  ];
  if (selection.schedule.warnings.length === 0) lines.push(row('None', null));
  else {
    lines.push({ kind: 'columns', cells: ['Code', 'Message', 'Count', 'Entity'] });
    for (const w of selection.schedule.warnings) lines.push({ kind: 'row', cells: [w.code, w.message, w.count, w.expressId !== undefined ? `#${w.expressId}` : null] });
  }
  return lines;
}
