import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFile } from 'child_process';
import { generateLargeModel } from '../../bench/model-generator';
import { extractScheduleFromFile } from '../../src/ifc/extract';
import { realModel } from '../support/fixtures';

describe('the large-model generator (for benchmarks)', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-gen-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('repeats OneZone.ifc up to the target size; web-ifc finds N rooms and 8N boundaries, each copy with fresh GlobalIds', async () => {
    const model = await generateLargeModel({ sample: realModel('OneZone.ifc'), targetMb: 0.6, outDir: dir });
    const copies = model.spaces;
    expect(model.sizeBytes).toBeGreaterThanOrEqual(0.6e6);
    expect(copies).toBeGreaterThanOrEqual(5);
    expect(model.boundaries).toBe(8 * copies);
    const s = await extractScheduleFromFile(model.path);
    expect(s.spaces).toHaveLength(copies);
    expect(s.metadata.counts.boundaries).toBe(8 * copies);
    const guids = [...s.spaces.map((x) => x.globalId), ...s.spaces.flatMap((x) => x.boundaries.map((b) => b.globalId)), ...s.spaces.flatMap((x) => x.boundaries.map((b) => b.relatedElement!.globalId))];
    expect(new Set(guids).size).toBe(guids.length);
    expect(guids.every((g) => /^[0-3][0-9A-Za-z_$]{21}$/.test(g!))).toBe(true);
    // Each copy is the same room: same areas and facings, from shifted but intact geometry.
    for (const space of s.spaces) expect(space.surfaceTotals).toEqual(s.spaces[0].surfaceTotals);
    // One project, shared units: every copy is in millimetres under the one IfcProject.
    const text = fs.readFileSync(model.path, 'latin1');
    expect(text.split('IFCPROJECT(').length - 1).toBe(1);
    expect(text.split('IFCUNITASSIGNMENT(').length - 1).toBe(1);
    expect(text.trimEnd().endsWith('END-ISO-10303-21;')).toBe(true);
  });

  it('two processes asking for the same model at once both get it whole (jest runs test files in parallel)', async () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-gen-race-'));
    try {
      const script = `require(${JSON.stringify(require.resolve('../../bench/model-generator'))}).generateLargeModel({ sample: ${JSON.stringify(realModel('OneZone.ifc'))}, targetMb: 3, outDir: ${JSON.stringify(own)} }).then((m) => console.log(JSON.stringify(m)))`;
      const run = () => new Promise<string>((resolve, reject) => execFile(process.execPath, ['-e', script], (e, out, err) => (e ? reject(new Error(err || e.message)) : resolve(out))));
      const [a, b] = await Promise.all([run(), run()]);
      for (const out of [a, b]) expect(JSON.parse(out)).toMatchObject({ spaces: expect.any(Number), boundaries: expect.any(Number) });
      expect(JSON.parse(a).sizeBytes).toBe(JSON.parse(b).sizeBytes);
      expect(fs.readdirSync(own).filter((f) => f.endsWith('.partial'))).toEqual([]);
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('a second request for the same sample and size comes from the cache', async () => {
    const first = await generateLargeModel({ sample: realModel('OneZone.ifc'), targetMb: 0.6, outDir: dir });
    const written = fs.statSync(first.path).mtimeMs;
    const again = await generateLargeModel({ sample: realModel('OneZone.ifc'), targetMb: 0.6, outDir: dir });
    expect(again).toEqual(first);
    expect(fs.statSync(again.path).mtimeMs).toBe(written);
  });
});
