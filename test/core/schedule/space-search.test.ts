// A user who remembers "room 010" or "the kitchen" finds it with Go to space: the rooms of real
// models, ranked the way people search for rooms.
import { findSpaces } from '../../../src/core/schedule/space-search';
import { extracted } from '../../ifc/support/extracted';

const numbers = (r: ReturnType<typeof findSpaces>) => r.matches.map((m) => m.number);

describe('finding a room by number or name', () => {
  test('SWW-5_SB: an exact number comes first, then numbers starting with the text, then those containing it', async () => {
    const { spaces } = await extracted('SWW-5_SB.ifc');
    expect(numbers(findSpaces(spaces, '010'))).toEqual(['010']);
    const r = findSpaces(spaces, '01');
    // 010, 011, 012 start with "01" (numeric order); "001" only contains it.
    expect(numbers(r)).toEqual(['010', '011', '012', '001']);
    expect(r.total).toBe(4);
    // The stray space after "001 " in the file does not stop an exact match.
    expect(numbers(findSpaces(spaces, '001'))).toEqual(['001']);
    // Room 009's GlobalId starts with "01": two characters are not taken for an id, eight are.
    const nine = spaces.find((s) => s.name === '009')!;
    expect(numbers(findSpaces(spaces, nine.globalId!.slice(0, 8)))).toEqual(['009']);
  });

  test('MultiZoneBuilding: a name is found from its start or from any word in it, case-insensitively', async () => {
    const { spaces } = await extracted('MultiZoneBuilding.ifc');
    expect(findSpaces(spaces, 'KIT').matches.map((m) => m.name)).toEqual(['Kitchen_13']);
    // "06" is the second word of Office_06: a word prefix, ranked before rooms that merely contain it.
    expect(findSpaces(spaces, '06').matches[0].name).toBe('Office_06');
    expect(findSpaces(spaces, 'meeting').matches.map((m) => m.number)).toEqual(['01']);
    // The storey's name finds every room on it, after anything matched by number or name.
    expect(findSpaces(spaces, 'EG').total).toBe(13);
  });

  test('RooftopBuilding: four rooms share the number 02; all are offered, by name, to tell them apart', async () => {
    const { spaces } = await extracted('RooftopBuilding4ZonesThin.ifc');
    const r = findSpaces(spaces, '02');
    expect(r.matches.map((m) => m.name)).toEqual(['Badroom', 'Badroom', 'Bath', 'Technicalroom']);
    // The two Badrooms keep the file's order between them.
    expect(r.matches.map((m) => m.index)).toEqual([0, 3, 1, 2]);
  });

  test('an empty query lists every room by storey and number; a query matching nothing lists none; the limit caps what is listed, not the count', async () => {
    const { spaces } = await extracted('SWW-5_SB.ifc');
    const all = findSpaces(spaces, '  ');
    expect(all.total).toBe(9);
    // Storeys bottom-up, as the list shows them: Ground Floor, then the unnamed storey at 4 m.
    expect(all.matches.map((m) => m.storey)).toEqual([...Array(4).fill('Ground Floor'), ...Array(5).fill('Unnamed storey at 4.00 m')]);
    expect(numbers(all)).toEqual(['001', '003', '004', '005', '008', '009', '010', '011', '012']);
    expect(findSpaces(spaces, 'no such room').total).toBe(0);
    const capped = findSpaces(spaces, '0', 3);
    expect(capped.matches).toHaveLength(3);
    expect(capped.total).toBe(9);
  });
});
