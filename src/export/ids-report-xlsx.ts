// An IDS check report as a workbook: "Specifications" has one row per specification (status, counts,
// why it failed), "Failures" one row per failed requirement of an entity (filterable by
// specification, class and GlobalId), "Summary" which model and IDS were checked.
import ExcelJS from 'exceljs';
import { IdsReport, reportCounts } from '../core/ids/ids-report';
import { EXPORTER } from './exporter-info';
import { HEADER_FILL } from './xlsx-export';

export const IDS_XLSX_SHEETS = ['Specifications', 'Failures', 'Summary'] as const;

type Cell = string | number | null;

function table(sheet: ExcelJS.Worksheet, columns: { header: string; width: number }[], rows: Cell[][]): void {
  sheet.columns = columns;
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  sheet.getRow(1).eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
  });
}

/** Writes the workbook to `filePath` (a fresh temp path: the caller renames it into place). */
export async function writeIdsReportXlsx(report: IdsReport, filePath: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `IFC Room Schedule ${EXPORTER.version}`;
  const frozen = { views: [{ state: 'frozen' as const, xSplit: 0, ySplit: 1 }] };
  table(
    workbook.addWorksheet('Specifications', frozen),
    [
      { header: 'Specification', width: 40 },
      { header: 'Status', width: 8 },
      { header: 'Usage', width: 11 },
      { header: 'Applicable', width: 11 },
      { header: 'Passed', width: 9 },
      { header: 'Failed', width: 9 },
      { header: 'Why', width: 50 },
      { header: 'Note', width: 40 },
      { header: 'Description', width: 50 },
    ],
    report.specifications.map((s) => [s.name, s.status, s.usage, s.applicableCount, s.passedCount, s.failedCount, s.reason ?? null, s.note ?? null, s.description ?? null]),
  );
  const failures: Cell[][] = [];
  for (const s of report.specifications) {
    for (const r of s.results) for (const reason of r.reasons) failures.push([s.name, r.entity.ifcClass, r.entity.name, r.entity.longName, r.entity.globalId, r.entity.expressId, reason]);
  }
  table(
    workbook.addWorksheet('Failures', frozen),
    [
      { header: 'Specification', width: 40 },
      { header: 'Class', width: 18 },
      { header: 'Name', width: 16 },
      { header: 'Long name', width: 24 },
      { header: 'GlobalId', width: 24 },
      { header: 'Express id', width: 11 },
      { header: 'Reason', width: 70 },
    ],
    failures,
  );
  const counts = reportCounts(report);
  const summary = workbook.addWorksheet('Summary');
  summary.columns = [{ width: 18 }, { width: 80 }];
  const rows: Cell[][] = [
    ['Requirements check', null],
    ['Result', report.status === 'pass' ? 'every applicable requirement passes' : 'some requirements fail'],
    ['Model', `${report.model.fileName} (${report.model.schema})`],
    ['IDS', `${report.ids.title} (${report.ids.fileName})`],
    ['Specifications', `${counts.specifications}: ${counts.passed} pass, ${counts.failed} fail`],
    ['Failing entities', counts.failedEntities],
    ['Checked at', report.checkedAt],
    ...report.warnings.map((w): Cell[] => ['Warning', w]),
    ['Written by', `${EXPORTER.app} ${EXPORTER.version}`],
  ];
  for (const row of rows) summary.addRow(row);
  summary.getRow(1).font = { bold: true, size: 12 };
  await workbook.xlsx.writeFile(filePath);
}
