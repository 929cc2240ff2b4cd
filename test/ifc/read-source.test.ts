import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync } from 'fflate';
import { OperationProgress } from '../../src/core/operations/protocol';
import { extractScheduleFromFile } from '../../src/ifc/extract';
import { fileError, fromBytes, readModelFile } from '../../src/ifc/read-source';
import { openModelSource } from '../../src/ifc/model-source';
import { BackgroundFileHash } from '../../src/ifc/file-hash';
import { resourceRegistry } from '../../src/core/lifecycle';
import { manifestRow, realModel } from '../support/fixtures';

describe('reading a model file', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-read-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, data: Uint8Array | string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  };

  it('a file that is not there: file-missing, naming it', async () => {
    await expect(readModelFile(path.join(dir, 'gone.ifc'))).rejects.toMatchObject({ category: 'file', code: 'file-missing', message: 'The file "gone.ifc" does not exist.' });
    await expect(extractScheduleFromFile(path.join(dir, 'gone.ifc'))).rejects.toMatchObject({ code: 'file-missing' });
  });

  it('a folder instead of a file: file-unreadable', async () => {
    fs.mkdirSync(path.join(dir, 'model.ifc'));
    await expect(readModelFile(path.join(dir, 'model.ifc'))).rejects.toMatchObject({ code: 'file-unreadable', message: expect.stringContaining('it is a folder') });
    await expect(extractScheduleFromFile(path.join(dir, 'model.ifc'))).rejects.toMatchObject({ code: 'file-unreadable' });
  });

  it('permission and lock errors from the system become file-unreadable with the reason in words', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(fileError('/x/a.ifc', err('EACCES'))).toMatchObject({ code: 'file-unreadable', message: 'The file "a.ifc" cannot be read: permission denied.' });
    expect(fileError('/x/a.ifc', err('EBUSY'))).toMatchObject({ message: expect.stringContaining('locked by another program') });
    expect(fileError('/x/a.ifc', err('ENOENT'))).toMatchObject({ code: 'file-missing' });
  });

  it('an empty file: file-empty', async () => {
    await expect(readModelFile(write('empty.ifc', ''))).rejects.toMatchObject({ code: 'file-empty' });
    await expect(openModelSource(write('empty2.ifc', ''))).rejects.toMatchObject({ code: 'file-empty' });
  });

  it('reads in chunks and reports real bytes as it goes', async () => {
    const progress: OperationProgress[] = [];
    const loaded = await readModelFile(realModel('OneZone.ifc'), { chunkBytes: 16 * 1024, onProgress: (p) => progress.push(p) });
    const size = manifestRow('OneZone.ifc').sizeBytes;
    expect(loaded.bytes.length).toBe(size);
    expect(loaded.sha256).toBe(manifestRow('OneZone.ifc').sha256);
    expect(progress.length).toBe(Math.ceil(size / (16 * 1024)));
    expect(progress.every((p) => p.phase === 'read' && p.unit === 'bytes' && p.total === size)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done!)].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toMatchObject({ done: size, fraction: 1 });
  });

  it('stops between chunks when cancelled', async () => {
    let chunks = 0;
    const reading = readModelFile(realModel('OneZone.ifc'), { chunkBytes: 16 * 1024, onProgress: () => chunks++, isCancelled: () => chunks >= 2 });
    await expect(reading).rejects.toMatchObject({ category: 'cancelled' });
    expect(chunks).toBe(2);
  });
});

describe('the sha256 of a big file, on its own thread', () => {
  it('equals the MANIFEST sha256, and the thread is a registered resource until disposed', async () => {
    const before = resourceRegistry.count('worker');
    const hash = new BackgroundFileHash(realModel('MultiZoneBuilding.ifc'));
    expect(resourceRegistry.count('worker')).toBe(before + 1);
    expect(await hash.digest(manifestRow('MultiZoneBuilding.ifc').sizeBytes)).toBe(manifestRow('MultiZoneBuilding.ifc').sha256);
    hash.dispose();
    expect(resourceRegistry.count('worker')).toBe(before);
  });

  it('a file that changed size while hashed is hashed again inline', async () => {
    const hash = new BackgroundFileHash(realModel('OneZone.ifc'));
    expect(await hash.digest(1)).toBe(manifestRow('OneZone.ifc').sha256);
    hash.dispose();
  });
});

describe('.ifczip archives', () => {
  const oneZone = new Uint8Array(fs.readFileSync(realModel('OneZone.ifc')));

  it('the single .ifc inside is read; macOS resource forks are not models', () => {
    const zip = zipSync({ 'project/OneZone.ifc': oneZone, '__MACOSX/project/._OneZone.ifc': new Uint8Array([0, 5, 22]), 'readme.txt': new Uint8Array([65]) });
    const loaded = fromBytes(zip, 'OneZone.ifczip', null);
    expect(loaded.container).toBe('ifczip');
    expect(loaded.fileSizeBytes).toBe(zip.length);
    expect(Buffer.from(loaded.bytes).equals(Buffer.from(oneZone))).toBe(true);
  });

  it('an archive without an .ifc says what it holds instead', () => {
    const zip = zipSync({ 'plan.pdf': new Uint8Array([1]), 'notes.txt': new Uint8Array([2]) });
    expect(() => fromBytes(zip, 'drawings.ifczip', null)).toThrow(expect.objectContaining({ code: 'zip-no-ifc', message: '"drawings.ifczip" contains no .ifc file (it holds plan.pdf, notes.txt).' }));
  });

  it('an archive with two .ifc files asks which one', () => {
    const zip = zipSync({ 'a.ifc': oneZone, 'b.ifc': oneZone });
    expect(() => fromBytes(zip, 'two.ifczip', null)).toThrow(expect.objectContaining({ code: 'zip-many-ifc', message: expect.stringContaining('contains 2 .ifc files (a.ifc, b.ifc)') }));
  });

  it('a damaged archive: zip-invalid', () => {
    const zip = zipSync({ 'a.ifc': oneZone });
    const damaged = zip.slice(0, 200);
    expect(() => fromBytes(damaged, 'cut.ifczip', null)).toThrow(expect.objectContaining({ code: 'zip-invalid' }));
  });

  it('an archive is recognised by its content, whatever its name', async () => {
    const zip = zipSync({ 'OneZone.ifc': oneZone });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-zip-')), 'renamed.ifc');
    fs.writeFileSync(file, zip);
    try {
      const s = await extractScheduleFromFile(file);
      expect(s.metadata.source.container).toBe('ifczip');
      expect(s.spaces).toHaveLength(1);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
