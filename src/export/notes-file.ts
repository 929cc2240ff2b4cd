// Reads the notes out of a CSV or XLSX file the app exported (and someone edited): the rooms table
// or schedule sheet (GlobalId + Notes) and the boundaries table or sheet (Boundary GlobalId +
// Annotation). Columns are found by their headers, so a user may reorder or delete other columns;
// a file without them is refused with what it lacks.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { OperationError } from '../core/operations/operation-error';
import { ImportedNotes } from '../core/schedule/notes-import';
import { NOTES_FIELD } from '../core/schedule/schedule-fields';

const TABLES = [
  { target: 'spaces' as const, key: 'GlobalId', note: [NOTES_FIELD.header, 'Annotation'] },
  { target: 'boundaries' as const, key: 'Boundary GlobalId', note: ['Annotation', NOTES_FIELD.header] },
];

// The export prefixes text that spreadsheets would run as a formula with an apostrophe; the note the user wrote has none.
function unescapeFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function addTable(rows: string[][], out: ImportedNotes): boolean {
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  for (const t of TABLES) {
    const keyCol = header.indexOf(t.key);
    const noteCol = t.note.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
    if (keyCol < 0 || noteCol < 0) continue;
    for (const row of rows.slice(1)) {
      const key = row[keyCol]?.trim();
      if (key) out[t.target].set(key, unescapeFormula(row[noteCol] ?? '').trim());
    }
    return true;
  }
  return false;
}

function refused(file: string, why: string): OperationError {
  return new OperationError({
    category: 'file',
    code: 'notes-file-unusable',
    message: `No notes can be read from “${path.basename(file)}”: ${why}.`,
    suggestion: 'Use a CSV or XLSX file exported by this app, with its "GlobalId" and "Notes" columns (or "Boundary GlobalId" and "Annotation" for surfaces).',
  });
}

function csvRows(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
    if (v instanceof Date) return v.toISOString();
  }
  return String(v);
}

export async function readNotesFile(file: string): Promise<ImportedNotes> {
  const out: ImportedNotes = { spaces: new Map(), boundaries: new Map() };
  let found = 0;
  try {
    if (/\.xlsx$/i.test(file)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      for (const sheet of wb.worksheets) {
        const rows: string[][] = [];
        sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText)));
        if (addTable(rows, out)) found++;
      }
    } else {
      if (addTable(csvRows(fs.readFileSync(file, 'utf8')), out)) found++;
    }
  } catch (e) {
    if (e instanceof OperationError) throw e;
    throw refused(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : `it could not be read (${(e as Error).message})`);
  }
  if (found === 0) throw refused(file, 'it has no table with a "GlobalId" and a "Notes" column');
  return out;
}
