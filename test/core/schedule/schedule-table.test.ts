// Schedule templates as a user writes them, and the table they give on real models: which
// columns, in which words and units, grouped and ordered how, with totals that only add what is known.
import { buildScheduleTable, totalLabel } from '../../../src/core/schedule/schedule-table';
import { defaultTemplate, IMPERIAL, parseTemplate, ScheduleTemplate } from '../../../src/core/schedule/schedule-template';
import { extracted } from '../../ifc/support/extracted';
import { editableScheduleOf } from '../../export/schedules';

const none = () => null;

describe('schedule templates', () => {
  test('the default "Room schedule": number, name, storey, category, four quantities, three finishes and notes, by storey', async () => {
    const { spaces } = await extracted('SWW-5_SB.ifc');
    const table = buildScheduleTable(defaultTemplate(), spaces, none);
    expect(table.columns.map((c) => c.header)).toEqual(['Number', 'Name', 'Storey', 'Category', 'Net floor area (m²)', 'Perimeter (m)', 'Height (m)', 'Volume (m³)', 'Floor finish', 'Wall finish', 'Ceiling finish', 'Notes']);
    expect(table.groups.map((g) => `${g.title}: ${g.rooms.map((r) => r.cells[0]).join(' ')}`)).toEqual(['Ground Floor: 001 003 004 005', 'Unnamed storey at 4.00 m: 008 009 010 011 012']);
    // Storey totals add the known net floor areas; lengths are not added up.
    const areas = spaces.filter((s) => s.storey?.name?.trim() === 'Ground Floor').map((s) => s.quantities.find((q) => q.name === 'NetFloorArea')!.value!);
    expect(table.groups[0].totals[4]!.value).toBeCloseTo(areas.reduce((a, b) => a + b, 0), 9);
    expect(table.groups[0].totals[5]).toBeNull();
    expect(table.groups[0].totals[6]).toBeNull();
    expect(table.totals[4]!.value).toBeCloseTo(table.groups.reduce((n, g) => n + g.totals[4]!.value!, 0), 9);
  });

  test('feet and square feet: 1 m² is 10.7639 ft², 1 m is 3.2808 ft', async () => {
    const { spaces } = await extracted('OneZone.ifc');
    const metric = buildScheduleTable(defaultTemplate(), spaces, none);
    const feet = buildScheduleTable({ ...defaultTemplate(), units: IMPERIAL }, spaces, none);
    expect(feet.columns[4].header).toBe('Net floor area (ft²)');
    expect(feet.columns[5].header).toBe('Perimeter (ft)');
    expect(feet.columns[7].header).toBe('Volume (ft³)');
    const m2 = metric.groups[0].rooms[0].cells[4] as number;
    expect(m2).toBeGreaterThan(0);
    expect(feet.groups[0].rooms[0].cells[4]).toBeCloseTo(m2 * 10.76391, 3);
    const m = metric.groups[0].rooms[0].cells[6] as number;
    expect(feet.groups[0].rooms[0].cells[6]).toBeCloseTo(m * 3.28084, 3);
  });

  test('a template of one\'s own: any property by set and name, grouping by zone, largest rooms first', async () => {
    const { spaces } = await extracted('MultiZoneBuilding.ifc');
    const set = spaces.flatMap((s) => s.propertySets).find((p) => p.type === 'IfcPropertySet' && p.properties.some((x) => typeof x.value === 'string'))!;
    const prop = set.properties.find((x) => typeof x.value === 'string')!;
    const template = parseTemplate({ name: 'Mine', columns: ['number', 'name', 'zone', { field: `property:${set.name}.${prop.name}`, header: 'Mine' }, 'quantity:NetFloorArea'], groupBy: 'zone', sort: [{ field: 'quantity:NetFloorArea', descending: true }] }, 'x');
    const table = buildScheduleTable(template, spaces, none);
    expect(table.columns.map((c) => c.header)).toEqual(['Number', 'Name', 'Zone', 'Mine', 'Net floor area (m²)']);
    expect(table.columns[3].ifcName).toBe(`${set.name}.${prop.name}`);
    expect(table.roomCount).toBe(13);
    for (const g of table.groups) {
      const areas = g.rooms.map((r) => r.cells[4]).filter((v): v is number => v !== null);
      expect(areas).toEqual([...areas].sort((a, b) => b - a));
      for (const r of g.rooms) expect(r.cells[2] ?? `(no zone)`).toBe(g.title);
    }
  });

  test('a room without an area is left out of the total and counted, never added as 0', async () => {
    const schedule = await editableScheduleOf('SWW-5_SB.ifc');
    const q = schedule.spaces[0].quantities.find((x) => x.name === 'NetFloorArea')!;
    q.value = null;
    const table = buildScheduleTable(defaultTemplate(), schedule.spaces, none);
    const group = table.groups.find((g) => g.rooms.some((r) => r.space === schedule.spaces[0]))!;
    expect(group.totals[4]!.unknown).toBe(1);
    expect(totalLabel(group.title, group.rooms.length, table, group.totals)).toBe(`${group.title} — ${group.rooms.length} rooms (net floor area unknown for 1 room)`);
  });

  test('mistakes in a template file are named, with where they are', () => {
    const bad = (t: unknown) => () => parseTemplate(t, 'file');
    expect(bad({ columns: [] })).toThrow(/"columns" must be a non-empty list/);
    expect(bad({ columns: ['number', 'floorArea'] })).toThrow(/columns\[1\]: "floorArea" is not a column/);
    expect(bad({ columns: ['number'], groupBy: 'floor' })).toThrow(/groupBy must be one of storey, zone, category, department, none/);
    expect(bad({ columns: ['number'], units: { area: 'sqm' } })).toThrow(/units.area must be one of m2, ft2/);
    expect(bad({ columns: ['number'], decimals: 9 })).toThrow(/decimals must be a whole number from 0 to 6/);
    const ok: ScheduleTemplate = parseTemplate({ columns: ['number', { field: 'property:Pset_SpaceCommon.FloorCovering', header: 'Boden' }] }, 'from-file');
    expect(ok).toMatchObject({ name: 'from-file', groupBy: 'storey', units: { area: 'm2' }, decimals: 2 });
  });
});
