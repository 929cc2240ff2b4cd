// "Nothing the user wrote is lost": the notes of a model survive an unreadable file, a second
// window on the same model, failed saves, and rooms whose GlobalId is a JavaScript word.
// The module object itself, so a spy reaches the code under test.
import fs = require('fs');
import * as os from 'os';
import * as path from 'path';
import { CONFLICT_SEPARATOR } from '../../src/core/schedule/annotation-merge';
import { AnnotationSet } from '../../src/core/schedule/annotations';
import { annotationKey } from '../../src/core/schedule/model';
import { ExportSelection } from '../../src/export/export-selection';
import { roomScheduleDocument } from '../../src/export/json-export';
import { AnnotationAutosave } from '../../src/platform/annotation-autosave';
import { annotationFilePath, loadAnnotations } from '../../src/platform/annotation-file';
import { extracted } from '../ifc/support/extracted';

const SHA = 'cd'.repeat(32);
const MODEL = { name: 'TwoZones.ifc', sha256: SHA };

/** One app window with the model open: its notes and their autosave, as ModelSession makes them. */
function openWindow(dataDir: string, events: { problems?: string[]; merged?: number[] } = {}) {
  const loaded = loadAnnotations(dataDir, SHA);
  const set = new AnnotationSet(loaded.annotations);
  const autosave = new AnnotationAutosave(set, dataDir, MODEL, loaded, {
    delayMs: 3_600_000,
    onProblem: (e) => events.problems?.push(e.message),
    onMerged: (m) => events.merged?.push(m.changedForUs.length),
  });
  return {
    loaded,
    set,
    autosave,
    close() {
      autosave.dispose();
      set.dispose();
    },
  };
}

