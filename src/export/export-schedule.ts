// One entry point for every format: chooses the files an export writes and writes them atomically.
// The export worker calls it; so can anything that already runs off the UI thread.
import { Annotations, RoomSchedule } from '../core/schedule/model';
import { newStagingToken, ProtectedFile, writeAtomically } from '../platform/atomic-file';
import { csvTableFiles, exportTargets } from './export-targets';
import { CSV_TABLES, ExportControl, ExportRequest } from './export-options';
import { ExportSelection } from './export-selection';
import { writeJsonDocument } from './json-export';
import { RowProgress } from './row-progress';
import { FileSink, TextSink } from './text-sink';

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
  // Whatever the dialog or -o said, the export never replaces the model it was read from.
  const source = schedule.metadata.source.path;
  const protect: ProtectedFile[] = [...(request.protect ?? []), ...(source ? [{ path: source, role: 'the model being exported' }] : [])];
  const write = stagedWriter(selection, request, control, exportedAt);
  return writeAtomically(
    exportTargets(request),
    stagingToken,
    async (temps) => {
      await write(temps);
      // A cancel that came while the last bytes were flushed still wins: nothing is renamed into place.
      control.throwIfCancelled();
    },
    protect,
  );
}

/** What fills the staged copy of each of exportTargets(request), in that order. */
function stagedWriter(selection: ExportSelection, request: ExportRequest, control: ExportControl, exportedAt: Date): (temps: string[]) => Promise<void> {
  switch (request.format) {
    case 'json':
      return ([temp]) => writeTextFile(temp, (sink) => writeJsonDocument(selection, sink, control, exportedAt));
    case 'csv': {
      // Loaded on demand, like the other formats' writers: a JSON export need not load csv-stringify.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { csvTableRowCount, writeCsvTable } = require('./csv-export') as typeof import('./csv-export');
      const table = selection.scheduleTable(request.template);
      const files = csvTableFiles(request.outPath, request.tables ?? CSV_TABLES);
      const progress = new RowProgress(control, files.reduce((n, f) => n + csvTableRowCount(selection, f.table), 0), 'CSV');
      return async (temps) => {
        for (const [i, f] of files.entries()) await writeTextFile(temps[i], (sink) => writeCsvTable(selection, table, f.table, sink, request.csv ?? {}, progress));
        progress.finish();
      };
    }
    case 'xlsx': {
      // Loaded on demand: requiring exceljs costs ~0.3-0.7 s, which JSON and CSV exports need not pay.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { writeXlsx } = require('./xlsx-export') as typeof import('./xlsx-export');
      const table = selection.scheduleTable(request.template);
      return ([temp]) => writeXlsx(selection, table, temp, control, exportedAt);
    }
    case 'pdf': {
      // Loaded on demand, like exceljs: pdfkit and its font engine cost ~0.3 s to require.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { writePdf } = require('./pdf-export') as typeof import('./pdf-export');
      const table = selection.scheduleTable(request.template);
      return ([temp]) => writePdf(selection, table, temp, control, exportedAt);
    }
  }
}
