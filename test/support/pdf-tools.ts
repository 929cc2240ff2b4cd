// Reading printed output back as a person would see it: pdftotext for the text of each page,
// pdfinfo for the page size and count (poppler-utils), LibreOffice for printing a workbook.
import { execFileSync } from 'child_process';
import * as path from 'path';

export function hasTool(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The text of each page of a PDF, by pdftotext (its form feeds end pages). */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\f').slice(0, -1);
}

export function pdfInfo(pdf: string): string {
  return execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
}

/** Prints a workbook to PDF with LibreOffice headless; returns the PDF's path. */
export function printWithLibreOffice(xlsx: string, outDir: string): string {
  // Its own profile folder: a user's running LibreOffice (or another test) would otherwise take the job.
  const profile = path.join(outDir, 'lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx], { stdio: 'ignore', timeout: 120_000 });
  return path.join(outDir, `${path.basename(xlsx, '.xlsx')}.pdf`);
}
