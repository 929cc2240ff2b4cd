import ExcelJS from 'exceljs';
import * as path from 'path';
import { Space } from '../../src/core/schedule/model';
import { buildSpaceRows } from '../../src/core/schedule/space-rows';
import { UNATTENDED_EXPORT } from '../../src/export/export-options';
import { exportSchedule } from '../../src/export/export-schedule';
import { useLeakCheck } from '../support/leak-check';
import { extracted } from '../ifc/support/extracted';
import { editableScheduleOf, tempFolder } from './schedules';

async function scheduleSheet(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0];
}

function netArea(s: Space): number | null {
  return s.quantities.find((q) => q.name === 'NetFloorArea')?.value ?? null;
}

function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  return sheet.getRows(1, sheet.actualRowCount) ?? [];
}

describe('the XLSX room schedule reads like a schedule', () => {
  useLeakCheck();
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('xlsx-schedule')));
  afterEach(() => tmp.remove());

  it('SWW-5_SB.ifc: rooms grouped by storey in the room list\'s order, each storey with a SUBTOTAL of its known areas, then a building total', async () => {
    const schedule = await extracted('SWW-5_SB.ifc');
    const file = path.join(tmp.dir, 's.xlsx');
    await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);
    const sheet = await scheduleSheet(file);
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(['Number', 'Name', 'Storey', 'Category', 'Net floor area (m²)', 'Perimeter (m)', 'Height (m)', 'Volume (m³)', 'Floor finish', 'Wall finish', 'Ceiling finish', 'Notes', 'GlobalId']);
    const areaCol = header.indexOf('Net floor area (m²)');
    const idCol = header.indexOf('GlobalId');

    // What the app's room list shows, storey by storey.
    const list = buildSpaceRows(schedule.spaces, '', () => false);
    const expected: string[] = [];
    for (const r of list) expected.push(r.kind === 'storey' ? `storey:${r.title}` : `room:${r.space.globalId}`);
    const seen: string[] = [];
    let groupRooms: Space[] = [];
    let firstRoomRow = 0;
    const byId = new Map(schedule.spaces.map((s) => [s.globalId, s]));
    for (const row of rowsOf(sheet).slice(1)) {
      const a = String(row.getCell(1).value ?? '');
      const id = row.getCell(idCol).value as string | null;
      if (id) {
        if (!groupRooms.length) firstRoomRow = row.number;
        groupRooms.push(byId.get(id)!);
        seen.push(`room:${id}`);
        const cell = row.getCell(areaCol);
        const area = netArea(byId.get(id)!);
        expect(cell.value === null ? null : (cell.value as number)).toBe(area === null ? null : area);
        expect(cell.numFmt).toBe('#,##0.00');
      } else if (a.startsWith('Building total')) {
        const all = schedule.spaces.map(netArea).filter((v): v is number => v !== null);
        const total = row.getCell(areaCol).value as ExcelJS.CellFormulaValue;
        expect(total.formula).toBe(`SUBTOTAL(109,${String.fromCharCode(64 + areaCol)}2:${String.fromCharCode(64 + areaCol)}${row.number - 1})`);
        expect(total.result).toBeCloseTo(all.reduce((x, y) => x + y, 0), 6);
        expect(a).toBe(`Building total — ${schedule.spaces.length} rooms`);
      } else if (groupRooms.length) {
        // A subtotal row: the storey's title, its room count, SUBTOTAL over exactly its rooms.
        const known = groupRooms.map(netArea).filter((v): v is number => v !== null);
        const total = row.getCell(areaCol).value as ExcelJS.CellFormulaValue;
        const letter = String.fromCharCode(64 + areaCol);
        expect(total.formula).toBe(`SUBTOTAL(109,${letter}${firstRoomRow}:${letter}${row.number - 1})`);
        expect(total.result).toBeCloseTo(known.reduce((x, y) => x + y, 0), 6);
        expect(a).toMatch(new RegExp(` — ${groupRooms.length} rooms?$`));
        expect(row.font?.bold).toBe(true);
        groupRooms = [];
      } else {
        seen.push(`storey:${a}`);
      }
    }
    expect(seen).toEqual(expected);
  });

  it('a storey whose rooms lack an area says so instead of adding a 0', async () => {
    const schedule = await editableScheduleOf('SWW-5_SB.ifc');
    const [first, second] = schedule.spaces;
    for (const q of first.quantities) if (q.name === 'NetFloorArea') q.value = null;
    const file = path.join(tmp.dir, 'u.xlsx');
    await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);
    const sheet = await scheduleSheet(file);
    const labels = rowsOf(sheet).map((r) => String(r.getCell(1).value ?? ''));
    expect(labels.some((l) => l.endsWith('(net floor area unknown for 1 room)'))).toBe(true);
    expect(labels.find((l) => l.startsWith('Building total'))).toBe(`Building total — ${schedule.spaces.length} rooms (net floor area unknown for 1 room)`);
    expect(second).toBeDefined();
  });

  it('prints landscape, one page wide with fitToPage switched on, header row on every page, model and date in the page header, page numbers', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const file = path.join(tmp.dir, 'p.xlsx');
    await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);
    const sheet = await scheduleSheet(file);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', paperSize: 9 });
    // The print area leaves out the GlobalId column (for matching notes back, not for reading).
    expect(sheet.pageSetup.printArea).toBe(`A1:L${sheet.actualRowCount}`);
    expect(sheet.headerFooter.oddHeader).toContain('MultiZoneBuilding.ifc');
    expect(sheet.headerFooter.oddHeader).toMatch(/&R\d{1,2} \w+ \d{4}/);
    expect(sheet.headerFooter.oddFooter).toContain('Page &P of &N');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
  });

  it('headers are in the user\'s words, with the IFC name in the header\'s note', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const file = path.join(tmp.dir, 'n.xlsx');
    await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);
    const sheet = await scheduleSheet(file);
    const noteOf = (col: number) => {
      const note = sheet.getRow(1).getCell(col).note;
      return typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    };
    expect(sheet.getRow(1).getCell(1).value).toBe('Number');
    expect(noteOf(1)).toBe('IfcSpace.Name');
    expect(sheet.getRow(1).getCell(2).value).toBe('Name');
    expect(noteOf(2)).toBe('IfcSpace.LongName');
    expect(noteOf(9)).toBe('Pset_SpaceCommon.FloorCovering or Pset_SpaceCoveringRequirements.FloorCovering');
  });

  it('the Summary\'s numbers carry a number format: no 5880.605591999999 on screen', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const file = path.join(tmp.dir, 'f.xlsx');
    await exportSchedule(schedule, undefined, { format: 'xlsx', outPath: file }, UNATTENDED_EXPORT);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    let fractional = 0;
    for (const name of ['Room schedule', 'Summary', 'Sources']) {
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          const v = typeof cell.value === 'object' && cell.value !== null && 'result' in cell.value ? cell.value.result : cell.value;
          if (typeof v === 'number' && !Number.isInteger(v)) {
            fractional++;
            expect(cell.numFmt).toMatch(/^#,##0\.0+$/);
          }
        }),
      );
    }
    expect(fractional).toBeGreaterThan(20);
  });
});
