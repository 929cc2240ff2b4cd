// The plan beside the room list, in the real app: a click on a room selects it in the list and the
// details; a room chosen in the list is outlined on the plan, its storey brought up; the Plan tab
// and colour key are remembered for the next start; File → Export plan writes the storey shown.
import * as fs from 'fs';
import * as path from 'path';
import { toScreen } from '../../../src/core/plan/plan-view';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';
import { openAndWait, tempPaths, withApp } from '../../support/app-in-process';
import { realModel } from '../../support/fixtures';

afterAll(() => qtRuntime().stop());

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('the Plan view in the app', () => {
  test('SWW-5_SB: a click on a room on the plan selects it in the list and the details; the list selecting a room upstairs brings that storey', async () => {
    const paths = tempPaths();
    const seen = await withApp(async (app) => {
      await openAndWait(app, realModel('SWW-5_SB.ifc'));
      app.plan.show();
      await settle();
      const panel = app.plan.panel;
      const canvas = panel.canvas;
      const storeys = panel.storeyList.map((s) => `${s.label}: ${s.spaceIndexes.length}`);
      const drawn = canvas.currentScene!.rooms.length;
      // A click on the third room drawn, at its label point.
      const target = canvas.currentScene!.rooms[2];
      canvas.clickAt(...toScreen(canvas.currentView!, target.labelAt[0], target.labelAt[1]));
      const afterClick = { list: app.window.spaces.selectedSpaceIndex(), heading: app.window.details.heading, tab: app.window.details.currentTab() };
      // The list picks a room on the other storey.
      const upstairs = app.session!.spaces.findIndex((s) => s.storey?.elevation === 4);
      app.selectSpace(upstairs);
      const afterList = { storey: panel.currentStorey!.label, selected: panel.selectedSpaceIndex, drawn: canvas.currentScene!.rooms.map((r) => r.spaceIndex) };
      const file = path.join(paths.data, 'upstairs.svg');
      const written = await app.plan.exportTo(file);
      const svg = written ? fs.readFileSync(file, 'utf8') : '';
      panel.setColourKey('area');
      return { storeys, drawn, target: target.spaceIndex, targetName: target.number, afterClick, upstairs, afterList, svgRooms: (svg.match(/<path class="room"/g) ?? []).length, selectionInSvg: svg.includes('id="selection"') };
    }, paths);
    expect(seen.storeys).toEqual(['Ground Floor: 4', 'Unnamed storey at 4.00 m: 5']);
    expect(seen.drawn).toBe(4);
    expect(seen.afterClick.list).toBe(seen.target);
    expect(seen.afterClick.heading.startsWith(seen.targetName)).toBe(true);
    expect(seen.afterClick.tab).toBe('plan');
    expect(seen.afterList.storey).toBe('Unnamed storey at 4.00 m');
    expect(seen.afterList.selected).toBe(seen.upstairs);
    expect(seen.afterList.drawn).toContain(seen.upstairs);
    expect(seen.svgRooms).toBe(5);
    expect(seen.selectionInSvg).toBe(true);
    // Kept for the next start: the Plan tab was open, coloured by area.
    const settings = JSON.parse(fs.readFileSync(path.join(paths.config, 'settings.json'), 'utf8'));
    expect(settings.plan).toEqual({ open: true, colourBy: 'area' });
    const reopened = await withApp(async (app) => {
      await openAndWait(app, realModel('SWW-5_SB.ifc'));
      return { tab: app.window.details.currentTab(), colourBy: app.plan.panel.colourBy };
    }, paths);
    expect(reopened).toEqual({ tab: 'plan', colourBy: 'area' });
  });
});
