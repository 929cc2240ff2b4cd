// A facility manager opens a model and does not wait for the whole schedule to see its rooms: they
// are listed as soon as the spaces are read, their areas marked as still being measured, and the
// complete rooms take their place when the model has been read — the room chosen meanwhile still
// chosen, the notes of an earlier session back on their rooms. Real models, the real worker.
import { once } from '../../../src/core/lifecycle';
import type { AppController } from '../../../src/ui/app/app-controller';
import type { RoomsShown } from '../../../src/ui/spaces/space-list-panel';
import { openAndWait, tempPaths, withApp } from '../../support/app-in-process';
import { manifestRow, realModel } from '../../support/fixtures';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';

afterAll(() => qtRuntime().stop());

/** What the window shows the moment the preview arrives, while the worker still reads boundaries and bodies. */
function whenPreviewArrives(app: AppController): Promise<{ state: string; hasSchedule: boolean; rows: string[][]; count: string; heading: string }> {
  return new Promise((resolve) => {
    const sub = app.loader.onDidPreview(() => {
      sub.dispose();
      resolve({ state: app.state, hasSchedule: app.session !== undefined, rows: app.window.spaces.text(), count: app.window.spaces.countText, heading: `${app.window.details.heading}\n${app.window.details.subheading}` });
    });
  });
}

const roomRows = (rows: string[][]) => rows.filter((r) => r.length === 3);

test('SWW-5_SB.ifc: its 9 rooms are listed before the schedule is complete, areas "measuring…", then replaced by the complete rooms; the room chosen meanwhile stays chosen', async () => {
  const rooms = manifestRow('SWW-5_SB.ifc').spaces!;
  const seen = await withApp(async (app) => {
    const shown: RoomsShown[] = [];
    let painted!: () => void;
    const completePainted = new Promise<void>((resolve) => (painted = resolve));
    const paints = app.window.spaces.onDidShowRooms((s) => {
      shown.push(s);
      if (s.complete) painted();
    });
    const loaded = once(app.onDidFinishLoad);
    const preview = whenPreviewArrives(app);
    app.open(realModel('SWW-5_SB.ifc'));
    const during = await preview;
    // The user clicks the third room of the preview: its names and storey show at once.
    const chosen = app.window.spaces.selectPreviewRow(2)!;
    const chosenHeading = `${app.window.details.heading}\n${app.window.details.subheading}`;
    const selectedAfterLoad = once(app.window.spaces.onDidSelectSpace);
    const outcome = await loaded;
    const after = { rows: app.window.spaces.text(), count: app.window.spaces.countText };
    await selectedAfterLoad;
    const selected = app.session!.spaces[app.window.spaces.selectedSpaceIndex()];
    const details = { heading: app.window.details.heading, boundaries: app.window.details.boundaries.rowCount };
    await completePainted;
    paints.dispose();
    return { during, chosen: { expressId: chosen.expressId, name: chosen.name }, chosenHeading, outcome: outcome.kind, after, selected: { expressId: selected.expressId, boundaries: selected.boundaries.length }, details, shown: shown.map((s) => ({ complete: s.complete, rooms: s.rooms })) };
  });
  expect(seen.during.state).toBe('loading');
  expect(seen.during.hasSchedule).toBe(false);
  const previewRooms = roomRows(seen.during.rows);
  expect(previewRooms).toHaveLength(rooms);
  // Not a 0 or a "—" a user could take for the room's area: every area says it is still coming.
  expect(previewRooms.map((r) => r[2])).toEqual(Array(rooms).fill('measuring…'));
  expect(seen.during.count).toBe(`${rooms} rooms · areas being measured…`);
  expect(seen.during.heading).toContain('Rooms are listed on the left as soon as they are read.');
  expect(seen.during.rows.filter((r) => r.length === 1).every((r) => r[0].endsWith('areas being measured…'))).toBe(true);
  expect(seen.chosenHeading).toContain(seen.chosen.name!.trim());
  expect(seen.chosenHeading).toContain('its quantities, boundaries and notes appear as soon as the model has been read');

  expect(seen.outcome).toBe('loaded');
  const completeRooms = roomRows(seen.after.rows);
  // The same rooms in the same places, now with their areas.
  expect(completeRooms.map((r) => r.slice(0, 2))).toEqual(previewRooms.map((r) => r.slice(0, 2)));
  expect(completeRooms.every((r) => /m²/.test(r[2]))).toBe(true);
  expect(seen.after.count).toMatch(new RegExp(`^${rooms} rooms · [\\d.]+ m² net floor area`));
  expect(seen.selected.expressId).toBe(seen.chosen.expressId);
  expect(seen.details.heading).toContain(seen.chosen.name!.trim());
  expect(seen.details.boundaries).toBe(seen.selected.boundaries);
  // The complete rooms reached the screen (the list painted them).
  expect(seen.shown[seen.shown.length - 1]).toEqual({ complete: true, rooms });
});

