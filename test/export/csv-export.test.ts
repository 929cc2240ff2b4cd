import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as path from 'path';
import { annotationKey, RoomSchedule } from '../../src/core/schedule/model';
import { defaultTemplate, IMPERIAL } from '../../src/core/schedule/schedule-template';
import { csvTableFiles } from '../../src/export/export-targets';
import { UNATTENDED_EXPORT } from '../../src/export/export-options';
import { exportSchedule } from '../../src/export/export-schedule';
import { CsvOptions } from '../../src/export/export-options';
import { BOUNDARY_COLUMNS } from '../../src/export/table-columns';
import { useLeakCheck } from '../support/leak-check';
import { extracted } from '../ifc/support/extracted';
import { editableScheduleOf, tempFolder } from './schedules';
import { annotationsFromJSON } from '../../src/core/schedule/annotation-json';

// csv-parse reads the files back as Excel or pandas would: strict quoting, records of equal length.
function parseCsv(text: string): Promise<string[][]> {
  return Promise.resolve(parse(text, { bom: false, relax_column_count: false }) as string[][]);
}

async function exportCsv(dir: string, schedule: RoomSchedule, options: { excel?: boolean; csv?: CsvOptions; template?: ReturnType<typeof defaultTemplate>; notes?: { spaces: Record<string, string>; boundaries: Record<string, string> } } = {}) {
  const files = await exportSchedule(schedule, options.notes && annotationsFromJSON(options.notes), { format: 'csv', outPath: path.join(dir, 'schedule.csv'), csv: { excel: options.excel, ...options.csv }, template: options.template }, UNATTENDED_EXPORT);
  const [roomsText, boundariesText] = files.map((f) => fs.readFileSync(f, 'utf8'));
  const delimiter = options.csv?.separator ?? ',';
  const parse1 = (t: string) => Promise.resolve(parse(t.replace(/^\uFEFF/, ''), { bom: false, relax_column_count: false, delimiter }) as string[][]);
  return { files, roomsText, boundariesText, rooms: await parse1(roomsText), boundaries: await parse1(boundariesText) };
}

const TRICKY_NAME = 'Room 1, "North"\nwing — Büro 会议室 🚪';
const TRICKY_NOTE = 'Check the sill; "urgent", see\r\nphoto #3, ½ m² damp';

