// A revision compare as a workbook: "Changes" has one row per added or removed room and one per
// changed field (filterable by change, room and field), "Summary" says which files were compared,
// how rooms were matched and with which tolerance.
import ExcelJS from 'exceljs';
import { diffRows, DiffRow } from '../core/diff/diff-rows';
import { DiffValue, RevisionDiff } from '../core/diff/revision-diff-types';
import { EXPORTER } from './exporter-info';
import { cellValue, HEADER_FILL } from './xlsx-export';

export const DIFF_XLSX_SHEETS = ['Changes', 'Summary'] as const;

const CHANGE_COLUMNS = [
  { header: 'Change', width: 10 },
  { header: 'Number', width: 12 },
  { header: 'Name', width: 28 },
  { header: 'Storey', width: 18 },
  { header: 'GlobalId', width: 24 },
  { header: 'Field', width: 36 },
  { header: 'Old', width: 28 },
  { header: 'New', width: 28 },
];

/** Booleans read as the app shows them; numbers stay numbers, so Excel can sort and sum them. */
function cell(v: DiffValue): ExcelJS.CellValue {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return cellValue(v);
}

function changeRow(r: DiffRow): DiffValue[] {
  return [r.kind, r.number, r.name, r.storey, r.globalId, r.field, r.old, r.new];
}

function summaryRows(diff: RevisionDiff): DiffValue[][] {
  const { header: h } = diff;
  return [
    ['Revision compare', null],
    ['Old', h.old.file],
    ['Old SHA-256', h.old.sha256],
    ['Old rooms', h.old.rooms],
    ['New', h.new.file],
    ['New SHA-256', h.new.sha256],
    ['New rooms', h.new.rooms],
    ['Matched by', h.match.method === 'globalId' ? 'GlobalId' : 'number and storey'],
    ['How', h.match.explanation],
    ['Tolerance', `${h.tolerancePercent} % (quantities and measured property values)`],
    ['Added', diff.added.length],
    ['Removed', diff.removed.length],
    ['Changed', diff.changed.length],
    ['Written by', `${EXPORTER.app} ${EXPORTER.version}`],
  ];
}

/** Writes the workbook to `filePath` (a fresh temp path: the caller renames it into place). */
export async function writeDiffXlsx(diff: RevisionDiff, filePath: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `IFC Room Schedule ${EXPORTER.version}`;
  const changes = workbook.addWorksheet('Changes', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  changes.columns = CHANGE_COLUMNS;
  const rows = diffRows(diff);
  for (const row of rows) changes.addRow(changeRow(row).map(cell));
  changes.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: CHANGE_COLUMNS.length } };
  changes.getRow(1).eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
  });
  const summary = workbook.addWorksheet('Summary');
  summary.columns = [{ width: 16 }, { width: 90 }];
  for (const row of summaryRows(diff)) summary.addRow(row.map(cell));
  summary.getRow(1).font = { bold: true, size: 12 };
  await workbook.xlsx.writeFile(filePath);
}
