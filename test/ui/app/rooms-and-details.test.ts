// A BIM coordinator opens a real model, walks through its rooms and reads their boundaries.
import * as path from 'path';
import { realModel, manifestRow, FIXTURES } from '../../support/fixtures';
import { createApp, openAndWait, tempPaths } from '../../support/app-in-process';
import { startLeakCheck, describeLeaks } from '../../support/leak-check';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';

afterAll(() => qtRuntime().stop());

describe('rooms and their details', () => {
  test('opening MultiZoneBuilding.ifc lists its 13 rooms; each room shows its own boundaries, 126 in all; nothing is left behind', async () => {
    const leaks = startLeakCheck();
    const row = manifestRow('MultiZoneBuilding.ifc');
    // The app lives only inside this function, so that after dispose nothing but leaks can hold it.
    const seen = await (async () => {
      const app = createApp();
      const outcome = await openAndWait(app, realModel('MultiZoneBuilding.ifc'));
      const order = app.window.spaces.visibleSpaceIndexes();
      const perRoom: number[] = [];
      const expected: number[] = [];
      for (const i of order) {
        app.selectSpace(i);
        perRoom.push(app.window.details.boundaries.rowCount);
        expected.push(app.session!.spaces[i].boundaries.length);
      }
      app.selectSpace(order[0]);
      const stepped = app.commands.run('next');
      const result = { kind: outcome.kind, state: app.state, title: app.window.window.windowTitle(), rooms: order.length, perRoom, expected, stepped, afterStep: app.window.spaces.selectedSpaceIndex(), second: order[1] };
      app.dispose();
      return result;
    })();
    expect(seen.kind).toBe('loaded');
    expect(seen.state).toBe('ready');
    expect(seen.title).toBe('MultiZoneBuilding.ifc — IFC Room Schedule');
    expect(seen.rooms).toBe(row.spaces);
    expect(seen.perRoom).toEqual(seen.expected);
    expect(seen.perRoom.reduce((a, b) => a + b, 0)).toBe(row.boundaries);
    expect(seen.stepped).toBe(true);
    expect(seen.afterStep).toBe(seen.second);
    expect(describeLeaks(await leaks.check())).toBe('');
  });

  test('the filter narrows the list and the count line says how many of the rooms are shown', async () => {
    const app = createApp();
    await openAndWait(app, realModel('SWW-5_SB.ifc'));
    const all = app.window.spaces.visibleSpaceIndexes().length;
    expect(all).toBe(manifestRow('SWW-5_SB.ifc').spaces);
    const first = app.session!.spaces[app.window.spaces.visibleSpaceIndexes()[0]];
    app.window.spaces.setFilterText(first.name!.trim());
    const shown = app.window.spaces.visibleSpaceIndexes().length;
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(shown).toBeLessThan(all);
    app.dispose();
  });

  test('a model without rooms says so instead of showing empty panes', async () => {
    const app = createApp(tempPaths());
    const outcome = await openAndWait(app, path.join(FIXTURES, 'malformed', 'syn_header_only_no_entities.ifc'));
    expect(['loaded', 'failed']).toContain(outcome.kind);
    if (outcome.kind === 'loaded') expect(app.window.spaces.visibleSpaceIndexes()).toHaveLength(0);
    expect(app.state).not.toBe('loading');
    app.dispose();
  });
});
