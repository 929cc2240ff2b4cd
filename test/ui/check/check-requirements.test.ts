// Tools → Check requirements…: a coordinator has MultiZoneBuilding.ifc open and checks it against
// the handover IDS. The failing rooms are listed with the reason and marked in the room list, the
// list filters, a row leads to its room, and the IDS is remembered for this model.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { once } from '../../../src/core/lifecycle';
import type { CheckOutcome } from '../../../src/ui/check/check-controller';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';
import { openAndWait, tempPaths, withApp } from '../../support/app-in-process';
import { realModel } from '../../support/fixtures';

const ROOM_IDS = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'ids', 'room-data.ids');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-check-ui-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  qtRuntime().stop();
});

describe('Tools → Check requirements…', () => {
  test('lists the 12 unnumbered rooms, marks them, filters, goes to a room, and remembers the IDS for the model', async () => {
    const paths = tempPaths();
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('MultiZoneBuilding.ifc'));
      const enabledBefore = app.commands.isEnabled('checkRequirements');
      const rememberedBefore = app.check.lastIdsForModel();
      const done = once(app.check.onDidFinish);
      app.check.checkWith(ROOM_IDS);
      const cancellable = app.commands.isEnabled('cancel');
      const outcome: CheckOutcome = await done;
      await app.whenIdle();
      const status = app.window.status.text;
      const dialog = app.check.dialog!;
      const spaces = app.session!.spaces;
      const marks = Object.fromEntries(spaces.map((s) => [s.longName, app.window.spaces.marksText(s)]));
      const all = { count: dialog.countText, first: dialog.listed[0] };
      dialog.setFilter('kitchen');
      const filtered = dialog.listed;
      dialog.selectRow(0);
      dialog.choose();
      const selected = spaces[app.window.spaces.selectedSpaceIndex()]?.longName;
      return { enabledBefore, rememberedBefore, cancellable, kind: outcome.kind, marks, all, filtered, selected, status, remembered: app.check.lastIdsForModel() };
    }, paths);
    expect(seen.enabledBefore).toBe(true);
    expect(seen.rememberedBefore).toBeUndefined();
    expect(seen.cancellable).toBe(true);
    expect(seen.kind).toBe('checked');
    expect(Object.values(seen.marks).filter((m) => m === '✗')).toHaveLength(12);
    expect(seen.marks.Meetingroom).toBe('');
    expect(seen.all).toEqual({ count: '12 rows', first: ['fail', 'Every room has a number', 'IFCSPACE WC_D_11', 'has no value for attribute Name'] });
    expect(seen.filtered).toEqual([['fail', 'Every room has a number', 'IFCSPACE Kitchen_13', 'has no value for attribute Name']]);
    expect(seen.selected).toBe('Kitchen_13');
    expect(seen.status).toBe('Checked against room-data.ids: 1 of 4 specifications fail, 12 entities');
    expect(seen.remembered).toBe(ROOM_IDS);
    // The next time the same model is open, the same IDS is offered again.
    const again = await withApp(async (app) => {
      await openAndWait(app, realModel('MultiZoneBuilding.ifc'));
      return app.check.lastIdsForModel();
    }, paths);
    expect(again).toBe(ROOM_IDS);
  });

  test('an invalid IDS is refused with its reason, and nothing is marked', async () => {
    const bad = path.join(tmp, 'rabbit.ids');
    fs.writeFileSync(bad, fs.readFileSync(ROOM_IDS, 'utf8').replace('<simpleValue>IFCBUILDINGSTOREY</simpleValue>', '<simpleValue>IFCRABBIT</simpleValue>'));
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('TwoZones.ifc'));
      const done = once(app.check.onDidFinish);
      app.check.checkWith(bad);
      const outcome = await done;
      return { outcome, error: app.openDialog?.heading, marks: app.session!.spaces.map((s) => app.window.spaces.marksText(s)).join(''), dialog: app.check.dialog !== undefined };
    });
    expect(seen.outcome).toMatchObject({ kind: 'failed', error: { code: 'ids-invalid' } });
    expect(seen.error).toBe('"rabbit.ids" is not a valid IDS 1.0 file: specification "Rooms are in a storey": IFCRABBIT is not an IFC entity.');
    expect(seen.marks).toBe('');
    expect(seen.dialog).toBe(false);
  });

  test('Cancel while the check runs: nothing is listed and the app is ready again', async () => {
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('RooftopBuilding4ZonesThin.ifc'));
      const done = once(app.check.onDidFinish);
      app.check.checkWith(ROOM_IDS);
      await app.cancel();
      const outcome = await done;
      return { kind: outcome.kind, running: app.check.isRunning, dialog: app.check.dialog !== undefined, enabled: app.commands.isEnabled('checkRequirements') };
    });
    expect(seen).toEqual({ kind: 'cancelled', running: false, dialog: false, enabled: true });
  });
});