describe('exporting a room schedule as CSV', () => {
  useLeakCheck();
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('csv')));
  afterEach(() => tmp.remove());

  it('MultiZoneBuilding.ifc gives schedule.rooms.csv with 13 rooms and schedule.boundaries.csv with 126 boundaries', async () => {
    const { files, rooms, boundaries } = await exportCsv(tmp.dir, await extracted('MultiZoneBuilding.ifc'));
    expect(files.map((f) => path.basename(f))).toEqual(['schedule.rooms.csv', 'schedule.boundaries.csv']);
    expect(rooms[0]).toEqual(['Number', 'Name', 'Storey', 'Category', 'Net floor area (m²)', 'Perimeter (m)', 'Height (m)', 'Volume (m³)', 'Floor finish', 'Wall finish', 'Ceiling finish', 'Notes', 'GlobalId']);
    expect(rooms).toHaveLength(1 + 13);
    expect(boundaries[0]).toEqual(BOUNDARY_COLUMNS.map((c) => c.header));
    expect(boundaries).toHaveLength(1 + 126);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['schedule.boundaries.csv', 'schedule.rooms.csv']);
  });

  it('names and notes with commas, quotes, newlines and unicode come back unchanged from a CSV parser', async () => {
    const schedule = await editableScheduleOf('MultiZoneBuilding.ifc');
    const space = schedule.spaces[2];
    space.name = TRICKY_NAME;
    space.longName = 'Lobby; "main"';
    const boundary = space.boundaries[0];
    const notes = { spaces: { [annotationKey(space)]: TRICKY_NOTE }, boundaries: { [annotationKey(boundary)]: TRICKY_NOTE } };
    const { rooms, boundaries } = await exportCsv(tmp.dir, schedule, { notes });
    const col = (table: string[][], header: string) => table[0].indexOf(header);
    const room = rooms.find((r) => r[col(rooms, 'GlobalId')] === space.globalId)!;
    // The number is IfcSpace.Name (trimmed for display), the name its LongName.
    expect(room[col(rooms, 'Number')]).toBe(TRICKY_NAME.trim());
    expect(room[col(rooms, 'Name')]).toBe('Lobby; "main"');
    expect(room[col(rooms, 'Notes')]).toBe(TRICKY_NOTE);
    const row = boundaries.find((r) => r[col(boundaries, 'Boundary GlobalId')] === boundary.globalId)!;
    expect(row[col(boundaries, 'Room number')]).toBe(TRICKY_NAME.trim());
    expect(row[col(boundaries, 'Annotation')]).toBe(TRICKY_NOTE);
    // Exactly one row per room and per boundary: the embedded newlines did not split records.
    expect(rooms).toHaveLength(14);
    expect(boundaries).toHaveLength(127);
  });

  it('boundary areas are written with a dot and at most 3 decimals, matching the model', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const { boundaries } = await exportCsv(tmp.dir, schedule);
    const areaCol = boundaries[0].indexOf('Area (m²)');
    const all = schedule.spaces.flatMap((s) => s.boundaries);
    boundaries.slice(1).forEach((row, i) => {
      const area = all[i].area;
      if (area === null) expect(row[areaCol]).toBe('');
      else {
        expect(row[areaCol]).toMatch(/^\d+(\.\d{1,3})?$/);
        // Rounded to the nearest 0.001 m²: off by half a unit at most.
        expect(Math.abs(Number(row[areaCol]) - area)).toBeLessThanOrEqual(0.0005 + 1e-9);
      }
    });
    expect(all.some((b) => b.area !== null)).toBe(true);
  });

  it('for Excel, the file starts with a byte-order mark; formula-like text is not run, with or without it', async () => {
    const schedule = await editableScheduleOf('TwoZones.ifc');
    schedule.spaces[0].name = '=HYPERLINK("http://example.invalid","click")';
    const { roomsText, boundariesText, rooms } = await exportCsv(tmp.dir, schedule, { excel: true });
    expect(roomsText.charCodeAt(0)).toBe(0xfeff);
    expect(boundariesText.charCodeAt(0)).toBe(0xfeff);
    const room = rooms.find((r) => r[rooms[0].indexOf('GlobalId')] === schedule.spaces[0].globalId)!;
    expect(room[rooms[0].indexOf('Number')]).toBe(`'=HYPERLINK("http://example.invalid","click")`);
    const plain = await exportCsv(tmp.dir, schedule);
    expect(plain.roomsText.charCodeAt(0)).not.toBe(0xfeff);
    const plainRoom = plain.rooms.find((r) => r[plain.rooms[0].indexOf('GlobalId')] === schedule.spaces[0].globalId)!;
    expect(plainRoom[plain.rooms[0].indexOf('Number')]).toBe(`'=HYPERLINK("http://example.invalid","click")`);
  });

  it('one table can be written alone, to the exact file asked for', async () => {
    const out = path.join(tmp.dir, 'only-rooms.csv');
    expect(csvTableFiles(out, ['rooms'])).toEqual([{ table: 'rooms', path: out }]);
    const files = await exportSchedule(await extracted('OneZone.ifc'), undefined, { format: 'csv', outPath: out, tables: ['rooms'] }, UNATTENDED_EXPORT);
    expect(files).toEqual([out]);
    expect(await parseCsv(fs.readFileSync(out, 'utf8'))).toHaveLength(2);
  });

  it('with the byte-order mark on, Excel reads "Küche" as Küche; without it the file is plain UTF-8', async () => {
    const schedule = await editableScheduleOf('TwoZones.ifc');
    schedule.spaces[0].longName = 'Küche';
    const withBom = await exportCsv(tmp.dir, schedule, { csv: { bom: true } });
    expect(fs.readFileSync(withBom.files[0]).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom.rooms.some((r) => r[1] === 'Küche')).toBe(true);
    const without = await exportCsv(tmp.dir, schedule, { csv: { bom: false } });
    expect(fs.readFileSync(without.files[0])[0]).not.toBe(0xef);
  });

  it('with ";" as separator, fields are split by semicolons and numbers carry a decimal comma', async () => {
    const schedule = await extracted('SWW-5_SB.ifc');
    const comma = await exportCsv(tmp.dir, schedule);
    const semi = await exportCsv(tmp.dir, schedule, { csv: { separator: ';' } });
    expect(semi.rooms[0]).toEqual(comma.rooms[0]);
    const areaCol = comma.rooms[0].indexOf('Net floor area (m²)');
    const known = comma.rooms.slice(1).filter((r) => r[areaCol] !== '');
    expect(known.length).toBeGreaterThan(0);
    for (const [i, row] of comma.rooms.slice(1).entries()) {
      expect(semi.rooms[i + 1][areaCol]).toBe(row[areaCol].replace('.', ','));
    }
    expect(semi.roomsText.split('\n')[0].split(';')).toHaveLength(comma.rooms[0].length);
  });

  it('rooms come grouped by storey in the list\'s order, and a ft² template converts the areas', async () => {
    const schedule = await extracted('SWW-5_SB.ifc');
    const metric = await exportCsv(tmp.dir, schedule);
    const feet = await exportCsv(tmp.dir, schedule, { template: { ...defaultTemplate(), units: IMPERIAL } });
    const h = metric.rooms[0];
    expect(feet.rooms[0]).toContain('Net floor area (ft²)');
    const byId = new Map(schedule.spaces.map((s) => [s.globalId, s]));
    const col = h.indexOf('Net floor area (m²)');
    for (const [i, row] of metric.rooms.slice(1).entries()) {
      const space = byId.get(row[h.indexOf('GlobalId')])!;
      const area = space.quantities.find((q) => q.name === 'NetFloorArea')!.value;
      if (area === null) continue;
      expect(Number(row[col])).toBeCloseTo(area, 3);
      expect(Number(feet.rooms[i + 1][col])).toBeCloseTo(area / 0.09290304, 2);
    }
    // Within a storey, numbers ascend in natural order (2 before 10).
    const storeys = metric.rooms.slice(1).map((r) => r[h.indexOf('Storey')]);
    expect(storeys).toEqual([...storeys].sort((a, b) => storeys.indexOf(a) - storeys.indexOf(b)));
    const numbers = metric.rooms.slice(1).filter((r) => r[h.indexOf('Storey')] === storeys[0]).map((r) => r[h.indexOf('Number')]);
    expect(numbers).toEqual([...numbers].sort(new Intl.Collator(undefined, { numeric: true }).compare));
  });
});
