// The PDF room schedule: a title block (project, model file, date, app version, what the numbers
// are), one table per group (storey by default) with its subtotal, the building total, and each
// storey's plan on a page of its own (the plan export's SVG, rendered to PNG). A4 landscape, DejaVu Sans (it has
// the accented letters and the ² ³ of room names and units that PDF's built-in Helvetica lacks
// outside Latin-1), page numbers "Page 2 of 5".
import * as fs from 'fs';
import PDFDocument from 'pdfkit';
import { storeyLabel } from '../core/schedule/model';
import { ScheduleColumn, ScheduleTable, totalLabel } from '../core/schedule/schedule-table';
import { findingCounts, validateSchedule } from '../core/schedule/validation';
import { ExportControl } from './export-options';
import { ExportSelection } from './export-selection';
import { EXPORTER } from './exporter-info';
import { pdfFonts } from './pdf-fonts';
import { pdfPlanPages, PlanPage } from './pdf-plan-pages';
import { formatCell } from './schedule-text';
import { printedDate } from './xlsx-print';

const PAGE = { size: 'A4', layout: 'landscape' as const, margin: 36 };
const FONT_SIZE = 8;
const ROW_HEIGHT = 14;
const HEADER_HEIGHT = 32;
const HEADER_FILL = '#DDE4EE';
const GROUP_FILL = '#F1F4F8';
const LINE = '#7F8FA6';

type Doc = PDFKit.PDFDocument;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Layout {
  left: number;
  width: number;
  widths: number[];
  bottom: number;
}

/** Text columns wrap past this width rather than crowd out the numbers. */
const TEXT_COLUMN_MAX = 190;
const PAD = 6;
/** A long note shows its first lines; the XLSX and the app have it whole. */
const MAX_LINES = 3;

/**
 * Column widths from what they hold: each at least its longest header word and, up to a cap, its
 * longest value; then the page width is shared out, the spare (or the shortfall) going to the text
 * columns, which wrap.
 */
function layoutOf(doc: Doc, table: ScheduleTable): Layout {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const rooms = table.groups.flatMap((g) => g.rooms);
  const natural = table.columns.map((c, i) => {
    doc.font('bold').fontSize(FONT_SIZE);
    const header = Math.max(...c.header.split(/\s+/).map((w) => doc.widthOfString(w)));
    const totals = [table.totals[i], ...table.groups.map((g) => g.totals[i])].map((t) => (t && t.value !== null ? doc.widthOfString(formatCell(c, t.value)) : 0));
    doc.font('regular').fontSize(FONT_SIZE);
    let widest = Math.max(0, ...totals);
    for (const r of rooms) widest = Math.max(widest, doc.widthOfString(formatCell(c, r.cells[i] ?? null)));
    // +1: pdfkit wraps a word whose width equals the box's to the point.
    return Math.max(header, Math.min(c.kind === 'text' ? TEXT_COLUMN_MAX : Infinity, widest)) + PAD + 1;
  });
  // Numbers keep their width; the text columns share what is left (wider, or wrapping).
  const text = table.columns.map((c) => c.kind === 'text');
  const fixed = natural.reduce((a, w, i) => a + (text[i] ? 0 : w), 0);
  const textNatural = natural.reduce((a, w, i) => a + (text[i] ? w : 0), 0);
  const textShare = textNatural > 0 ? Math.max(0, width - fixed) / textNatural : 0;
  const widths = natural.map((w, i) => (text[i] ? w * textShare : w));
  const scale = width / widths.reduce((a, b) => a + b, 0);
  return { left, width, widths: widths.map((w) => w * scale), bottom: doc.page.height - doc.page.margins.bottom - 18 };
}

function rowHeight(doc: Doc, table: ScheduleTable, l: Layout, cells: readonly (string | number | null)[]): number {
  doc.font('regular').fontSize(FONT_SIZE);
  const line = doc.currentLineHeight(true);
  let lines = 1;
  table.columns.forEach((c, i) => {
    const v = cells[i];
    if (c.kind !== 'text' || typeof v !== 'string' || !v) return;
    lines = Math.max(lines, Math.min(MAX_LINES, Math.round(doc.heightOfString(v, { width: l.widths[i] - PAD }) / line)));
  });
  return Math.max(ROW_HEIGHT, lines * line + 5);
}

