// The schedule sheet: the template's columns, one heading row per group, the rooms, a subtotal row
// per group and a building total. Totals are Excel SUBTOTAL(109, …) formulas, so a filter keeps them
// right and the building total skips the subtotals; their cached results are written too, for
// viewers that do not recalculate. A group with no known value gets no number, and its label says
// which values are unknown for how many rooms: a 0.00 m² there would be a lie.
import ExcelJS from 'exceljs';
import { ColumnTotal, ScheduleTable, totalLabel, withGlobalId } from '../core/schedule/schedule-table';
import { BOLD_FONT, cellValue, HEADER_FILL, HEADER_FONT, HEADING_FONT, SheetWriter } from './xlsx-cells';
import { columnLetter, PrintContext, printedSheetOptions } from './xlsx-print';

const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F4F8' } };
const TOTAL_BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin', color: { argb: 'FF7F8FA6' } } };
const GRAND_BORDER: Partial<ExcelJS.Borders> = { top: { style: 'medium', color: { argb: 'FF44546A' } } };

const NO_WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: false };

/** Excel's SUBTOTAL function number for SUM that also skips rows hidden by hand. */
const SUBTOTAL_SUM = 109;

export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function scheduleSheetName(templateName: string): string {
  return templateName.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Schedule';
}

/** Rows the sheet will have (header, group headings, rooms, subtotals, building total): the print area needs it up front. */
export function scheduleSheetRowCount(table: ScheduleTable): number {
  return table.groups.length * 2 + table.roomCount + 1;
}

/** Text columns as wide as their longest value (up to 40 characters; longer text wraps), never narrower than the header needs. */
function fittedWidth(table: ScheduleTable, column: number): number {
  const c = table.columns[column];
  if (c.kind !== 'text') return c.width;
  let longest = 0;
  for (const g of table.groups) for (const r of g.rooms) longest = Math.max(longest, String(r.cells[column] ?? '').length);
  return Math.max(c.header.length + 2, Math.min(40, longest + 1));
}

export function writeScheduleSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: ScheduleTable, context: PrintContext): void {
  const { columns } = table;
  const { headers, globalIdAppended } = withGlobalId(table);
  const name = scheduleSheetName(table.template.name);
  // The GlobalId column stays outside the print area: it is for matching notes back, not for reading.
  const sheet = workbook.addWorksheet(name, printedSheetOptions(table.template.name, context, scheduleSheetRowCount(table), columns.length));
  const lastRow = scheduleSheetRowCount(table) + 1;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: headers.length } };
  sheet.columns = headers.map((h, i) => {
    const c = columns[i];
    const style: Partial<ExcelJS.Style> = c && c.kind !== 'text' ? { numFmt: numberFormat(c.decimals), alignment: { vertical: 'top' } } : { alignment: { vertical: 'top', wrapText: true } };
    return { width: c ? fittedWidth(table, i) : 24, style };
  });
  writeHeader(sheet, headers, table);

  let row = 2;
  for (const group of table.groups) {
    const heading = sheet.addRow([group.title]);
    heading.font = HEADING_FONT;
    // Titles and total labels run on over the empty cells beside them: no wrapping in the narrow first column.
    heading.getCell(1).alignment = NO_WRAP;
    for (let c = 1; c <= columns.length; c++) heading.getCell(c).fill = GROUP_FILL;
    heading.commit();
    row++;
    const first = row;
    for (const room of group.rooms) {
      const r = sheet.addRow([...room.cells.map(cellValue), ...(globalIdAppended ? [room.space.globalId] : [])]);
      room.quantities.forEach((q, i) => {
        // Disputed values carry their reason where the number is; every source is on the Sources sheet.
        if (q?.disputed) r.getCell(i + 1).note = `Check this value: ${q.note ?? 'its sources disagree'}. See the Sources sheet.`;
      });
      r.commit();
      row++;
    }
    writeTotalRow(sheet, table, totalLabel(`Subtotal ${group.title}`, group.rooms.length, table, group.totals), group.totals, first, row - 1, TOTAL_BORDER);
    row++;
  }
  writeTotalRow(sheet, table, totalLabel('Building total', table.roomCount, table, table.totals), table.totals, 2, row - 1, GRAND_BORDER);
  sheet.commit();
}

function writeHeader(sheet: SheetWriter, headers: string[], table: ScheduleTable): void {
  const header = sheet.addRow(headers);
  header.height = 30;
  headers.forEach((_, i) => {
    const cell = header.getCell(i + 1);
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: table.columns[i] && table.columns[i].kind !== 'text' ? 'right' : 'left' };
    // The header says it in the user's words; the note says where in the IFC the values come from.
    cell.note = table.columns[i]?.ifcName ?? 'IfcSpace.GlobalId: notes edited here are matched back to the room by it';
  });
  header.commit();
}

function writeTotalRow(sheet: SheetWriter, table: ScheduleTable, label: string, totals: readonly (ColumnTotal | null)[], from: number, to: number, border: Partial<ExcelJS.Borders>): void {
  const row = sheet.addRow([label]);
  row.font = BOLD_FONT;
  row.getCell(1).alignment = NO_WRAP;
  table.columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.border = border;
    const t = totals[i];
    if (!t || t.value === null) return;
    const letter = columnLetter(i + 1);
    cell.value = { formula: `SUBTOTAL(${SUBTOTAL_SUM},${letter}${from}:${letter}${to})`, result: t.value };
    cell.numFmt = numberFormat(c.decimals);
  });
  row.commit();
}
