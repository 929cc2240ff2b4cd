// What every sheet of the workbooks shares: cell values Excel accepts, the header style, number formats.
import ExcelJS from 'exceljs';
import { CellValue, ColumnKind } from './table-columns';

export type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

export const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  area: '#,##0.00',
  length: '#,##0.00',
  volume: '#,##0.00',
  angle: '0.0',
  count: '0',
};

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
/** Excel's default font, named: a font without a name prints in LibreOffice's default serif. */
export const BODY_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11 };
export const BOLD_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true };
export const HEADER_FONT = BOLD_FONT;
export const HEADING_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true, size: 12 };

// Excel refuses a cell longer than 32 767 characters and XML 1.0 has no place for most control
// characters (a stray \u0001 in an IFC name would make Excel "repair" the whole file).
const EXCEL_CELL_MAX = 32767;
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function cellValue(v: CellValue): ExcelJS.CellValue {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const clean = v.replace(XML_INVALID, '');
  return clean.length > EXCEL_CELL_MAX ? `${clean.slice(0, EXCEL_CELL_MAX - 1)}…` : clean;
}

export function styleHeader(sheet: SheetWriter, columnCount: number): void {
  const header = sheet.getRow(1);
  for (let c = 1; c <= columnCount; c++) {
    const cell = header.getCell(c);
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  }
  header.commit();
}
