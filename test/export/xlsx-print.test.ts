// The printed workbook, as LibreOffice prints it (headless, to PDF): the 7-room model printed
// to 33 portrait pages and a 99-room one to 278. Needs soffice and pdftotext (scripts/setup-system.sh
// installs libreoffice-calc-nogui and poppler-utils); where they are missing the test says so and skips.
import * as fs from 'fs';
import * as path from 'path';
import { generateLargeModel } from '../../bench/model-generator';
import { storeyLabel } from '../../src/core/schedule/model';
import { UNATTENDED_EXPORT } from '../../src/export/export-options';
import { exportSchedule } from '../../src/export/export-schedule';
import { extractScheduleFromFile } from '../../src/ifc/extract';
import { realModel } from '../support/fixtures';
import { hasTool, pdfInfo, pdfPages, printWithLibreOffice } from '../support/pdf-tools';
import { tempFolder } from './schedules';

const tools = hasTool('soffice') && hasTool('pdftotext') && hasTool('pdfinfo');
if (!tools) console.warn('xlsx-print.test: soffice/pdftotext missing (scripts/setup-system.sh installs them): print check skipped');
const describeWithTools = tools ? describe : describe.skip;

describeWithTools('the XLSX room schedule printed by LibreOffice', () => {
  let tmp: ReturnType<typeof tempFolder>;
  beforeAll(() => (tmp = tempFolder('xlsx-print')));
  afterAll(() => tmp.remove());

  it('a 108-room model (SWW-5_SB repeated) prints its schedule on a handful of landscape pages, headers on each, page 1 beginning with the first storey', async () => {
    const model = await generateLargeModel({ sample: realModel('SWW-5_SB.ifc'), targetMb: 2.7, outDir: tmp.dir });
    const schedule = await extractScheduleFromFile(model.path);
    expect(schedule.spaces.length).toBeGreaterThanOrEqual(100);
    const xlsx = path.join(tmp.dir, 'hundred.xlsx');
    await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: xlsx }, UNATTENDED_EXPORT);
    const pdf = printWithLibreOffice(xlsx, tmp.dir);
    const pages = pdfPages(pdf);
    const info = pdfInfo(pdf);
    // Landscape A4: 842 × 595 points.
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    const schedulePages = pages.filter((p) => p.includes('Room schedule'));
    console.log(`${schedule.spaces.length} rooms: ${schedulePages.length} schedule pages, ${pages.length} pages for the whole workbook (Boundaries has ${schedule.spaces.reduce((n, s) => n + s.boundaries.length, 0)} rows)`);
    expect(schedulePages.length).toBeGreaterThanOrEqual(2);
    expect(schedulePages.length).toBeLessThanOrEqual(6);
    // Page 1: the page header (model, sheet, date), the column headers, the first storey, its first room.
    const first = pages[0];
    expect(first).toContain(path.basename(model.path));
    expect(first).toMatch(/\d{1,2} \w+ \d{4}/);
    for (const h of ['Number', 'Name', 'Storey', 'Net floor area', 'Perimeter', 'Height', 'Volume', 'Floor finish', 'Notes']) expect(first).toContain(h);
    expect(first).not.toContain('GlobalId');
    const firstStorey = storeyLabel(schedule.spaces.map((s) => s.storey).sort((a, b) => (a?.elevation ?? Infinity) - (b?.elevation ?? Infinity))[0]);
    expect(first).toContain(firstStorey);
    expect(first).toMatch(/Page 1 of \d+/);
    // The header row repeats: every schedule page has the column headers.
    for (const p of schedulePages) expect(p).toContain('Net floor area');
    // The building total is on the last schedule page, and no line says 0.00 m² for a storey.
    expect(schedulePages[schedulePages.length - 1]).toContain(`Building total — ${schedule.spaces.length} rooms`);
    fs.rmSync(model.path, { force: true });
  }, 300_000);
});
