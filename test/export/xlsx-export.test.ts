import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { annotationKey } from '../../src/core/schedule/model';
import { UNATTENDED_EXPORT } from '../../src/export/export-options';
import { exportSchedule } from '../../src/export/export-schedule';
import { BOUNDARY_COLUMNS, RELATIONSHIP_COLUMNS } from '../../src/export/table-columns';
import { useLeakCheck } from '../support/leak-check';
import { extracted } from '../ifc/support/extracted';
import { editableScheduleOf, tempFolder } from './schedules';
import { annotationsFromJSON } from '../../src/core/schedule/annotation-json';

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const values = sheet.getRow(1).values as unknown[];
  const i = values.indexOf(header);
  if (i < 1) throw new Error(`no column "${header}" in ${sheet.name}`);
  return i;
}

describe('exporting a room schedule as an Excel workbook', () => {
  useLeakCheck();
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('xlsx')));
  afterEach(() => tmp.remove());

  it('MultiZoneBuilding.ifc gives the schedule sheet first, then Sources, Boundaries (126), Relationships, Findings and Summary', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const file = path.join(tmp.dir, 'rooms.xlsx');
    expect(await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT)).toEqual([file]);
    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Room schedule', 'Sources', 'Boundaries', 'Relationships', 'Findings', 'Summary']);
    const relationships = schedule.spaces.reduce((n, s) => n + s.relationships.length, 0);
    expect(relationships).toBeGreaterThan(0);
    expect(wb.getWorksheet('Boundaries')!.actualRowCount).toBe(1 + 126);
    expect(wb.getWorksheet('Relationships')!.actualRowCount).toBe(1 + relationships);
    expect(wb.getWorksheet('Boundaries')!.getRow(1).values).toEqual([undefined, ...BOUNDARY_COLUMNS.map((c) => c.header)]);
    expect(wb.getWorksheet('Relationships')!.getRow(1).values).toEqual([undefined, ...RELATIONSHIP_COLUMNS.map((c) => c.header)]);
    // Sources: one row per room and quantity column of the template (4 of them), apart from the values.
    expect(wb.getWorksheet('Sources')!.actualRowCount).toBe(1 + 13 * 4);
    expect(fs.readdirSync(tmp.dir)).toEqual(['rooms.xlsx']);
  });

  it('headers are bold and frozen, areas are numbers with two decimals shown', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const file = path.join(tmp.dir, 'rooms.xlsx');
    await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);
    const sheet = (await readWorkbook(file)).getWorksheet('Boundaries')!;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const areaCol = columnOf(sheet, 'Area (m²)');
    const all = schedule.spaces.flatMap((s) => s.boundaries);
    const row = all.findIndex((b) => b.area !== null) + 2;
    const cell = sheet.getRow(row).getCell(areaCol);
    expect(typeof cell.value).toBe('number');
    expect(cell.value).toBeCloseTo(all[row - 2].area!, 9);
    expect(cell.numFmt).toBe('#,##0.00');
    expect(sheet.getColumn(areaCol).width).toBeGreaterThan(8);
  });

  it('the Summary names the file, its sha256 and the totals per surface category', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const file = path.join(tmp.dir, 'rooms.xlsx');
    await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);
    const summary = (await readWorkbook(file)).getWorksheet('Summary')!;
    const rows = new Map<string, unknown>();
    summary.eachRow((r) => rows.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(rows.get('File name')).toBe('MultiZoneBuilding.ifc');
    expect(rows.get('SHA-256')).toBe(schedule.metadata.source.sha256);
    expect(rows.get('Rooms exported')).toBe(13);
    expect(rows.get('Boundaries exported')).toBe(126);
    const wallsInModel = schedule.spaces.flatMap((s) => s.boundaries).filter((b) => b.surfaceCategory === 'wall').length;
    expect(rows.get('wall')).toBe(wallsInModel);
  });

  it('notes appear in the schedule and Boundaries sheets', async () => {
    const schedule = await editableScheduleOf('TwoZones.ifc');
    const space = schedule.spaces[1];
    const boundary = space.boundaries[2];
    const notes = { spaces: { [annotationKey(space)]: 'Büro, "Nord"\nzweite Zeile' }, boundaries: { [annotationKey(boundary)]: 'cracked glass' } };
    const file = path.join(tmp.dir, 'notes.xlsx');
    await exportSchedule(schedule, annotationsFromJSON(notes), { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);
    const wb = await readWorkbook(file);
    const rooms = wb.getWorksheet('Room schedule')!;
    const rowOf = (globalId: string | null) => rooms.getRows(1, rooms.actualRowCount)!.find((r) => r.getCell(columnOf(rooms, 'GlobalId')).value === globalId)!;
    expect(rowOf(space.globalId).getCell(columnOf(rooms, 'Notes')).value).toBe('Büro, "Nord"\nzweite Zeile');
    expect(rowOf(schedule.spaces[0].globalId).getCell(columnOf(rooms, 'Notes')).value).toBeNull();
    const boundaries = wb.getWorksheet('Boundaries')!;
    const row = space.boundaries.indexOf(boundary) + schedule.spaces[0].boundaries.length + 2;
    expect(boundaries.getRow(row).getCell(columnOf(boundaries, 'Boundary GlobalId')).value).toBe(boundary.globalId);
    expect(boundaries.getRow(row).getCell(columnOf(boundaries, 'Annotation')).value).toBe('cracked glass');
  });

  it('control characters from a model do not corrupt the workbook', async () => {
    const schedule = await editableScheduleOf('OneZone.ifc');
    schedule.spaces[0].name = 'Bad\u0001name\u0008';
    const file = path.join(tmp.dir, 'ctl.xlsx');
    await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);
    const rooms = (await readWorkbook(file)).getWorksheet('Room schedule')!;
    // Row 2 is the storey's heading, row 3 the room.
    expect(rooms.getRow(3).getCell(columnOf(rooms, 'Number')).value).toBe('Badname');
  });
});
