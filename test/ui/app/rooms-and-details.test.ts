// A BIM coordinator opens a real model, walks through its rooms and reads their boundaries. Every
// story ends with the app disposed and proven to leave nothing behind (withApp).
import * as path from 'path';
import { realModel, manifestRow, FIXTURES } from '../../support/fixtures';
import { openAndWait, withApp } from '../../support/app-in-process';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';
import { once } from '../../../src/core/lifecycle';

afterAll(() => qtRuntime().stop());

describe('rooms and their details', () => {
  test('opening MultiZoneBuilding.ifc lists its 13 rooms; each room shows its own boundaries, 126 in all', async () => {
    const row = manifestRow('MultiZoneBuilding.ifc');
    const seen = await withApp(async (app) => {
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
      const status = app.window.status.text;
      return { status, kind: outcome.kind, state: app.state, title: app.window.window.windowTitle(), rooms: order.length, perRoom, expected, stepped, afterStep: app.window.spaces.selectedSpaceIndex(), second: order[1] };
    });
    expect(seen.kind).toBe('loaded');
    expect(seen.state).toBe('ready');
    expect(seen.title).toBe('MultiZoneBuilding.ifc — IFC Room Schedule');
    expect(seen.rooms).toBe(row.spaces);
    expect(seen.perRoom).toEqual(seen.expected);
    expect(seen.perRoom.reduce((a, b) => a + b, 0)).toBe(row.boundaries);
    expect(seen.stepped).toBe(true);
    expect(seen.afterStep).toBe(seen.second);
    // The position is the list's, which Next walked: the second of 13.
    expect(seen.status).toMatch(/^Corridor_10 · 2 of 13   —   MultiZoneBuilding\.ifc: 13 rooms/);
  });

  test('typing a room number in the filter narrows the list, and Enter selects the match', async () => {
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('SWW-5_SB.ifc'));
      const all = app.window.spaces.visibleSpaceIndexes().length;
      const target = app.session!.spaces[app.window.spaces.visibleSpaceIndexes()[3]];
      app.window.spaces.setFilterText(target.name!.trim());
      const shown = app.window.spaces.visibleSpaceIndexes().length;
      app.window.spaces.selectFirstMatch();
      const selected = app.session!.spaces[app.window.spaces.selectedSpaceIndex()];
      return { all, shown, selected: selected.globalId, target: target.globalId };
    });
    expect(seen.all).toBe(manifestRow('SWW-5_SB.ifc').spaces);
    expect(seen.shown).toBeGreaterThanOrEqual(1);
    expect(seen.shown).toBeLessThan(seen.all);
    expect(seen.selected).toBe(seen.target);
  });

  test('Go to space (Ctrl+G): typing part of a number offers the best matches, Enter goes to the first, ↓ to the next; the list keeps its filter unless it hides that room', async () => {
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('SWW-5_SB.ifc'));
      const numberOf = (i: number) => app.session!.spaces[i].name!.trim();
      app.window.spaces.setFilterText('office');
      expect(app.commands.run('goto')).toBe(true);
      const dialog = app.goToSpace.dialog!;
      const opened = { visible: dialog.dialog.isVisible(), count: dialog.countText };
      dialog.setQuery('01');
      const offered = dialog.listed.map(numberOf);
      const count = dialog.countText;
      dialog.choose();
      const first = { selected: numberOf(app.window.spaces.selectedSpaceIndex()), visible: dialog.dialog.isVisible(), heading: app.window.details.heading, filter: app.window.spaces.filterText };
      // Again, this time one step down the list of matches, with the list filtered to another room.
      app.window.spaces.setFilterText('005');
      app.commands.run('goto');
      dialog.setQuery('01');
      dialog.moveHighlight(1);
      dialog.choose();
      const second = { selected: numberOf(app.window.spaces.selectedSpaceIndex()), filter: app.window.spaces.filterText, rows: app.window.spaces.visibleSpaceIndexes().length };
      dialog.setQuery('nothing like this');
      const none = { count: dialog.countText, chose: dialog.choose() };
      return { opened, offered, count, first, second, none };
    });
    expect(seen.opened).toEqual({ visible: true, count: '9 rooms: type to narrow' });
    expect(seen.offered).toEqual(['010', '011', '012', '001']);
    expect(seen.count).toBe('4 matches');
    expect(seen.first.selected).toBe('010');
    expect(seen.first.visible).toBe(false);
    expect(seen.first.heading).toContain('010');
    expect(seen.first.filter).toBe('office');
    // 011 was hidden by the filter "005": the filter was cleared so the room could be shown.
    expect(seen.second).toEqual({ selected: '011', filter: '', rows: 9 });
    expect(seen.none).toEqual({ count: 'No room matches “nothing like this”', chose: false });
  });

  test('dropping two models on the window opens the first and says so; dropping a folder explains itself and changes nothing', async () => {
    const seen = await withApp(async (app) => {
      const { chooseDroppedModel } = await import('../../../src/ui/main-window/dropped-files');
      await openAndWait(app, realModel('OneZone.ifc'));
      app.openDropped(chooseDroppedModel([path.join(FIXTURES, 'real')]));
      const afterFolder = { status: app.window.status.text, title: app.window.window.windowTitle(), state: app.state };
      const loaded = once(app.onDidFinishLoad);
      app.openDropped(chooseDroppedModel([realModel('TwoZones.ifc'), realModel('MultiZoneBuilding.ifc')]));
      const whileLoading = app.window.status.text;
      await loaded;
      return { afterFolder, whileLoading, title: app.window.window.windowTitle(), rooms: app.window.spaces.visibleSpaceIndexes().length };
    });
    expect(seen.afterFolder).toEqual({ status: '“real” is a folder: drop an .ifc or .ifczip file from it.', title: 'OneZone.ifc — IFC Room Schedule', state: 'ready' });
    expect(seen.whileLoading).toBe('2 models were dropped; opening TwoZones.ifc (one model at a time).');
    expect(seen.title).toBe('TwoZones.ifc — IFC Room Schedule');
    expect(seen.rooms).toBe(manifestRow('TwoZones.ifc').spaces);
  });

  test('the properties tab says where each quantity comes from, and relationships are listed under their kind', async () => {
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('LargeBuilding.ifc'));
      app.selectSpace(app.window.spaces.visibleSpaceIndexes()[0]);
      const props = app.window.details.properties.table.text();
      const rels = app.window.details.relationships.table.text();
      return { props, rels };
    });
    // Revit's BaseQuantities: read from the file, and labelled so.
    expect(seen.props.some((r) => r[0] === 'GrossFloorArea' && r[2] === 'file (BaseQuantities)')).toBe(true);
    expect(seen.rels[0]).toHaveLength(1); // a section row: "Part of (1)", "Contains (n)", …
    expect(seen.rels.some((r) => r.length === 4 && r[0].startsWith('Ifc'))).toBe(true);
  });

  test('a model without rooms says so instead of showing empty panes', async () => {
    const seen = await withApp(async (app) => {
      const outcome = await openAndWait(app, path.join(FIXTURES, 'malformed', 'syn_header_only_no_entities.ifc'));
      return { kind: outcome.kind, rooms: app.window.spaces.visibleSpaceIndexes().length, state: app.state, status: app.window.status.text };
    });
    expect(['loaded', 'failed']).toContain(seen.kind);
    expect(seen.rooms).toBe(0);
    expect(seen.state).not.toBe('loading');
    expect(seen.status).toMatch(/0 rooms|Could not open/);
  });
});
