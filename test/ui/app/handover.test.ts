// A coordinator hands the schedule over: exports it from the dialog (the folder is remembered and
// the status bar offers the file), writes the notes into a copy of the model, and takes back notes
// a colleague edited in the exported CSV, after seeing what changes. Nothing is left behind.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import * as fs from 'fs';
import * as path from 'path';
import { once } from '../../../src/core/lifecycle';
import { annotationKey } from '../../../src/core/schedule/model';
import { extractScheduleFromFile } from '../../../src/ifc/extract';
import { NOTES_PSET } from '../../../src/ifc/annotated-copy';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';
import { openAndWait, tempPaths, withApp } from '../../support/app-in-process';
import { realModel } from '../../support/fixtures';

afterAll(() => qtRuntime().stop());

test('export from the dialog, save an annotated IFC, import notes edited in the CSV', async () => {
  const paths = tempPaths();
  const out = path.join(paths.temp, 'handover');
  fs.mkdirSync(out, { recursive: true });
  const outcome = await withApp(async (app) => {
    await openAndWait(app, realModel('TwoZones.ifc'));
    const [first, second] = app.session!.spaces;
    app.session!.annotations.set('spaces', annotationKey(first), 'Heizkörper fehlt');

    // The CSV "for Excel": a byte-order mark by default, the template's columns.
    const dialog = app.exporter.showDialog('csv')!;
    expect(dialog.choice.csv).toEqual({ bom: true, separator: ',' });
    expect(dialog.choice.template.name).toBe('Room schedule');
    dialog.setPath(path.join(out, 'rooms.csv'));
    const exported = once(app.exporter.onDidFinish);
    dialog.accept();
    const result = await exported;
    const roomsCsv = path.join(out, 'rooms.rooms.csv');
    expect(result).toEqual({ files: [roomsCsv, path.join(out, 'rooms.boundaries.csv')] });
    expect(app.exporter.results.shownFiles[0]).toBe(roomsCsv);
    expect(app.settings.get().exportFolder).toBe(out);
    // The next export is proposed in the same folder.
    const again = app.exporter.showDialog('pdf')!;
    expect(path.dirname(again.choice.outPath)).toBe(out);
    again.dialog.close();

    // The notes go into a copy of the model.
    const written = await app.notes.saveAnnotated(path.join(out, 'TwoZones-annotated.ifc'));
    expect(written).toMatchObject({ rooms: 1, surfaces: 0, unmatched: 0 });

    // A colleague edits the CSV: changes the note of the first room, writes one for the second.
    const text = fs.readFileSync(roomsCsv, 'utf8').replace(/^\uFEFF/, '');
    const rows = parse(text) as string[][];
    const id = rows[0].indexOf('GlobalId');
    const note = rows[0].indexOf('Notes');
    for (const r of rows.slice(1)) {
      if (r[id] === first.globalId) r[note] = 'Heizkörper fehlt, bestellt';
      if (r[id] === second.globalId) r[note] = 'Fenster klemmt';
    }
    fs.writeFileSync(roomsCsv, `\uFEFF${stringify(rows)}`);
    const plan = await app.notes.previewImport(roomsCsv);
    expect(plan!.changes.map((c) => [c.kind, c.key, c.after])).toEqual([
      ['changed', annotationKey(first), 'Heizkörper fehlt, bestellt'],
      ['added', annotationKey(second), 'Fenster klemmt'],
    ]);
    // Nothing changes before Apply.
    expect(app.session!.annotations.get('spaces', annotationKey(second))).toBe('');
    app.notes.previewDialog!.press('apply');
    return {
      firstNote: app.session!.annotations.get('spaces', annotationKey(first)),
      secondNote: app.session!.annotations.get('spaces', annotationKey(second)),
      status: app.window.status.text,
      firstId: first.globalId,
    };
  }, paths);
  expect(outcome.firstNote).toBe('Heizkörper fehlt, bestellt');
  expect(outcome.secondNote).toBe('Fenster klemmt');
  expect(outcome.status).toContain('Imported notes: 1 added, 1 changed, 0 cleared');
  const copy = await extractScheduleFromFile(path.join(out, 'TwoZones-annotated.ifc'));
  const set = copy.spaces.find((s) => s.globalId === outcome.firstId)!.propertySets.find((p) => p.name === NOTES_PSET)!;
  expect(set.properties[0].value).toBe('Heizkörper fehlt');
});