function cellText(doc: Doc, text: string, x: number, y: number, w: number, align: 'left' | 'right', bold = false, height = ROW_HEIGHT): void {
  doc.font(bold ? 'bold' : 'regular').fontSize(FONT_SIZE).text(text, x + PAD / 2, y + 3.5, { width: w - PAD, align, ellipsis: true, height: height - 4, lineBreak: height > ROW_HEIGHT });
}

function drawHeader(doc: Doc, table: ScheduleTable, l: Layout, y: number): number {
  doc.rect(l.left, y, l.width, HEADER_HEIGHT).fill(HEADER_FILL).fillColor('black');
  let x = l.left;
  table.columns.forEach((c, i) => {
    doc.font('bold').fontSize(FONT_SIZE).text(c.header, x + 3, y + 3, { width: l.widths[i] - 6, height: HEADER_HEIGHT - 4, align: c.kind === 'text' ? 'left' : 'right' });
    x += l.widths[i];
  });
  return y + HEADER_HEIGHT;
}

function drawTitleBlock(doc: Doc, selection: ExportSelection, table: ScheduleTable, exportedAt: Date): number {
  const m = selection.schedule.metadata;
  const counts = findingCounts(validateSchedule(selection.schedule));
  const x = doc.page.margins.left;
  doc.font('bold').fontSize(18).text(table.template.name, x, doc.page.margins.top);
  doc.moveDown(0.3);
  const rows: [string, string][] = [
    ['Project', m.projectName?.trim() || '—'],
    ['Model file', `${m.source.name} (${m.schema})`],
    ['Authoring tool', m.authoringTool?.trim() || '—'],
    ['Date', printedDate(exportedAt)],
    ['Rooms', `${table.roomCount} of ${m.counts.spaces} in the model, on ${plural(new Set(selection.spaces.map((s) => storeyLabel(s.storey))).size, 'storey')}`],
    ['Findings', `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.notes, 'note')} (the XLSX export's Findings sheet lists them)`],
    ['Written by', `${EXPORTER.app} ${EXPORTER.version}, SHA-256 of the model ${m.source.sha256.slice(0, 16)}…`],
  ];
  let y = doc.y;
  for (const [k, v] of rows) {
    doc.font('bold').fontSize(9).text(k, x, y, { width: 80, lineBreak: false });
    // One line each: a long authoring-tool string is cut with an ellipsis, not wrapped over the next row.
    doc.font('regular').fontSize(9).text(v, x + 84, y, { width: 640, height: 11, ellipsis: true });
    y += 13;
  }
  doc.font('regular').fontSize(7.5).fillColor('#44546A').text('Areas and volumes are the file\'s quantities where it has them, otherwise computed from the room\'s geometry; a total adds only known values and says for how many rooms one is unknown.', x, y + 4, { width: 700 });
  doc.fillColor('black');
  return doc.y + 10;
}

function drawRow(doc: Doc, table: ScheduleTable, l: Layout, y: number, cells: readonly (string | number | null)[], height: number): void {
  let x = l.left;
  table.columns.forEach((c, i) => {
    const text = formatCell(c, cells[i] ?? null);
    if (text) cellText(doc, text, x, y, l.widths[i], c.kind === 'text' ? 'left' : 'right', false, c.kind === 'text' ? height : ROW_HEIGHT);
    x += l.widths[i];
  });
}

function drawTotal(doc: Doc, table: ScheduleTable, l: Layout, y: number, label: string, totals: ScheduleTable['totals'], heavy: boolean): number {
  doc.moveTo(l.left, y).lineTo(l.left + l.width, y).lineWidth(heavy ? 1.2 : 0.6).strokeColor(LINE).stroke();
  // The label runs over the text columns, up to the first totalled one.
  const firstTotal = table.columns.findIndex((c) => c.totalled);
  const labelWidth = l.widths.slice(0, firstTotal < 0 ? l.widths.length : firstTotal).reduce((a, b) => a + b, 0);
  cellText(doc, label, l.left, y, labelWidth, 'left', true);
  let x = l.left;
  table.columns.forEach((c, i) => {
    const t = totals[i];
    if (t && t.value !== null) cellText(doc, formatCell(c, t.value), x, y, l.widths[i], 'right', true);
    x += l.widths[i];
  });
  return y + ROW_HEIGHT + (heavy ? 0 : 6);
}

