import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readAnnotationsOption } from '../../src/cli/annotations-option';
import { annotationsFromJSON, annotationsToJSON } from '../../src/core/schedule/annotation-json';
import { OperationError } from '../../src/core/operations/operation-error';

describe('--annotations reads the user\'s notes', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-notes-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('from a hand-written file, the app\'s saved notes file, or a previous JSON export', () => {
    const notes = { spaces: { '3xacnLfsM_HPgGHIRuWpMI': 'Büro' }, boundaries: { '#412': 'no GlobalId' } };
    const read = (value: unknown) => annotationsToJSON(annotationsFromJSON(value));
    expect(read(notes)).toEqual(notes);
    expect(read({ format: 'ifc-room-schedule/annotations', version: 1, model: { name: 'x.ifc', sha256: 'ab' }, annotations: notes })).toEqual(notes);
    expect(read({ $schema: 'urn:…', spaces: [{}], annotations: notes })).toEqual(notes);
    expect(read({ spaces: { a: 'only spaces' } })).toEqual({ spaces: { a: 'only spaces' }, boundaries: {} });
  });

  it('refuses a file it cannot use with a message naming the file and what it should hold', () => {
    const file = path.join(dir, 'notes.json');
    fs.writeFileSync(file, '{"spaces": {"a": 12}}');
    const e = (() => {
      try {
        readAnnotationsOption(file);
      } catch (error) {
        return error as OperationError;
      }
      throw new Error('expected an error');
    })();
    expect(e.message).toBe('The annotations file “notes.json” cannot be used: the note for "a" in "spaces" is not text.');
    expect(e.suggestion).toMatch(/\{"spaces": \{"<GlobalId>": "note"\}/);
    fs.writeFileSync(file, '[1, 2]');
    expect(() => readAnnotationsOption(file)).toThrow('cannot be used: the file holds no JSON object');
    fs.writeFileSync(file, '{"rooms": {}}');
    expect(() => readAnnotationsOption(file)).toThrow(/neither "spaces" nor "boundaries"/);
    fs.writeFileSync(file, 'not json');
    expect(() => readAnnotationsOption(file)).toThrow(/cannot be used: Unexpected token/);
    expect(() => readAnnotationsOption(path.join(dir, 'missing.json'))).toThrow('Could not read the annotations file “missing.json”: it does not exist.');
  });

  it('accepts a UTF-8 byte-order mark (Notepad writes one)', () => {
    const file = path.join(dir, 'bom.json');
    fs.writeFileSync(file, '\uFEFF{"spaces": {"a": "é"}}');
    expect(annotationsToJSON(readAnnotationsOption(file))).toEqual({ spaces: { a: 'é' }, boundaries: {} });
  });
});
