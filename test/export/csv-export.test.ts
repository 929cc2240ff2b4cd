import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as path from 'path';
import { annotationKey, displayName, RoomSchedule } from '../../src/core/schedule/model';
import { csvTableFiles } from '../../src/export/csv-export';
import { UNATTENDED_EXPORT } from '../../src/export/export-options';
import { exportSchedule } from '../../src/export/export-schedule';
import { BOUNDARY_COLUMNS, ROOM_COLUMNS } from '../../src/export/table-columns';
import { useLeakCheck } from '../support/leak-check';
import { extracted } from '../ifc/support/extracted';
import { editableScheduleOf, tempFolder } from './schedules';

// csv-parse reads the files back as Excel or pandas would: strict quoting, records of equal length.
function parseCsv(text: string): Promise<string[][]> {
  return Promise.resolve(parse(text, { bom: false, relax_column_count: false }) as string[][]);
}

async function exportCsv(dir: string, schedule: RoomSchedule, options: { excel?: boolean; notes?: { spaces: Record<string, string>; boundaries: Record<string, string> } } = {}) {
  const files = await exportSchedule(schedule, options.notes, { format: 'csv', outPath: path.join(dir, 'schedule.csv'), csv: { excel: options.excel } }, UNATTENDED_EXPORT);
  const [roomsText, boundariesText] = files.map((f) => fs.readFileSync(f, 'utf8'));
  return { files, roomsText, boundariesText, rooms: await parseCsv(roomsText.replace(/^\uFEFF/, '')), boundaries: await parseCsv(boundariesText.replace(/^\uFEFF/, '')) };
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
    expect(rooms[0]).toEqual(ROOM_COLUMNS.map((c) => c.header));
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
    expect(room[col(rooms, 'Name')]).toBe(TRICKY_NAME);
    expect(room[col(rooms, 'Long name')]).toBe('Lobby; "main"');
    expect(room[col(rooms, 'Annotation')]).toBe(TRICKY_NOTE);
    const row = boundaries.find((r) => r[col(boundaries, 'Boundary GlobalId')] === boundary.globalId)!;
    expect(row[col(boundaries, 'Space name')]).toBe(displayName(space));
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

  it('for Excel, the file starts with a byte-order mark and formula-like text is not run', async () => {
    const schedule = await editableScheduleOf('TwoZones.ifc');
    schedule.spaces[0].name = '=HYPERLINK("http://example.invalid","click")';
    const { roomsText, boundariesText, rooms } = await exportCsv(tmp.dir, schedule, { excel: true });
    expect(roomsText.charCodeAt(0)).toBe(0xfeff);
    expect(boundariesText.charCodeAt(0)).toBe(0xfeff);
    expect(rooms[1][rooms[0].indexOf('Name')]).toBe(`'=HYPERLINK("http://example.invalid","click")`);
    const plain = await exportCsv(tmp.dir, schedule);
    expect(plain.roomsText.charCodeAt(0)).not.toBe(0xfeff);
    expect(plain.rooms[1][plain.rooms[0].indexOf('Name')]).toBe('=HYPERLINK("http://example.invalid","click")');
  });

  it('one table can be written alone, to the exact file asked for', async () => {
    const out = path.join(tmp.dir, 'only-rooms.csv');
    expect(csvTableFiles(out, ['rooms'])).toEqual([{ table: 'rooms', path: out }]);
    const files = await exportSchedule(await extracted('OneZone.ifc'), undefined, { format: 'csv', outPath: out, tables: ['rooms'] }, UNATTENDED_EXPORT);
    expect(files).toEqual([out]);
    expect(await parseCsv(fs.readFileSync(out, 'utf8'))).toHaveLength(2);
  });
});