test('TwoZones.ifc: notes of an earlier session are not shown on the preview but are on the complete rooms; a cancel after the preview leaves an empty window', async () => {
  const paths = tempPaths();
  const model = realModel('TwoZones.ifc');
  const noted = await withApp(async (app) => {
    await openAndWait(app, model);
    const index = app.window.spaces.visibleSpaceIndexes()[1];
    app.selectSpace(index);
    app.window.details.notes.type('Check the radiator');
    return app.session!.spaces[index].name!.trim();
  }, paths);

  const reopened = await withApp(async (app) => {
    const loaded = once(app.onDidFinishLoad);
    const preview = whenPreviewArrives(app);
    app.open(model);
    const during = await preview;
    await loaded;
    return { during: roomRows(during.rows).map((r) => r[0]), after: roomRows(app.window.spaces.text()).map((r) => r[0]) };
  }, paths);
  expect(reopened.during).toContain(noted);
  expect(reopened.during.some((n) => n.includes('✎'))).toBe(false);
  expect(reopened.after).toContain(`✎ ${noted}`);

  const cancelled = await withApp(async (app) => {
    const preview = whenPreviewArrives(app);
    const ended = once(app.onDidFinishLoad);
    app.open(model);
    const during = await preview;
    await app.cancel();
    const outcome = await ended;
    return { listed: roomRows(during.rows).length, outcome: outcome.kind, rows: app.window.spaces.text().length, count: app.window.spaces.countText, state: app.state };
  }, paths);
  expect(cancelled.listed).toBe(manifestRow('TwoZones.ifc').spaces);
  expect(cancelled).toMatchObject({ outcome: 'cancelled', rows: 0, count: 'No model open', state: 'empty' });
});

test('a 25 MB model made of MultiZoneBuilding.ifc: scrolled down the preview without choosing a room, the list stays where the user was when the complete rooms arrive', async () => {
  const { generateLargeModel } = await import('../../../bench/model-generator');
  const model = await generateLargeModel({ sample: realModel('MultiZoneBuilding.ifc'), targetMb: 25 });
  const seen = await withApp(async (app) => {
    const loaded = once(app.onDidFinishLoad);
    const preview = whenPreviewArrives(app);
    const previewPainted = once(app.window.spaces.onDidShowRooms);
    app.open(model.path);
    const during = await preview;
    // The user sees the rooms, then scrolls down forty of them.
    await previewPainted;
    app.window.spaces.scrollTo(40 * 22);
    const scrolled = app.window.spaces.scrollPosition;
    const selected = once(app.window.spaces.onDidSelectSpace);
    await loaded;
    const first = await selected;
    return { listed: roomRows(during.rows).length, scrolled, after: app.window.spaces.scrollPosition, first, firstShown: app.window.spaces.visibleSpaceIndexes()[0], heading: app.window.details.heading };
  });
  expect(seen.listed).toBe(model.spaces);
  expect(seen.scrolled).toBeGreaterThan(0);
  expect(seen.after).toBe(seen.scrolled);
  // The first room is selected and its details shown, as after any load, without pulling the list back up.
  expect(seen.first).toBe(seen.firstShown);
  expect(seen.heading).not.toMatch(/^Reading/);
}, 120_000);

test('while the Open dialog is up the extraction thread starts, and the model chosen is read in it; a dialog closed without a choice ends it', async () => {
  const { resourceRegistry } = await import('../../../src/core/lifecycle');
  const prestartedThread = () => resourceRegistry.list('worker').find((w) => w.label.startsWith('prestarted'))?.detail?.threadId;
  const seen = await withApp(async (app) => {
    app.loader.prepare();
    const ahead = prestartedThread();
    const loaded = once(app.onDidFinishLoad);
    app.open(realModel('OneZone.ifc'));
    const readIn = app.runner.active()[0]?.threadId;
    const outcome = await loaded;
    // The dialog again, closed this time without a choice.
    app.loader.prepare();
    const second = prestartedThread();
    app.loader.unprepare();
    await waitUntil(() => resourceRegistry.list('worker').length === 0);
    return { ahead, readIn, outcome: outcome.kind, second, workersAfter: resourceRegistry.list('worker').length };
  });
  expect(seen.ahead).toEqual(expect.any(Number));
  expect(seen.readIn).toBe(seen.ahead);
  expect(seen.outcome).toBe('loaded');
  expect(seen.second).toEqual(expect.any(Number));
  expect(seen.second).not.toBe(seen.ahead);
  expect(seen.workersAfter).toBe(0);
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
