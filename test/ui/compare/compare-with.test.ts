// File → Compare with…: a coordinator has this week's LargeBuilding.ifc open and compares it with
// last week's, where room 8 did not exist yet and room 3 was larger. The changes are listed and can
// be filtered, the rooms are marked in the list, and a row leads to its room.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { once } from '../../../src/core/lifecycle';
import type { CompareOutcome } from '../../../src/ui/compare/compare-controller';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';
import { deleteEntity, editedCopy, withEdits } from '../../diff/edited-model';
import { openAndWait, withApp } from '../../support/app-in-process';
import { realModel } from '../../support/fixtures';

let tmp: string;
let lastWeek: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-compare-ui-'));
  lastWeek = editedCopy('LargeBuilding.ifc', tmp, 'LargeBuilding-last-week.ifc', (text) =>
    deleteEntity(withEdits({ replace: "#466= IFCQUANTITYAREA('NetFloorArea','area measured in geometry',$,33.18);", with: "#466= IFCQUANTITYAREA('NetFloorArea','area measured in geometry',$,35.5);" })(text), 962),
  );
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  qtRuntime().stop();
});

describe('File → Compare with…', () => {
  test('lists the added and the changed room, marks them in the room list, filters, and goes to a room', async () => {
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('LargeBuilding.ifc'));
      const enabledBefore = app.commands.isEnabled('compare');
      const done = once(app.compare.onDidFinish);
      app.compare.compareWith(lastWeek);
      const busyWhileReading = app.commands.isEnabled('cancel');
      const outcome: CompareOutcome = await done;
      await app.whenIdle();
      const status = app.window.status.text;
      const dialog = app.compare.dialog!;
      const spaces = app.session!.spaces;
      const marks = Object.fromEntries(spaces.map((s) => [s.name, app.window.spaces.marksText(s)]));
      const all = { listed: dialog.listed, count: dialog.countText };
      dialog.setFilter('', 'added');
      const added = dialog.listed;
      dialog.setFilter('netfloor');
      const byText = dialog.listed;
      dialog.selectRow(0);
      dialog.choose();
      const selected = spaces[app.window.spaces.selectedSpaceIndex()]?.name;
      return { enabledBefore, busyWhileReading, kind: outcome.kind, marks, all, added, byText, selected, status };
    });
    expect(seen.enabledBefore).toBe(true);
    expect(seen.busyWhileReading).toBe(true);
    expect(seen.kind).toBe('compared');
    expect(seen.marks).toEqual({ '1': '', '2': '', '3': 'Δ', '4': '', '5': '', '6': '', '7': '', '8': '+' });
    expect(seen.all).toEqual({
      listed: [
        ['added', '8', 'Room', '', '', ''],
        ['changed', '3', 'Room', 'NetFloorArea (quantity)', '35.5', '33.18'],
      ],
      count: '2 rows',
    });
    expect(seen.added).toEqual([['added', '8', 'Room', '', '', '']]);
    expect(seen.byText).toEqual([['changed', '3', 'Room', 'NetFloorArea (quantity)', '35.5', '33.18']]);
    expect(seen.selected).toBe('3');
    expect(seen.status).toBe('Compared with LargeBuilding-last-week.ifc: 1 added, 0 removed, 1 changed');
  });

  test('Cancel while the other model is read: nothing is compared and the app is ready again', async () => {
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('LargeBuilding.ifc'));
      const done = once(app.compare.onDidFinish);
      app.compare.compareWith(lastWeek);
      await app.cancel();
      const outcome = await done;
      return { kind: outcome.kind, running: app.compare.isRunning, dialog: app.compare.dialog !== undefined, marks: app.session!.spaces.map((s) => app.window.spaces.marksText(s)).join('') };
    });
    expect(seen).toEqual({ kind: 'cancelled', running: false, dialog: false, marks: '' });
  });

  test('a file that cannot be read is reported, and the open model stays as it was', async () => {
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('TwoZones.ifc'));
      const done = once(app.compare.onDidFinish);
      app.compare.compareWith(path.join(tmp, 'missing.ifc'));
      const outcome = await done;
      const error = app.openDialog?.heading;
      return { kind: outcome.kind, error, rooms: app.session?.spaces.length, title: app.window.window.windowTitle() };
    });
    expect(seen.kind).toBe('failed');
    expect(seen.error).toMatch(/^Could not compare with missing\.ifc: /);
    expect(seen.rooms).toBe(2);
    expect(seen.title).toBe('TwoZones.ifc — IFC Room Schedule');
  });
});
