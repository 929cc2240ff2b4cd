// What the window says and offers after each way a load can end, and while two operations run at
// once. Every story asserts the heading, the status bar and the buttons the user sees, and ends
// with Verify finding nothing retained, no undisposed roots and no orphans.
import * as fs from 'fs';
import * as path from 'path';
import { once } from '../../../src/core/lifecycle';
import type { AppController } from '../../../src/ui/app/app-controller';
import { openAndWait, tempPaths, withApp } from '../../support/app-in-process';
import { FIXTURES, realModel } from '../../support/fixtures';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';

afterAll(() => qtRuntime().stop());

/** What the user sees: the heading, the status bar and whether Cancel/Close/Export can be pressed. */
function screen(app: AppController) {
  const s = app.screenState();
  return { heading: s.heading, status: s.status, busy: s.busy, cancel: s.enabled.cancel, close: s.enabled.close, export: s.enabled.export, state: s.state };
}

async function verifyClean(app: AppController) {
  await app.whenIdle();
  const v = await app.monitor.verify();
  return { retained: v.retained, undisposed: v.undisposed, orphans: v.orphans, findings: v.findings };
}

const CLEAN = { retained: 0, undisposed: 0, orphans: 0, findings: [] };

test('opening OneZone.ifc and closing it leaves nothing of the model behind: Verify finds nothing retained, and the window reads "No model open"', async () => {
  const seen = await withApp(async (app) => {
    await openAndWait(app, realModel('OneZone.ifc'));
    await app.whenIdle();
    const closed = app.commands.run('close');
    return { closed, screen: screen(app), verification: await verifyClean(app) };
  });
  expect(seen.closed).toBe(true);
  expect(seen.screen).toEqual({ heading: 'No model open', status: 'Model closed', busy: false, cancel: false, close: false, export: false, state: 'empty' });
  expect(seen.verification).toEqual(CLEAN);
});

test('after Cancel the heading no longer reads "Reading …": it says the open was cancelled, and Cancel is off', async () => {
  const seen = await withApp(async (app) => {
    const progressed = once(app.loader.onDidProgress);
    app.open(realModel('MultiZoneBuilding.ifc'));
    await progressed;
    const loading = screen(app);
    await app.cancel();
    return { loading, after: screen(app), subtitle: app.presenter.heading().subtitle, verification: await verifyClean(app) };
  });
  expect(seen.loading).toMatchObject({ heading: 'Reading MultiZoneBuilding.ifc…', busy: true, cancel: true, close: true, state: 'loading' });
  expect(seen.after).toEqual({ heading: 'No model open', status: 'Opening MultiZoneBuilding.ifc was cancelled', busy: false, cancel: false, close: false, export: false, state: 'empty' });
  expect(seen.subtitle).toMatch(/^Opening MultiZoneBuilding\.ifc was cancelled\. File → Open…/);
  expect(seen.verification).toEqual(CLEAN);
});

test('after a failed open the heading says which file could not be opened and why; nothing runs', async () => {
  const seen = await withApp(async (app) => {
    const outcome = await openAndWait(app, path.join(FIXTURES, 'malformed', 'syn_empty_0_bytes.ifc'));
    app.openDialog?.press('ok');
    return { kind: outcome.kind, after: screen(app), subtitle: app.presenter.heading().subtitle, verification: await verifyClean(app) };
  });
  expect(seen.kind).toBe('failed');
  expect(seen.after).toEqual({ heading: 'Could not open syn_empty_0_bytes.ifc', status: 'Could not open syn_empty_0_bytes.ifc', busy: false, cancel: false, close: false, export: false, state: 'empty' });
  expect(seen.subtitle).toMatch(/empty/i);
  expect(seen.verification).toEqual(CLEAN);
});

test('opening a model while an export runs: when the export ends, the load keeps its progress and Cancel; when the load ends, its summary shows', async () => {
  const paths = tempPaths();
  const seen = await withApp(async (app) => {
    await openAndWait(app, realModel('OneZone.ifc'));
    await app.whenIdle();
    fs.mkdirSync(paths.temp, { recursive: true });
    const dialog = app.exporter.showDialog('json')!;
    dialog.setPath(path.join(paths.temp, 'one-zone.json'));
    const exported = once(app.exporter.onDidFinish);
    dialog.accept();
    const loaded = once(app.onDidFinishLoad);
    app.open(realModel('MultiZoneBuilding.ifc'));
    const both = screen(app);
    const exportResult = await exported;
    const afterExport = { ...screen(app), loading: app.loader.isLoading };
    await loaded;
    return { both, exportOk: 'files' in exportResult, afterExport, afterLoad: screen(app), verification: await verifyClean(app) };
  }, paths);
  expect(seen.exportOk).toBe(true);
  expect(seen.both).toMatchObject({ busy: true, cancel: true, state: 'loading' });
  expect(seen.both.status).toMatch(/Exporting JSON to one-zone\.json…|Reading MultiZoneBuilding\.ifc…/);
  // The export ended first (OneZone's JSON is written long before MultiZoneBuilding is read):
  expect(seen.afterExport.loading).toBe(true);
  expect(seen.afterExport).toMatchObject({ busy: true, cancel: true, state: 'loading' });
  expect(seen.afterExport.status).not.toMatch(/Exported/);
  expect(seen.afterLoad).toMatchObject({ busy: false, cancel: false, close: true, export: true, state: 'ready' });
  expect(seen.afterLoad.status).toMatch(/MultiZoneBuilding\.ifc: 13 rooms/);
  expect(seen.verification).toEqual(CLEAN);
});

