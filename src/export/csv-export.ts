// The CSV export: two RFC 4180 tables, rooms (one row per space) and boundaries (one row per space
// boundary), with the columns of table-columns.ts. csv-stringify does the quoting (commas, quotes,
// newlines); numbers are written with a dot and rounded to 3 decimals (1 mm, 0.001 m²), since the
// engine's float noise (12.340000000000002) helps nobody in a spreadsheet. UTF-8; with the `excel`
// option a BOM and formula escaping are added (see CsvOptions).
import { stringify } from 'csv-stringify/sync';
import { CsvOptions, CsvTable, CSV_TABLES, ExportControl } from './export-options';
import { ExportSelection } from './export-selection';
import { RowProgress } from './row-progress';
import { BOUNDARY_COLUMNS, boundaryRows, CellValue, ROOM_COLUMNS, roomRows, TableColumn } from './table-columns';
import { TextSink } from './text-sink';

// csv-stringify is called per chunk of rows: one call per row costs 3x more, one call for all holds the table in memory.
const ROWS_PER_CHUNK = 200;

export interface CsvTableFile {
  table: CsvTable;
  path: string;
}

/**
 * Where each table goes. One table: `outPath` itself. Both: `outPath` is a base name, its ".csv"
 * dropped: "out/schedule.csv" (or "out/schedule") gives "out/schedule.rooms.csv" and
 * "out/schedule.boundaries.csv".
 */
export function csvTableFiles(outPath: string, tables: readonly CsvTable[] = CSV_TABLES): CsvTableFile[] {
  const unique = CSV_TABLES.filter((t) => tables.includes(t));
  if (unique.length === 1) return [{ table: unique[0], path: outPath }];
  const base = outPath.replace(/\.csv$/i, '');
  return unique.map((table) => ({ table, path: `${base}.${table}.csv` }));
}

export function csvTableRowCount(selection: ExportSelection, table: CsvTable): number {
  return table === 'rooms' ? selection.spaces.length : selection.boundaryCount;
}

function round3(n: number): string {
  // toFixed then Number drops trailing zeros: 12 → "12", 12.3456 → "12.346".
  return String(Number(n.toFixed(3)));
}

function csvChunk(rows: CellValue[][], options: CsvOptions, first: boolean): string {
  return stringify(rows, {
    bom: first && options.excel === true,
    escape_formulas: options.excel === true,
    cast: { number: (n) => (Number.isFinite(n) ? round3(n) : '') },
  });
}

async function writeTable<Row>(columns: readonly TableColumn<Row>[], rows: Iterable<Row>, sink: TextSink, options: CsvOptions, progress: RowProgress): Promise<void> {
  let batch: CellValue[][] = [columns.map((c) => c.header)];
  let first = true;
  for (const row of rows) {
    batch.push(columns.map((c) => c.value(row)));
    if (batch.length >= ROWS_PER_CHUNK) {
      await sink.write(csvChunk(batch, options, first));
      first = false;
      batch = [];
    }
    await progress.step();
  }
  if (batch.length > 0) await sink.write(csvChunk(batch, options, first));
}

/** Writes one table to `sink`; `progress` counts its rows. */
export async function writeCsvTable(selection: ExportSelection, table: CsvTable, sink: TextSink, options: CsvOptions, progress: RowProgress): Promise<void> {
  if (table === 'rooms') await writeTable(ROOM_COLUMNS, roomRows(selection), sink, options, progress);
  else await writeTable(BOUNDARY_COLUMNS, boundaryRows(selection), sink, options, progress);
}

/** The whole table as one string (for small exports and the clipboard). */
export async function csvTableText(selection: ExportSelection, table: CsvTable, options: CsvOptions, control: ExportControl): Promise<string> {
  const parts: string[] = [];
  const sink: TextSink = { write: (t) => Promise.resolve(void parts.push(t)) };
  await writeCsvTable(selection, table, sink, options, new RowProgress(control, csvTableRowCount(selection, table), `${table} CSV`));
  return parts.join('');
}
