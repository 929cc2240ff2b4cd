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
  return {
    heading: app.window.details.heading,
    status: app.window.status.text,
    busy: app.window.status.isBusy,
    cancel: app.commands.isEnabled('cancel'),
    close: app.commands.isEnabled('close'),
    export: app.commands.isEnabled('export'),
    state: app.state,
  };
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