test('Export → Cancel: the export stops, no file is written, the model stays open and Export can be pressed again', async () => {
  const paths = tempPaths();
  const out = path.join(paths.temp, 'cancelled.xlsx');
  const seen = await withApp(async (app) => {
    await openAndWait(app, realModel('OneZone.ifc'));
    await app.whenIdle();
    const heading = app.window.details.heading;
    fs.mkdirSync(paths.temp, { recursive: true });
    const dialog = app.exporter.showDialog('xlsx')!;
    dialog.setPath(out);
    const finished = once(app.exporter.onDidFinish);
    dialog.accept();
    const exporting = screen(app);
    const cancelled = app.commands.run('cancel');
    const outcome = await finished;
    const after = screen(app);
    return { heading, exporting, cancelled, outcome, after, verification: await verifyClean(app) };
  }, paths);
  expect(seen.exporting).toMatchObject({ busy: true, cancel: true, export: false, state: 'ready' });
  expect(seen.exporting.status).toMatch(/^Exporting Excel to cancelled\.xlsx/);
  expect(seen.cancelled).toBe(true);
  expect(seen.outcome).toEqual({ cancelled: true });
  expect(seen.after).toEqual({ heading: seen.heading, status: 'Export cancelled; no file was written', busy: false, cancel: false, close: true, export: true, state: 'ready' });
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(paths.temp).filter((f) => f.includes('cancelled'))).toEqual([]);
  expect(seen.verification).toEqual(CLEAN);
});

test('Refresh → Cancel: the model read before stays open with its rooms, and the status says the new read was cancelled', async () => {
  const seen = await withApp(async (app) => {
    await openAndWait(app, realModel('MultiZoneBuilding.ifc'));
    const justLoaded = app.window.details.heading; // before the first room's selection, a turn later
    await app.whenIdle();
    const order = app.window.spaces.visibleSpaceIndexes();
    app.selectSpace(order[1]);
    const rooms = order.length;
    const heading = app.window.details.heading;
    const progressed = once(app.loader.onDidProgress);
    const refreshed = app.commands.run('refresh');
    await progressed;
    const reading = screen(app);
    const cancelled = app.commands.run('cancel');
    return { justLoaded, rooms, heading, refreshed, reading, cancelled, after: screen(app), roomsAfter: app.window.spaces.visibleSpaceIndexes().length, verification: await verifyClean(app) };
  });
  // Between the load's end and the first room's selection, the heading names the model, not "Reading …".
  expect(seen.justLoaded).toBe('MultiZoneBuilding.ifc');
  expect(seen.refreshed).toBe(true);
  expect(seen.reading).toMatchObject({ heading: seen.heading, busy: true, cancel: true, export: false, state: 'loading' });
  expect(seen.cancelled).toBe(true);
  expect(seen.after).toEqual({ heading: seen.heading, status: 'Opening MultiZoneBuilding.ifc was cancelled', busy: false, cancel: false, close: true, export: true, state: 'ready' });
  expect(seen.roomsAfter).toBe(seen.rooms);
  expect(seen.verification).toEqual(CLEAN);
});

test('a session that opens every dialog and closes the model: Verify finds nothing, and the Diagnostics findings list is empty', async () => {
  const seen = await withApp(async (app) => {
    await openAndWait(app, realModel('TwoZones.ifc'));
    await app.whenIdle();
    for (const id of ['goto', 'export', 'validate', 'guide', 'about', 'diagnostics'] as const) expect(app.commands.run(id)).toBe(true);
    app.commands.run('close');
    await app.whenIdle();
    const dialog = app.diagnostics.dialog!;
    await app.monitor.verify();
    dialog.refresh();
    return { findings: dialog.findingCount, verification: await verifyClean(app), screen: screen(app) };
  });
  expect(seen.findings).toBe(0);
  expect(seen.verification).toEqual(CLEAN);
  expect(seen.screen).toMatchObject({ heading: 'No model open', status: 'Model closed', busy: false, cancel: false });
});
