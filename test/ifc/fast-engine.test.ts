// The fast engine reads the schedule from the file's text; web-ifc's full parse is the reference.
// On every real sample, and every malformed one that yields a schedule, both engines must give the
// same schedule, field for field, except how long each phase took and which engine it was.
import * as fs from 'fs';
import * as path from 'path';
import { RoomSchedule } from '../../src/core/schedule/model';
import { extractScheduleFromFile } from '../../src/ifc/extract';
import { FIXTURES, malformedModel, realModel } from '../support/fixtures';
import { MALFORMED_OUTCOMES } from './support/malformed-outcomes';

const REAL = fs.readdirSync(path.join(FIXTURES, 'real')).filter((f) => /\.ifc(zip)?$/i.test(f));
const MALFORMED_WITH_SCHEDULES = Object.entries(MALFORMED_OUTCOMES)
  .filter(([, outcome]) => 'spaces' in outcome)
  .map(([file]) => file);

/** The schedule without what differs by nature between two runs. */
function comparable(s: RoomSchedule): unknown {
  const { timingsMs: _timings, extractedAt: _at, engine: _engine, ...metadata } = s.metadata;
  return JSON.parse(JSON.stringify({ ...s, metadata }));
}

async function bothEngines(file: string): Promise<{ fast: RoomSchedule; reference: RoomSchedule; log: string[] }> {
  const log: string[] = [];
  const fast = await extractScheduleFromFile(file, { engine: 'fast', roomGeometry: 'mesh-every-room', onProgress: (p) => log.push(p.message) });
  const reference = await extractScheduleFromFile(file, { engine: 'web-ifc', roomGeometry: 'mesh-every-room' });
  return { fast, reference, log };
}

describe('the fast engine reads the same schedule as web-ifc', () => {
  it.each(REAL)('%s: the schedules are identical, read without web-ifc parsing the file', async (file) => {
    const { fast, reference, log } = await bothEngines(realModel(file));
    expect(fast.metadata.engine.name).toBe('fast');
    expect(log.some((m) => /the fast reader does not read it/.test(m))).toBe(false);
    expect(reference.metadata.engine.name).toBe('web-ifc');
    expect(fast.spaces.length).toBe(reference.spaces.length);
    expect(comparable(fast)).toEqual(comparable(reference));
  });

  it.each(MALFORMED_WITH_SCHEDULES)('malformed %s: the same schedule, warnings included', async (file) => {
    const { fast, reference } = await bothEngines(malformedModel(file));
    expect(comparable(fast)).toEqual(comparable(reference));
  });

  it('a file it will not read (an id defined twice) is read by web-ifc, and the log says why', async () => {
    const source = fs.readFileSync(realModel('OneZone.ifc'), 'latin1');
    // The last statement repeated: web-ifc keeps the last definition and warns; the fast reader refuses.
    const statements = source.split(/\r?\n/).filter((l) => /^#\d+=/.test(l));
    const last = source.lastIndexOf('ENDSEC;');
    const repeated = `${source.slice(0, last)}${statements[statements.length - 1]}\n${source.slice(last)}`;
    const file = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'fast-')), 'repeated.ifc');
    fs.writeFileSync(file, repeated, 'latin1');
    const log: string[] = [];
    const schedule = await extractScheduleFromFile(file, { engine: 'fast', onProgress: (p) => log.push(p.message) });
    expect(schedule.metadata.engine.name).toBe('web-ifc');
    expect(log).toContainEqual(expect.stringMatching(/with web-ifc: the fast reader does not read it \(#\d+ is defined more than once\)/));
    expect(schedule.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/express ids are defined more than once/));
  });
});
