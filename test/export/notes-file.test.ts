// Notes edited in an exported workbook or CSV come back, matched by GlobalId: the schedule sheet's
// Notes column for rooms, the Boundaries sheet's Annotation column for surfaces.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { annotationKey } from '../../src/core/schedule/model';
import { planNotesImport } from '../../src/core/schedule/notes-import';
import { UNATTENDED_EXPORT } from '../../src/export/export-options';
import { exportSchedule } from '../../src/export/export-schedule';
import { readNotesFile } from '../../src/export/notes-file';
import { extracted } from '../ifc/support/extracted';
import { tempFolder } from './schedules';

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  return (sheet.getRow(1).values as unknown[]).indexOf(header);
}

describe('reading notes back from an exported file', () => {
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('notes-file')));
  afterEach(() => tmp.remove());

  it('an XLSX edited in a spreadsheet: a changed room note, a new surface note, a cleared one', async () => {
    const schedule = await extracted('TwoZones.ifc');
    const [a, b] = schedule.spaces;
    const surface = b.boundaries[1];
    const notes = { spaces: new Map([[annotationKey(a), 'alt'], [annotationKey(b), 'wird gelöscht']]), boundaries: new Map<string, string>() };
    const file = path.join(tmp.dir, 'rooms.xlsx');
    await exportSchedule(schedule, notes, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rooms = wb.worksheets[0];
    rooms.eachRow((row) => {
      const id = row.getCell(columnOf(rooms, 'GlobalId')).value;
      if (id === a.globalId) row.getCell(columnOf(rooms, 'Notes')).value = 'neu: Türschwelle';
      if (id === b.globalId) row.getCell(columnOf(rooms, 'Notes')).value = null;
    });
    const boundaries = wb.getWorksheet('Boundaries')!;
    boundaries.eachRow((row) => {
      if (row.getCell(columnOf(boundaries, 'Boundary GlobalId')).value === surface.globalId) row.getCell(columnOf(boundaries, 'Annotation')).value = '=Riss';
    });
    await wb.xlsx.writeFile(file);

    const imported = await readNotesFile(file);
    expect(imported.spaces.get(annotationKey(a))).toBe('neu: Türschwelle');
    expect(imported.spaces.get(annotationKey(b))).toBe('');
    expect(imported.boundaries.get(annotationKey(surface))).toBe('=Riss');
    // Subtotal and storey rows carry no GlobalId and are not taken for rooms.
    expect(imported.spaces.size).toBe(2);

    const plan = planNotesImport(schedule, notes, imported);
    expect(plan.changes.map((c) => [c.target, c.kind, c.after])).toEqual([
      ['spaces', 'changed', 'neu: Türschwelle'],
      ['spaces', 'cleared', ''],
      ['boundaries', 'added', '=Riss'],
    ]);
    expect(plan.unknown).toEqual([]);
  });

  it('a CSV saved by Excel with ";" and a byte-order mark; rows of another model are listed, not guessed', async () => {
    const schedule = await extracted('TwoZones.ifc');
    const [a] = schedule.spaces;
    const file = path.join(tmp.dir, 'rooms.csv');
    fs.writeFileSync(file, `\uFEFFNumber;Name;Notes;GlobalId\r\n1;Büro;"Fenster; klemmt";${a.globalId}\r\n2;Flur;x;0000000000000000000000\r\n`);
    const plan = planNotesImport(schedule, { spaces: new Map(), boundaries: new Map() }, await readNotesFile(file));
    expect(plan.changes).toEqual([expect.objectContaining({ key: annotationKey(a), kind: 'added', after: 'Fenster; klemmt' })]);
    expect(plan.unknown).toEqual(['0000000000000000000000']);
  });

  it('a file without the columns is refused with what it lacks', async () => {
    const file = path.join(tmp.dir, 'other.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n');
    await expect(readNotesFile(file)).rejects.toThrow('No notes can be read from “other.csv”: it has no table with a "GlobalId" and a "Notes" column');
  });
});
