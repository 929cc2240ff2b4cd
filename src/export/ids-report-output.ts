// Writes an IDS check report, JSON or XLSX, whole or not at all (temp file, then rename).
// JSON is the IdsReport as checked plus the per-entity view, so a script can read either.
import * as fs from 'fs';
import { failuresByEntity, IdsReport, reportCounts } from '../core/ids/ids-report';
import { newStagingToken, writeAtomically } from '../platform/atomic-file';

export const IDS_REPORT_FORMATS = ['json', 'xlsx'] as const;
export type IdsReportFormat = (typeof IDS_REPORT_FORMATS)[number];

export function idsReportJson(report: IdsReport): string {
  return `${JSON.stringify({ ...report, summary: reportCounts(report), failingEntities: failuresByEntity(report) }, null, 2)}\n`;
}

export async function writeIdsReport(report: IdsReport, format: IdsReportFormat, target: string): Promise<string> {
  const [written] = await writeAtomically([target], newStagingToken(), async ([temp]) => {
    if (format === 'xlsx') {
      // Loaded on demand: requiring exceljs costs ~0.2-0.7 s, which a JSON report need not pay.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { writeIdsReportXlsx } = require('./ids-report-xlsx') as typeof import('./ids-report-xlsx');
      await writeIdsReportXlsx(report, temp);
    } else {
      await fs.promises.writeFile(temp, idsReportJson(report), { encoding: 'utf8', flag: 'wx' });
    }
  });
  return written;
}
