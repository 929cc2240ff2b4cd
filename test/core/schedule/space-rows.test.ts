// The space list as the user reads it: rooms grouped by storey, bottom-up, numbered in natural
// order, with the group's count and floor area — built from real models.
import { buildSpaceRows, ListRow, SpaceRow } from '../../../src/core/schedule/space-rows';
import { extracted } from '../../ifc/support/extracted';

const headers = (rows: ListRow[]) => rows.filter((r) => r.kind === 'storey').map((r) => (r.kind === 'storey' ? `${r.title}: ${r.count}, ${r.area?.toFixed(1)} m²` : ''));
const numbers = (rows: ListRow[]) => rows.filter((r): r is SpaceRow => r.kind === 'space').map((r) => r.number);

describe('the rows of the space list', () => {
  test('SWW-5_SB: the storey without a name is listed where it is (4 m), not as "no storey"; rooms in number order', async () => {
    const { spaces } = await extracted('SWW-5_SB.ifc');
    const rows = buildSpaceRows(spaces, '', () => false);
    expect(headers(rows)).toEqual(['Ground Floor: 4, 194.0 m²', 'Unnamed storey at 4.00 m: 5, 189.4 m²']);
    expect(numbers(rows)).toEqual(['001', '003', '004', '005', '008', '009', '010', '011', '012']);
    // The label is what the filter reads, too.
    expect(numbers(buildSpaceRows(spaces, 'unnamed', () => false))).toEqual(['008', '009', '010', '011', '012']);
  });

  test('MultiZoneBuilding: the numbered room first, then the twelve without numbers by name, in natural order', async () => {
    const { spaces } = await extracted('MultiZoneBuilding.ifc');
    const names = buildSpaceRows(spaces, '', () => false).filter((r): r is SpaceRow => r.kind === 'space').map((r) => `${r.number || '—'} ${r.longName}`);
    expect(names).toEqual(['01 Meetingroom', '— Corridor_10', '— Kitchen_13', '— Office_02', '— Office_03', '— Office_04', '— Office_05', '— Office_06', '— Office_07', '— Office_08', '— Office_09', '— WC _H_12', '— WC_D_11']);
  });

  test('the filter matches number, name and notes marks survive it; no match leaves no storey header behind', async () => {
    const { spaces } = await extracted('MultiZoneBuilding.ifc');
    const annotated = new Set([spaces.findIndex((s) => s.longName === 'Kitchen_13')]);
    const rows = buildSpaceRows(spaces, 'kitchen', (s) => annotated.has(spaces.indexOf(s)));
    expect(rows.map((r) => r.kind)).toEqual(['storey', 'space']);
    expect((rows[1] as SpaceRow).annotated).toBe(true);
    expect(buildSpaceRows(spaces, 'no such room', () => false)).toEqual([]);
  });
});
