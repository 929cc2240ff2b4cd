// The CSV export: two RFC 4180 tables, rooms (the template's columns, one row per room in the
// schedule's order, then the GlobalId notes are matched back by) and boundaries (one row per space
// boundary, the columns of table-columns.ts). csv-stringify does the quoting (separators, quotes,
// newlines); numbers are rounded to 3 decimals (1 mm, 0.001 m²), since the engine's float noise
// (12.340000000000002) helps nobody in a spreadsheet. UTF-8; a BOM and the separator are options
// (see CsvOptions); every field is quoted and formula-like text neutralised (csv-formula-guard.ts).
import { stringify } from 'csv-stringify/sync';
import { CsvOptions, CsvTable, ExportControl } from './export-options';
import { ExportSelection } from './export-selection';
import { RowProgress } from './row-progress';
import { ScheduleTable, withGlobalId } from '../core/schedule/schedule-table';
import { BOUNDARY_COLUMNS, boundaryRows, CellValue, TableColumn } from './table-columns';
import { FORMULA_SAFE_CSV } from './csv-formula-guard';
import { TextSink } from './text-sink';

// csv-stringify is called per chunk of rows: one call per row costs 3x more, one call for all holds the table in memory.
const ROWS_PER_CHUNK = 200;

export function csvTableRowCount(selection: ExportSelection, table: CsvTable): number {
  return table === 'rooms' ? selection.spaces.length : selection.boundaryCount;
}

function round3(n: number, decimalComma: boolean): string {
  // toFixed then Number drops trailing zeros: 12 → "12", 12.3456 → "12.346".
  const s = String(Number(n.toFixed(3)));
  return decimalComma ? s.replace('.', ',') : s;
}

function csvChunk(rows: CellValue[][], options: CsvOptions, first: boolean): string {
  const semicolon = options.separator === ';';
  return stringify(rows, {
    bom: first && (options.bom ?? options.excel) === true,
    delimiter: semicolon ? ';' : ',',
    quoted: FORMULA_SAFE_CSV.quoted,
    // Where Excel wants ";" the decimal mark is a comma: "12.5" would be read as text or a date there.
    cast: { string: FORMULA_SAFE_CSV.cast.string, number: (n) => (Number.isFinite(n) ? round3(n, semicolon) : '') },
  });
}

async function writeTable<Row>(headers: string[], cells: (row: Row) => CellValue[], rows: Iterable<Row>, sink: TextSink, options: CsvOptions, progress: RowProgress): Promise<void> {
  let batch: CellValue[][] = [headers];
  let first = true;
  for (const row of rows) {
    batch.push(cells(row));
    if (batch.length >= ROWS_PER_CHUNK) {
      await sink.write(csvChunk(batch, options, first));
      first = false;
      batch = [];
    }
    await progress.step();
  }
  if (batch.length > 0) await sink.write(csvChunk(batch, options, first));
}

function columnsOf<Row>(columns: readonly TableColumn<Row>[]): { headers: string[]; cells: (row: Row) => CellValue[] } {
  return { headers: columns.map((c) => c.header), cells: (row) => columns.map((c) => c.value(row)) };
}

/** Writes one table to `sink`; `progress` counts its rows. The rooms table is `schedule` as its template lays it out. */
export async function writeCsvTable(selection: ExportSelection, schedule: ScheduleTable, table: CsvTable, sink: TextSink, options: CsvOptions, progress: RowProgress): Promise<void> {
  if (table === 'rooms') {
    const { headers, globalIdAppended } = withGlobalId(schedule);
    const rooms = schedule.groups.flatMap((g) => g.rooms);
    await writeTable(headers, (r) => [...r.cells, ...(globalIdAppended ? [r.space.globalId] : [])], rooms, sink, options, progress);
  } else {
    const b = columnsOf(BOUNDARY_COLUMNS);
    await writeTable(b.headers, b.cells, boundaryRows(selection), sink, options, progress);
  }
}

/** The whole table as one string (for small exports and the clipboard). */
export async function csvTableText(selection: ExportSelection, schedule: ScheduleTable, table: CsvTable, options: CsvOptions, control: ExportControl): Promise<string> {
  const parts: string[] = [];
  const sink: TextSink = { write: (t) => Promise.resolve(void parts.push(t)) };
  await writeCsvTable(selection, schedule, table, sink, options, new RowProgress(control, csvTableRowCount(selection, table), `${table} CSV`));
  return parts.join('');
}
