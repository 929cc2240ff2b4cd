// What an export is asked to do, and how a long export reports progress and learns it must stop.
// Exporters take an ExportControl instead of a worker context so they run the same way inside the
// export worker, in the CLI and in tests.
import type { ProtectedFile } from '../platform/atomic-file';
import type { ScheduleTemplate } from '../core/schedule/schedule-template';

export type ExportFormat = 'json' | 'csv' | 'xlsx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'xlsx', 'pdf'];

/** The two CSV tables: one row per room, one row per space boundary. */
export type CsvTable = 'rooms' | 'boundaries';
export const CSV_TABLES: readonly CsvTable[] = ['rooms', 'boundaries'];

export interface CsvOptions {
  /** A UTF-8 byte-order mark: without it Excel reads the file in the local ANSI code page and shows "Küche" as "KÃ¼che". */
  bom?: boolean;
  /**
   * "," (the default, RFC 4180) or ";", which Excel expects where the decimal mark is a comma
   * (German, French, Dutch… settings); with ";" numbers are written with a decimal comma too.
   */
  separator?: ',' | ';';
  /**
   * Write for Excel: a UTF-8 byte-order mark (without it Excel reads the file as the local ANSI code
   * page and mangles "Büro" or "会议室"). Off by default: other tools read the plain RFC 4180 file as
   * is. Formula-like cells are neutralised in every CSV, with or without it (csv-formula-guard.ts).
   */
  excel?: boolean;
}

export interface ExportRequest {
  format: ExportFormat;
  /**
   * Target file. For CSV with both tables it is a base name: "out/schedule.csv" writes
   * "out/schedule.rooms.csv" and "out/schedule.boundaries.csv"; with one table it is the file itself.
   */
  outPath: string;
  /** CSV only: which tables to write (both by default). */
  tables?: CsvTable[];
  /** Export only these spaces, by annotation key (GlobalId, or "#expressId" without one). */
  spaceFilter?: string[];
  csv?: CsvOptions;
  /** The schedule's columns, grouping, order and units (XLSX, CSV rooms table, PDF); the default "Room schedule" otherwise. */
  template?: ScheduleTemplate;
  /** Files the export must never replace (the CLI's --annotations file); the source model always is. */
  protect?: ProtectedFile[];
}

export interface ExportControl {
  /** Throws a cancellation error when the export must stop; exporters call it between rows. */
  throwIfCancelled(): void;
  /** `done` of `total` rows written so far. */
  progress(done: number, total: number, message: string): void;
  /** Lets the event loop run (a worker sees its shutdown message only between turns). */
  yieldToMessages(): Promise<void>;
}

/** For exports nobody watches or cancels (tests, small in-process exports). */
export const UNATTENDED_EXPORT: ExportControl = {
  throwIfCancelled: () => undefined,
  progress: () => undefined,
  yieldToMessages: () => Promise.resolve(),
};
