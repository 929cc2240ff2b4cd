// One entry point for every format: chooses the files an export writes and writes them atomically.
// The export worker calls it; so can anything that already runs off the UI thread.
import { Annotations, RoomSchedule } from '../core/schedule/model';
import { newStagingToken, ProtectedFile, writeAtomically } from '../platform/atomic-file';
import { csvTableFiles, csvTableRowCount, writeCsvTable } from './csv-export';
import { CSV_TABLES, ExportControl, ExportRequest } from './export-options';
import { ExportSelection } from './export-selection';
import { writeJsonDocument } from './json-export';
import { RowProgress } from './row-progress';
import { FileSink, TextSink } from './text-sink';

/** The files an export of `request` creates or replaces. */
export function exportTargets(request: ExportRequest): string[] {
  return request.format === 'csv' ? csvTableFiles(request.outPath, request.tables ?? CSV_TABLES).map((f) => f.path) : [request.outPath];
}

async function writeTextFile(filePath: string, write: (sink: TextSink) => Promise<void>): Promise<void> {
  const sink = new FileSink(filePath);
  try {
    await write(sink);
    await sink.close();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

/**
 * Exports `schedule` (with the user's `annotations`) as `request` says and returns the files
 * written. `stagingToken` names the temp files, so whoever started a worker that got killed can
 * remove them (see removeStagedFiles).
 */
export async function exportSchedule(schedule: RoomSchedule, annotations: Annotations | undefined, request: ExportRequest, control: ExportControl, stagingToken = newStagingToken()): Promise<string[]> {
  const selection = new ExportSelection(schedule, annotations, request.spaceFilter);
  const exportedAt = new Date();
  const table = selection.scheduleTable(request.template);
  // Whatever the dialog or -o said, the export never replaces the model it was read from.
  const source = schedule.metadata.source.path;
  const protect: ProtectedFile[] = [...(request.protect ?? []), ...(source ? [{ path: source, role: 'the model being exported' }] : [])];
  switch (request.format) {
    case 'json': {
      return writeAtomically([request.outPath], stagingToken, ([temp]) => writeTextFile(temp, (sink) => writeJsonDocument(selection, sink, control, exportedAt)), protect);
    }
    case 'csv': {
      const files = csvTableFiles(request.outPath, request.tables ?? CSV_TABLES);
      const total = files.reduce((n, f) => n + csvTableRowCount(selection, f.table), 0);
      const progress = new RowProgress(control, total, 'CSV');
      return writeAtomically(
        files.map((f) => f.path),
        stagingToken,
        async (temps) => {
          for (const [i, f] of files.entries()) await writeTextFile(temps[i], (sink) => writeCsvTable(selection, table, f.table, sink, request.csv ?? {}, progress));
          progress.finish();
        },
        protect,
      );
    }
    case 'xlsx': {
      // Loaded on demand: requiring exceljs costs ~0.3-0.7 s, which JSON and CSV exports need not pay.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { writeXlsx } = require('./xlsx-export') as typeof import('./xlsx-export');
      return writeAtomically([request.outPath], stagingToken, ([temp]) => writeXlsx(selection, table, temp, control, exportedAt), protect);
    }
    case 'pdf': {
      // Loaded on demand, like exceljs: pdfkit and its font engine cost ~0.3 s to require.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { writePdf } = require('./pdf-export') as typeof import('./pdf-export');
      return writeAtomically([request.outPath], stagingToken, ([temp]) => writePdf(selection, table, temp, control, exportedAt), protect);
    }
  }
}
