// An energy engineer notes things on a room and on one of its surfaces; the notes come back after a
// restart of the app and ride along in the JSON export. Each run of the app leaves nothing behind.
import * as fs from 'fs';
import * as path from 'path';
import { once } from '../../../src/core/lifecycle';
import { annotationKey } from '../../../src/core/schedule/model';
import { openAndWait, tempPaths, withApp } from '../../support/app-in-process';
import { realModel } from '../../support/fixtures';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';

afterAll(() => qtRuntime().stop());

test('notes typed on a room and a surface survive a restart and appear in the JSON export', async () => {
  const paths = tempPaths();
  const model = realModel('TwoZones.ifc');
  const first = await withApp(async (app) => {
    await openAndWait(app, model);
    const spaceIndex = app.window.spaces.visibleSpaceIndexes()[0];
    app.selectSpace(spaceIndex);
    const space = app.session!.spaces[spaceIndex];
    app.window.details.notes.type('Radiator under the window is missing');
    app.window.details.boundaries.selectRow(0);
    app.window.details.boundaries.typeNote('Thermal bridge at the slab edge');
    return { spaceIndex, globalId: space.globalId, boundaryKey: annotationKey(space.boundaries[0]), marked: app.session!.isAnnotated(space) };
  }, paths); // disposing the app flushes pending notes
  expect(first.marked).toBe(true);

  fs.mkdirSync(paths.temp, { recursive: true });
  const out = path.join(paths.temp, 'export.json');
  const second = await withApp(async (app) => {
    await openAndWait(app, model);
    app.selectSpace(first.spaceIndex);
    const roomNote = app.window.details.notes.text;
    const surfaceNote = app.session!.annotations.get('boundaries', first.boundaryKey);
    const dialog = app.exporter.showDialog('json')!;
    dialog.setPath(out);
    const finished = once(app.exporter.onDidFinish);
    dialog.accept();
    const result = await finished;
    return { roomNote, surfaceNote, exported: 'files' in result };
  }, paths);
  expect(second.roomNote).toBe('Radiator under the window is missing');
  expect(second.surfaceNote).toBe('Thermal bridge at the slab edge');
  expect(second.exported).toBe(true);
  const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
  const exported = doc.spaces.find((s: { globalId: string }) => s.globalId === first.globalId);
  expect(exported.annotation).toBe('Radiator under the window is missing');
  expect(exported.boundaries[0].annotation).toBe('Thermal bridge at the slab edge');
});
