// Dragging files onto the window: the model among them opens; anything else gets a sentence that
// says why not, never a silent nothing.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chooseDroppedModel } from '../../../src/ui/main-window/dropped-files';
import { FIXTURES, realModel } from '../../support/fixtures';

describe('files dropped on the window', () => {
  test('one model opens; of several, the first model, with a note that only one opens', () => {
    expect(chooseDroppedModel([realModel('OneZone.ifc')])).toEqual({ file: realModel('OneZone.ifc') });
    const readme = path.join(FIXTURES, 'README.md');
    const zip = realModel('Schependomlaan_ROOT-houten_kozijnen.ifczip');
    expect(chooseDroppedModel([readme, zip])).toEqual({ file: zip });
    expect(chooseDroppedModel([readme, realModel('TwoZones.ifc'), realModel('OneZone.ifc')])).toEqual({
      file: realModel('TwoZones.ifc'),
      note: '2 models were dropped; opening TwoZones.ifc (one model at a time).',
    });
  });

  test('a folder, a document, a vanished file or a remote link each say why nothing opens', () => {
    expect(chooseDroppedModel([path.join(FIXTURES, 'real')])).toEqual({ error: '“real” is a folder: drop an .ifc or .ifczip file from it.' });
    expect(chooseDroppedModel([path.join(FIXTURES, 'README.md')])).toEqual({ error: '“README.md” is not an IFC model: drop an .ifc or .ifczip file.' });
    const gone = path.join(os.tmpdir(), 'ifc-rs-no-such-model.ifc');
    expect(chooseDroppedModel([gone])).toEqual({ error: '“ifc-rs-no-such-model.ifc” cannot be read (it may have been moved or deleted).' });
    // A link from a browser has no local file: Qt gives an empty path for it.
    expect(chooseDroppedModel([''])).toEqual({ error: 'Only files on this computer can be opened: drop an .ifc or .ifczip file.' });
    const docs = ['a.pdf', 'b.docx', 'c.txt'].map((n) => path.join(FIXTURES, n));
    expect(chooseDroppedModel(docs)).toEqual({ error: '“a.pdf”, “b.docx” and 1 more are not IFC models: drop an .ifc or .ifczip file.' });
  });
});
