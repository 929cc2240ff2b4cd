// Which files an export writes, known from the request alone: the CLI checks and creates them
// before any model is read, and whoever started an export removes its staged copies if it dies.
// Apart from the writers, so that check does not load them (and csv-stringify, and the collator).
import { CsvTable, CSV_TABLES, ExportRequest } from './export-options';

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

/** The files an export of `request` creates or replaces. */
export function exportTargets(request: ExportRequest): string[] {
  return request.format === 'csv' ? csvTableFiles(request.outPath, request.tables ?? CSV_TABLES).map((f) => f.path) : [request.outPath];
}
