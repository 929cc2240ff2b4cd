// The PDF room schedule read back as text (pdftotext): title block, a table per storey with its
// subtotal, the building total, accents intact, A4 landscape, page numbers, a plan page per storey.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { annotationKey } from '../../src/core/schedule/model';
import { buildSpaceRows } from '../../src/core/schedule/space-rows';
import { UNATTENDED_EXPORT } from '../../src/export/export-options';
import { exportSchedule } from '../../src/export/export-schedule';
import { hasTool, pdfInfo, pdfPages } from '../support/pdf-tools';
import { useLeakCheck } from '../support/leak-check';
import { editableScheduleOf, tempFolder } from './schedules';
import { annotationsFromJSON } from '../../src/core/schedule/annotation-json';

const tools = hasTool('pdftotext') && hasTool('pdfinfo');
if (!tools) console.warn('pdf-export.test: pdftotext missing (scripts/setup-system.sh installs poppler-utils): PDF checks skipped');
const describeWithTools = tools ? describe : describe.skip;

const format2 = (n: number) => n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describeWithTools('exporting the room schedule as PDF', () => {
  useLeakCheck();
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('pdf')));
  afterEach(() => tmp.remove());

  it('SWW-5_SB.ifc: title block, each storey with its rooms in the list\'s order and its subtotal, the building total, "Küche" intact', async () => {
    const schedule = await editableScheduleOf('SWW-5_SB.ifc');
    const kitchen = schedule.spaces[0];
    const notes = { spaces: { [annotationKey(kitchen)]: 'Küche: Fliesen prüfen – Ø 12 mm' }, boundaries: {} };
    const file = path.join(tmp.dir, 'rooms.pdf');
    expect(await exportSchedule(schedule, annotationsFromJSON(notes), { format: 'pdf', outPath: file }, UNATTENDED_EXPORT)).toEqual([file]);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfInfo(file)).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    const pages = pdfPages(file);
    const text = pages.join('\n');
    const first = pages[0];
    expect(first).toContain('Room schedule');
    expect(first).toMatch(/Model file\s+SWW-5_SB\.ifc/);
    expect(first).toMatch(/Date\s+\d{1,2} \w+ \d{4}/);
    expect(first).toMatch(/Written by\s+ifc-room-schedule \d+\.\d+\.\d+/);
    expect(text).toContain('Küche: Fliesen prüfen – Ø 12 mm');
    expect(pages[pages.length - 1]).toMatch(new RegExp(`Page ${pages.length} of ${pages.length}`));

    // The rooms appear storey by storey in the room list's order, each storey closed by its subtotal.
    const list = buildSpaceRows(schedule.spaces, '', () => false);
    let at = 0;
    for (const row of list) {
      if (row.kind === 'storey') {
        at = text.indexOf(row.title, at);
        expect(at).toBeGreaterThanOrEqual(0);
        continue;
      }
      at = text.indexOf(row.number, at);
      expect(at).toBeGreaterThanOrEqual(0);
    }
    for (const row of list) {
      if (row.kind !== 'storey') continue;
      expect(text).toMatch(new RegExp(`Subtotal ${row.title.replace(/[.()]/g, '\\$&')} — ${row.count} rooms?\\s+${format2(row.area!).replace('.', '\\.')}`));
    }
    // Each storey's plan on a page of its own, after the tables, its rooms labelled.
    for (const row of list) if (row.kind === 'storey') expect(pages.find((p) => p.includes(`Plan: ${row.title}`))).toBeDefined();
    // The plan is a picture (the plan export's PNG at 2×): one per plan page.
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image');
    const planPages = pages.map((p, i) => (p.includes('Plan: ') ? i + 1 : 0)).filter((n) => n > 0);
    expect(images.map((c) => Number(c[0]))).toEqual(planPages);
    for (const c of images) expect(Number(c[3])).toBeGreaterThanOrEqual(2000);
    const total = list.reduce((n, r) => n + (r.kind === 'storey' ? r.area! : 0), 0);
    expect(text).toMatch(new RegExp(`Building total — ${schedule.spaces.length} rooms\\s+${format2(total).replace('.', '\\.')}`));
  });
});