async function drawSchedule(doc: Doc, selection: ExportSelection, table: ScheduleTable, exportedAt: Date, control: ExportControl): Promise<void> {
  const l = layoutOf(doc, table);
  let y = drawTitleBlock(doc, selection, table, exportedAt);
  const newPage = () => {
    doc.addPage(PAGE);
    return doc.page.margins.top;
  };
  // A group that runs on to the next page says so above the repeated header.
  const continued = (title: string) => {
    const top = newPage();
    cellText(doc, `${title} (continued)`, l.left, top, l.width, 'left', true);
    return drawHeader(doc, table, l, top + ROW_HEIGHT + 2);
  };
  for (const group of table.groups) {
    // A group heading never ends a page alone: it needs its header and at least two rooms below it.
    if (y + ROW_HEIGHT * 4 + HEADER_HEIGHT > l.bottom) y = newPage();
    doc.rect(l.left, y, l.width, ROW_HEIGHT + 2).fill(GROUP_FILL).fillColor('black');
    cellText(doc, group.title, l.left, y + 1, l.width, 'left', true);
    y = drawHeader(doc, table, l, y + ROW_HEIGHT + 2);
    let shade = false;
    for (const room of group.rooms) {
      const height = rowHeight(doc, table, l, room.cells);
      if (y + height > l.bottom) y = continued(group.title);
      if (shade) doc.rect(l.left, y, l.width, height).fill('#F6F8FA').fillColor('black');
      shade = !shade;
      drawRow(doc, table, l, y, room.cells, height);
      y += height;
    }
    control.throwIfCancelled();
    await control.yieldToMessages();
    if (y + ROW_HEIGHT > l.bottom) y = newPage();
    y = drawTotal(doc, table, l, y, totalLabel(`Subtotal ${group.title}`, group.rooms.length, table, group.totals), group.totals, false);
  }
  if (table.groups.length > 1) {
    if (y + ROW_HEIGHT > l.bottom) y = newPage();
    drawTotal(doc, table, l, y, totalLabel('Building total', table.roomCount, table, table.totals), table.totals, true);
  }
}

function drawPlan(doc: Doc, page: PlanPage): void {
  doc.addPage(PAGE);
  const x = doc.page.margins.left;
  doc.font('bold').fontSize(14).fillColor('black').text(`Plan: ${page.title}`, x, doc.page.margins.top, { lineBreak: false });
  const top = doc.page.margins.top + 24;
  const width = doc.page.width - x - doc.page.margins.right;
  const height = doc.page.height - top - doc.page.margins.bottom - 18;
  doc.image(page.png, x, top, { fit: [width, height], align: 'center', valign: 'center' });
}

function drawPageNumbers(doc: Doc, modelName: string): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const y = doc.page.height - doc.page.margins.bottom - 8;
    const x = doc.page.margins.left;
    const w = doc.page.width - x - doc.page.margins.right;
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7).fillColor('#44546A');
    doc.text(modelName, x, y, { width: w / 2, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i + 1} of ${range.count}`, x + w / 2, y, { width: w / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black');
  }
}

/** Writes the PDF to `filePath` (a fresh temp path: the caller renames it into place). */
export async function writePdf(selection: ExportSelection, table: ScheduleTable, filePath: string, control: ExportControl, exportedAt: Date = new Date()): Promise<void> {
  const m = selection.schedule.metadata;
  const doc = new PDFDocument({ ...PAGE, bufferPages: true, autoFirstPage: true, info: { Title: `${table.template.name}: ${m.source.name}`, Creator: `${EXPORTER.app} ${EXPORTER.version}`, Subject: m.projectName ?? m.source.name } });
  const fonts = pdfFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const out = fs.createWriteStream(filePath, { flags: 'wx' });
  const written = new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
  // A full or read-only disk fails the stream while the pages are still being drawn: the failure is
  // thrown at `await written` below, and must not be an unhandled rejection before that.
  written.catch(() => undefined);
  doc.pipe(out);
  try {
    await drawSchedule(doc, selection, table, exportedAt, control);
    for (const page of await pdfPlanPages(selection, control)) drawPlan(doc, page);
    drawPageNumbers(doc, `${table.template.name} · ${m.projectName?.trim() ? `${m.projectName.trim()} · ` : ''}${m.source.name} · ${printedDate(exportedAt)}`);
    doc.end();
    await written;
  } catch (e) {
    out.destroy();
    await new Promise<void>((resolve) => (out.closed ? resolve() : out.once('close', () => resolve())));
    throw e;
  }
}
