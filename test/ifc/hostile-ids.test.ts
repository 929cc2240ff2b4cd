// Express ids web-ifc reads wrong without a word: ids of 2^32 and more wrap around (onto another
// entity's id), and of two statements with the same id the later silently wins. OneZone.ifc's only
// room is #4552 ("01"); each model below adds one statement to it.
import { StatementIds } from '../../src/ifc/entity-ids';
import { readHostile, sampleText, withStatements } from './support/hostile-models';

const BOUND_MS = 20_000;
const ROOM = 4552;
const space = (id: string, name: string) => `#${id}= IFCSPACE('HostileId0000000000000${name.length}',#15,'${name}',$,$,$,$,'Hostile',.ELEMENT.,.INTERNAL.,$);`;

async function readWith(statement: string) {
  const outcome = await readHostile(withStatements(sampleText('OneZone.ifc').text, [statement]), 'ids.ifc', BOUND_MS);
  expect(outcome.error?.message).toBeUndefined();
  return outcome.schedule!;
}

describe('odd express ids are named in warnings', () => {
  it('a space numbered 2^32 + 4552 lands on the room #4552, and both the wrap and the repeat are named', async () => {
    const s = await readWith(space(String(2 ** 32 + ROOM), 'Wrapped'));
    const messages = s.warnings.map((w) => w.message);
    expect(messages).toContain('Some express ids are larger than 4294967295, the most the IFC reader can hold: #4294971848 (read as #4552). They wrap around, and may land on the id of another entity.');
    expect(messages).toContain('Some express ids are defined more than once: #4552 (kept as IfcSpace). Only the last definition of each is read; the entities defined before it are missing.');
  }, BOUND_MS + 10_000);

  it('the room #4552 defined again later as a wall is no longer listed as a room, and the repeat is named', async () => {
    const s = await readWith(`#${ROOM}= IFCWALL('HostileWall00000000000a',#15,'Wall',$,$,$,$,$);`);
    expect(s.spaces.map((x) => x.expressId)).not.toContain(ROOM);
    expect(s.warnings.map((w) => w.message)).toContain('Some express ids are defined more than once: #4552 (kept as IfcWall). Only the last definition of each is read; the entities defined before it are missing.');
  }, BOUND_MS + 10_000);

  it('an id of 11 digits that collides with nothing is still named, with the id it is read as', async () => {
    const s = await readWith(space('99999999999', 'Big'));
    expect(s.spaces.find((x) => x.name === 'Big')?.expressId).toBe(99999999999 % 2 ** 32);
    expect(s.warnings.find((w) => w.message.startsWith('Some express ids are larger'))?.message).toContain('#99999999999 (read as #1215752191)');
    expect(s.warnings.some((w) => w.message.includes('defined more than once'))).toBe(false);
  }, BOUND_MS + 10_000);

  it('the real samples have neither (continued list lines such as "#100024,#100029," are not statements)', async () => {
    const text = sampleText('MultiZoneBuilding.ifc').text;
    expect(text).toMatch(/\n#100024,#100029/);
    const outcome = await readHostile(Buffer.from(text, 'latin1'), 'MultiZoneBuilding.ifc', BOUND_MS);
    expect(outcome.schedule!.warnings.filter((w) => /express ids/.test(w.message))).toEqual([]);
  }, BOUND_MS + 10_000);

  it('a statement start cut by the edge of a chunk web-ifc reads is counted once, wherever the edges fall', () => {
    // A 70 MB generated model once showed a phantom repeat: a start near an edge was read on both sides.
    const text = Buffer.from(sampleText('TwoZones.ifc').text.replace(/\n#3381= /, '\n#3381= IFCWALL($);\n#3381= '), 'latin1');
    for (const size of [7, 31, 32, 33, 4099, 65536]) {
      const ids = new StatementIds();
      for (let at = 0; at < text.length; at += size) ids.scan(text.subarray(at, at + size));
      expect([size, ...ids.redefined]).toEqual([size, 3381]);
    }
  });

  it("ids near 2^32 are checked without a bitmap reaching them (512 MB: the fuzzer's odd ids took seconds per case)", () => {
    const before = process.memoryUsage().arrayBuffers;
    const ids = new StatementIds();
    ids.scan(Buffer.from('\n#4294967295= IFCWALL($);\n#4294967295= IFCSLAB($);\n#12= IFCWALL($);\n', 'latin1'));
    ids.scan(Buffer.from('\n'.repeat(64), 'latin1'));
    expect([...ids.redefined]).toEqual([4294967295]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });
});