describe('the notes of a model', () => {
  let dataDir: string;
  let file: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-notes-'));
    file = annotationFilePath(dataDir, SHA);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function saveFirstNotes(): Buffer {
    const w = openWindow(dataDir);
    w.set.set('spaces', 'room-1', 'Carpet to be replaced');
    w.close();
    return fs.readFileSync(file);
  }

  it.each([
    ['a failing disk (EIO)', 'EIO', 'the disk reported an input/output error'],
    ['no permission (EACCES)', 'EACCES', 'you are not allowed to read it (permission denied)'],
  ])('an unreadable notes file, %s, is not taken for "no notes": the user is told and it is never saved over', (_, code, why) => {
    const saved = saveFirstNotes();
    // Root reads any file, so the kernel's refusal is stood in for at the one read of the notes file.
    const realRead = fs.readFileSync;
    jest.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, o?: never) => {
      if (p === file) throw Object.assign(new Error(`${code}: injected, open '${file}'`), { code });
      return realRead(p, o);
    }) as typeof fs.readFileSync);
    const w = openWindow(dataDir);
    expect(w.loaded.warning).toBe(`The saved notes for this model could not be read: ${why}. The file was left untouched, and new notes will not be saved over it; they are still included in exports.`);
    w.set.set('spaces', 'room-2', 'typed after the failed read');
    w.autosave.flush();
    w.close();
    jest.restoreAllMocks();
    expect(fs.readFileSync(file)).toEqual(saved);
  });

  it('a notes path that is a folder (unreadable for real, also as root) is not taken for "no notes" either', () => {
    fs.mkdirSync(file, { recursive: true });
    const w = openWindow(dataDir);
    expect(w.loaded.blocked).toBe('it is a folder, not a file');
    w.set.set('spaces', 'room-1', 'x');
    w.close();
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('two windows on one model: what each one saved is in the file, and a note both changed keeps both texts', () => {
    saveFirstNotes();
    const merged: number[] = [];
    const a = openWindow(dataDir);
    const b = openWindow(dataDir, { merged });
    a.set.set('spaces', 'room-a', 'written in window A');
    a.set.set('spaces', 'room-1', 'A: carpet done');
    a.autosave.flush();
    b.set.set('spaces', 'room-b', 'written in window B');
    b.set.set('spaces', 'room-1', 'B: carpet ordered');
    b.autosave.flush();
    // B's save merged A's notes in before writing, and B's window now shows them.
    expect(merged).toEqual([2]);
    expect(b.set.get('spaces', 'room-a')).toBe('written in window A');
    const onDisk = loadAnnotations(dataDir, SHA).annotations.spaces;
    expect(Object.fromEntries(onDisk)).toEqual({
      'room-1': `B: carpet ordered${CONFLICT_SEPARATOR}A: carpet done`,
      'room-a': 'written in window A',
      'room-b': 'written in window B',
    });
    // A saves again later: it merges B's save, and A's later edit of its own note is kept.
    a.set.set('spaces', 'room-a', 'A, edited again');
    a.autosave.flush();
    expect(Object.fromEntries(loadAnnotations(dataDir, SHA).annotations.spaces)).toEqual({
      'room-1': `B: carpet ordered${CONFLICT_SEPARATOR}A: carpet done`,
      'room-a': 'A, edited again',
      'room-b': 'written in window B',
    });
    a.close();
    b.close();
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([`${SHA}.json`]);
  });

  it('a lock left by a killed window is taken over at once, not after proper-lockfile\'s staleness wait', () => {
    saveFirstNotes();
    // A holder that died mid-save: its lock folder and pid file are left behind.
    fs.mkdirSync(`${file}.lock`);
    fs.writeFileSync(`${file}.lock.pid`, `999999999 ${os.hostname()}`);
    const w = openWindow(dataDir);
    w.set.set('spaces', 'room-1', 'after the crash');
    const started = Date.now();
    w.autosave.flush();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(w.autosave.lastError).toBeUndefined();
    w.close();
    expect(loadAnnotations(dataDir, SHA).annotations.spaces.get('room-1')).toBe('after the crash');
  });

  it('a failed save leaves no staged file, is reported once for many attempts, and the earlier save stays whole', () => {
    const saved = saveFirstNotes();
    const problems: string[] = [];
    const w = openWindow(dataDir, { problems });
    const realWrite = fs.writeFileSync;
    jest.spyOn(fs, 'writeFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, d: string, o?: never) => {
      if (typeof p === 'number') throw Object.assign(new Error('ENOSPC: injected, write'), { code: 'ENOSPC' });
      return realWrite(p, d, o);
    }) as typeof fs.writeFileSync);
    for (let i = 0; i < 5; i++) {
      w.set.set('spaces', 'room-1', `attempt ${i}`);
      w.autosave.flush();
    }
    expect(problems).toEqual([`Could not write “${SHA}.json”: the disk is full.`]);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([`${SHA}.json`]);
    expect(fs.readFileSync(file)).toEqual(saved);
    jest.restoreAllMocks();
    w.close();
    expect(loadAnnotations(dataDir, SHA).annotations.spaces.get('room-1')).toBe('attempt 4');
  });

  it('rooms whose GlobalId is "constructor", "__proto__" or "hasOwnProperty" keep their notes through save, reload and export', async () => {
    const schedule = structuredClone(await extracted('TwoZones.ifc'));
    const ids = ['constructor', '__proto__', 'hasOwnProperty'];
    schedule.spaces.forEach((s, i) => (s.globalId = ids[i]));
    const w = openWindow(dataDir);
    // Before any note: the room has none (a plain object found Object.prototype.constructor here).
    expect(w.set.get('spaces', 'constructor')).toBe('');
    expect(w.set.has('spaces', '__proto__')).toBe(false);
    for (const id of ids.slice(0, schedule.spaces.length)) w.set.set('spaces', id, `note on ${id}`);
    expect(w.set.count('spaces')).toBe(schedule.spaces.length);
    w.close();
    const reloaded = loadAnnotations(dataDir, SHA).annotations;
    expect([...reloaded.spaces.keys()].sort()).toEqual(ids.slice(0, schedule.spaces.length).sort());
    const doc = roomScheduleDocument(new ExportSelection(schedule, reloaded, undefined));
    expect(doc.spaces.map((s) => s.annotation)).toEqual(schedule.spaces.map((s) => `note on ${annotationKey(s)}`));
    // The JSON export writes "__proto__" as a key, and reads back the same.
    const text = JSON.stringify(doc.annotations);
    expect(text).toContain('"__proto__":"note on __proto__"');
    expect(Object.getPrototypeOf(doc.annotations.spaces)).toBe(Object.prototype);
  });
});
