// How each sheet prints: landscape A4, one page wide (fitToPage is what switches fitToWidth on;
// without it Excel and LibreOffice ignore the fit and print at 100 %, which gave 33 pages for 7
// rooms), as many pages tall as needed, the header row on every page, the model and the date in
// the page header, page numbers in the footer.
import ExcelJS from 'exceljs';
import { EXPORTER } from './exporter-info';

export interface PrintContext {
  modelName: string;
  exportedAt: Date;
}

// In header/footer codes "&" starts a code: a literal ampersand is "&&".
function headerText(s: string): string {
  return s.replace(/&/g, '&&');
}

/** "1 December 2026": the date as a person writes it on a printed schedule. */
export function printedDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Worksheet options for a printed table whose header is row 1; `printColumns` limits the print area (columns after it are for machines). */
export function printedSheetOptions(title: string, context: PrintContext, rowCount: number, printColumns?: number): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      // exceljs puts a "$" before each column only; LibreOffice reads "$A1:$L15" as no print area at all.
      ...(printColumns ? { printArea: `A$1:${columnLetter(printColumns)}$${rowCount + 1}` } : {}),
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L&"-,Bold"${headerText(context.modelName)}&C${headerText(title)}&R${headerText(printedDate(context.exportedAt))}`,
      oddFooter: `&L${headerText(`${EXPORTER.app} ${EXPORTER.version}`)}&RPage &P of &N`,
    },
  };
}
