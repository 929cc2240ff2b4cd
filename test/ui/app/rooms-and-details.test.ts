// A BIM coordinator opens a real model, walks through its rooms and reads their boundaries.
import { realModel, manifestRow } from '../../support/fixtures';
import { createApp, openAndWait, tempPaths } from '../../support/app-in-process';
import { startLeakCheck, describeLeaks } from '../../support/leak-check';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';

afterAll(() => qtRuntime().stop());

describe('rooms and their details', () => {
  test('opening MultiZoneBuilding.ifc lists its 13 rooms; each room shows its own boundaries, 126 in all', async () => {
    const leaks = startLeakCheck();
    const app = createApp();
    const row = manifestRow('MultiZoneBuilding.ifc');
    const outcome = await openAndWait(app, realModel('MultiZoneBuilding.ifc'));
    expect(outcome.kind).toBe('loaded');
    expect(app.state).toBe('ready');
    expect(app.window.window.windowTitle()).toBe('MultiZoneBuilding.ifc — IFC Room Schedule');
    const order = app.window.spaces.visibleSpaceIndexes();
    expect(order.length).toBe(row.spaces);
    let total = 0;
    for (const i of order) {
      expect(app.selectSpace(i)).toBe(true);
      const space = app.session!.spaces[i];
      expect(app.window.details.boundaries.rowCount).toBe(space.boundaries.length);
      total += app.window.details.boundaries.rowCount;
    }
    expect(total).toBe(row.boundaries);
    // Keyboard-style navigation walks the list in display order.
    app.selectSpace(order[0]);
    expect(app.commands.run('next')).toBe(true);
    expect(app.window.spaces.selectedSpaceIndex()).toBe(order[1]);
    app.dispose();
    const found = await leaks.check();
    expect(describeLeaks(found)).toBe('');
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
    const outcome = await openAndWait(app, require('path').join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'ifc', 'malformed', 'syn_header_only_no_entities.ifc'));
    expect(['loaded', 'failed']).toContain(outcome.kind);
    if (outcome.kind === 'loaded') expect(app.window.spaces.visibleSpaceIndexes()).toHaveLength(0);
    expect(app.state).not.toBe('loading');
    app.dispose();
  });
});
