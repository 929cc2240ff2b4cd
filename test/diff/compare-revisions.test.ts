// A BIM coordinator compares this week's model with last week's: each story edits a real sample the
// way a new export would differ, reads both through the extraction engine and checks the whole report.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compareSchedules, compareSchedulesInSlices } from '../../src/core/diff/compare-schedules';
import { RevisionDiff } from '../../src/core/diff/revision-diff-types';
import { RoomSchedule } from '../../src/core/schedule/model';
import { extractScheduleFromFile } from '../../src/ifc/extract';
import { extracted } from '../ifc/support/extracted';
import { deleteEntity, editedCopy, regenerateGlobalIds, withEdits } from './edited-model';

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-diff-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function revisionOf(sample: string, name: string, change: (text: string) => string): Promise<RoomSchedule> {
  return extractScheduleFromFile(editedCopy(sample, tmp, name, change));
}

/** The report without its header's file facts (names and hashes are checked where they matter). */
function outcome(diff: RevisionDiff) {
  return { match: diff.header.match, added: diff.added, removed: diff.removed, changed: diff.changed };
}

describe('comparing two revisions of a model', () => {
  it('a model compared with itself has no differences, and the header names both files', async () => {
    const model = await extracted('MultiZoneBuilding.ifc');
    const diff = compareSchedules(model, model);
    expect(diff).toEqual({
      header: {
        format: 'ifc-room-schedule/revision-diff',
        version: 1,
        old: { file: 'MultiZoneBuilding.ifc', sha256: '27ddcdc1e7b88cdcc5e53cb9778ab7280704d065879a9152e3b9fc9dfc553937', rooms: 13 },
        new: { file: 'MultiZoneBuilding.ifc', sha256: '27ddcdc1e7b88cdcc5e53cb9778ab7280704d065879a9152e3b9fc9dfc553937', rooms: 13 },
        match: { method: 'globalId', globalIdsInCommon: 13, pairedByFileOrder: 0, explanation: 'Rooms matched by GlobalId (13 of 13 in common).' },
        tolerancePercent: 0.5,
      },
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('a room renamed in MultiZoneBuilding.ifc (ArchiCAD) is one change of its long name', async () => {
    const renamed = await revisionOf('MultiZoneBuilding.ifc', 'renamed.ifc', withEdits({ replace: "#229,'Office_06',", with: "#229,'Meeting_06'," }));
    expect(outcome(compareSchedules(await extracted('MultiZoneBuilding.ifc'), renamed))).toEqual({
      match: { method: 'globalId', globalIdsInCommon: 13, pairedByFileOrder: 0, explanation: 'Rooms matched by GlobalId (13 of 13 in common).' },
      added: [],
      removed: [],
      changed: [{ globalId: '0ZS89wiqazG8UX_mlHhUSo', number: '', name: 'Meeting_06', changes: [{ field: 'longName', old: 'Office_06', new: 'Meeting_06' }] }],
    });
  });

  it('room 003 of SWW-5_SB.ifc moved from the ground floor to the storey above is a change of storey only', async () => {
    const moved = await revisionOf(
      'SWW-5_SB.ifc',
      'moved.ifc',
      withEdits({ replace: '#1660,#1842,#2021,#2203));', with: '#1660,#2021,#2203));' }, { replace: '#4392,#4568,#4747,#4926,#5102));', with: '#4392,#4568,#4747,#4926,#5102,#1842));' }),
    );
    expect(outcome(compareSchedules(await extracted('SWW-5_SB.ifc'), moved))).toEqual({
      match: { method: 'globalId', globalIdsInCommon: 9, pairedByFileOrder: 0, explanation: 'Rooms matched by GlobalId (9 of 9 in common).' },
      added: [],
      removed: [],
      changed: [{ globalId: '2orZ8wCz5F0gu1ADH3je9n', number: '003', name: 'Office', changes: [{ field: 'storey', old: 'Ground Floor', new: 'Unnamed storey at 4.00 m' }] }],
    });
  });

  it('room 3 of LargeBuilding.ifc (Revit) with a larger net floor area is reported; a change within the 0.5 % tolerance is not', async () => {
    const original = await extracted('LargeBuilding.ifc');
    const larger = await revisionOf('LargeBuilding.ifc', 'larger.ifc', withEdits({ replace: "#466= IFCQUANTITYAREA('NetFloorArea','area measured in geometry',$,33.18);", with: "#466= IFCQUANTITYAREA('NetFloorArea','area measured in geometry',$,35.5);" }));
    expect(outcome(compareSchedules(original, larger))).toEqual({
      match: { method: 'globalId', globalIdsInCommon: 8, pairedByFileOrder: 0, explanation: 'Rooms matched by GlobalId (8 of 8 in common).' },
      added: [],
      removed: [],
      changed: [{ globalId: '2cXV28XOjE6f6irgi0COJS', number: '3', name: 'Room', changes: [{ field: 'quantities.NetFloorArea', old: 33.18, new: 35.5 }] }],
    });
    // 33.18 → 33.3 is 0.36 %: rounding noise to the default tolerance, a change to a stricter one.
    const nudged = await revisionOf('LargeBuilding.ifc', 'nudged.ifc', withEdits({ replace: "#466= IFCQUANTITYAREA('NetFloorArea','area measured in geometry',$,33.18);", with: "#466= IFCQUANTITYAREA('NetFloorArea','area measured in geometry',$,33.3);" }));
    expect(compareSchedules(original, nudged).changed).toEqual([]);
    expect(compareSchedules(original, nudged, { tolerancePercent: 0.1 }).changed).toEqual([{ globalId: '2cXV28XOjE6f6irgi0COJS', number: '3', name: 'Room', changes: [{ field: 'quantities.NetFloorArea', old: 33.18, new: 33.3 }] }]);
  });

  it('room 8 deleted from LargeBuilding.ifc is removed; compared the other way round it is added', async () => {
    const original = await extracted('LargeBuilding.ifc');
    const without8 = await revisionOf('LargeBuilding.ifc', 'without-8.ifc', (text) => deleteEntity(text, 962));
    expect(without8.spaces).toHaveLength(7);
    const room8 = { globalId: '2cXV28XOjE6f6irgi0COIG', number: '8', name: 'Room', storey: 'Level 1' };
    expect(outcome(compareSchedules(original, without8))).toEqual({
      match: { method: 'globalId', globalIdsInCommon: 7, pairedByFileOrder: 0, explanation: 'Rooms matched by GlobalId (7 of 7 in common).' },
      added: [],
      removed: [room8],
      changed: [],
    });
    expect(outcome(compareSchedules(without8, original))).toEqual({ match: { method: 'globalId', globalIdsInCommon: 7, pairedByFileOrder: 0, explanation: 'Rooms matched by GlobalId (7 of 7 in common).' }, added: [room8], removed: [], changed: [] });
  });

  it('the ceiling boundary of room 003 in SWW-5_SB.ifc reassigned to room 004 changes both rooms\' ceiling counts', async () => {
    const reassigned = await revisionOf('SWW-5_SB.ifc', 'reassigned.ifc', withEdits({ replace: "'2a',#1842,#4216,#11130,.PHYSICAL.,.INTERNAL.);", with: "'2a',#2021,#4216,#11130,.PHYSICAL.,.INTERNAL.);" }));
    // #4216 is the slab above the ground floor: to the rooms below it, a ceiling.
    expect(outcome(compareSchedules(await extracted('SWW-5_SB.ifc'), reassigned))).toEqual({
      match: { method: 'globalId', globalIdsInCommon: 9, pairedByFileOrder: 0, explanation: 'Rooms matched by GlobalId (9 of 9 in common).' },
      added: [],
      removed: [],
      changed: [
        { globalId: '2orZ8wCz5F0gu1ADH3je9n', number: '003', name: 'Office', changes: [{ field: 'boundaries.ceiling', old: 7, new: 6 }] },
        { globalId: '0jhG8g7l5BhQzfqrGFyCF$', number: '004', name: 'Office', changes: [{ field: 'boundaries.ceiling', old: 6, new: 7 }] },
      ],
    });
  });

  it('a note written on a room in the app is a change of that room', async () => {
    const model = await extracted('TwoZones.ifc');
    const room = model.spaces[1];
    const noted: RoomSchedule = { ...model, annotations: { spaces: new Map([[room.globalId!, 'Carpet to be replaced']]), boundaries: new Map() } };
    expect(compareSchedules(model, noted).changed).toEqual([{ globalId: room.globalId, number: room.name?.trim() ?? '', name: room.longName, changes: [{ field: 'note', old: null, new: 'Carpet to be replaced' }] }]);
  });

  const fallback = (rooms: number) => ({
    method: 'number+storey',
    globalIdsInCommon: 0,
    pairedByFileOrder: 0,
    explanation: `Rooms matched by number and storey, because none of the ${rooms} room GlobalIds are in both revisions: the exporter has regenerated them, or these are different models.`,
  });

  it('SWW-5_SB.ifc re-exported with new GlobalIds is matched by number and storey, and has no differences', async () => {
    const regenerated = await revisionOf('SWW-5_SB.ifc', 'regenerated.ifc', regenerateGlobalIds);
    const original = await extracted('SWW-5_SB.ifc');
    expect(regenerated.spaces.map((s) => s.globalId)).not.toContain(original.spaces[0].globalId);
    expect(outcome(compareSchedules(original, regenerated))).toEqual({ match: fallback(9), added: [], removed: [], changed: [] });
  });

  it('LargeBuilding.ifc with new GlobalIds and a larger room 3: matched by number and storey, the area change is found', async () => {
    const regenerated = await revisionOf('LargeBuilding.ifc', 'regenerated-larger.ifc', (text) => regenerateGlobalIds(withEdits({ replace: "#466= IFCQUANTITYAREA('NetFloorArea','area measured in geometry',$,33.18);", with: "#466= IFCQUANTITYAREA('NetFloorArea','area measured in geometry',$,35.5);" })(text)));
    const room3 = regenerated.spaces.find((s) => s.name === '3')!;
    expect(room3.globalId).not.toBe('2cXV28XOjE6f6irgi0COJS');
    expect(outcome(compareSchedules(await extracted('LargeBuilding.ifc'), regenerated))).toEqual({
      match: fallback(8),
      added: [],
      removed: [],
      changed: [{ globalId: room3.globalId, number: '3', name: 'Room', changes: [{ field: 'quantities.NetFloorArea', old: 33.18, new: 35.5 }] }],
    });
  });

  it('MultiZoneBuilding.ifc with new GlobalIds: its twelve rooms without a number are told apart by long name, and the renamed one is still found', async () => {
    const regenerated = await revisionOf('MultiZoneBuilding.ifc', 'regenerated-renamed.ifc', (text) => regenerateGlobalIds(withEdits({ replace: "#229,'Office_06',", with: "#229,'Meeting_06'," })(text)));
    const diff = compareSchedules(await extracted('MultiZoneBuilding.ifc'), regenerated);
    expect(outcome(diff)).toEqual({
      match: fallback(13),
      added: [],
      removed: [],
      // The one unnumbered room on EG left after pairing by name is the renamed one.
      changed: [{ globalId: regenerated.spaces[1].globalId, number: '', name: 'Meeting_06', changes: [{ field: 'longName', old: 'Office_06', new: 'Meeting_06' }] }],
    });
  });

  it('the GUI\'s sliced comparison of 1,300 rooms gives the same report, pausing between slices of 100 rooms', async () => {
    // MultiZoneBuilding's 13 rooms a hundred times over, each copy with its own GlobalIds; in the new revision every copy's Office_06 is renamed.
    const base = await extracted('MultiZoneBuilding.ifc');
    const many = (rename: boolean): RoomSchedule => ({
      ...base,
      spaces: Array.from({ length: 100 }, (_, copy) => base.spaces.map((s) => ({ ...s, globalId: `${s.globalId}-${copy}`, longName: rename && s.longName === 'Office_06' ? 'Meeting_06' : s.longName }))).flat(),
    });
    const before = many(false);
    const after = many(true);
    let pauses = 0;
    const sliced = await compareSchedulesInSlices(before, after, {}, async () => void pauses++);
    expect(sliced).toEqual(compareSchedules(before, after));
    expect(sliced.changed).toHaveLength(100);
    // One pause after matching, then one per 100 rooms compared.
    expect(pauses).toBe(1 + 1300 / 100);
  });
});
