import * as fs from 'fs';
import * as path from 'path';
import { OperationError } from '../../src/core/operations/operation-error';
import { RoomSchedule } from '../../src/core/schedule/model';
import { extractSchedule, extractScheduleFromFile } from '../../src/ifc/extract';
import { useLeakCheck } from '../support/leak-check';
import { FIXTURES, malformedModel, realModel } from '../support/fixtures';
import { MALFORMED_OUTCOMES } from './support/malformed-outcomes';

describe('malformed input ends in a specific message, never a crash or a hang', () => {
  // Every extraction, finished, failed or cancelled, closes its model and file and disposes what it made.
  useLeakCheck();

  it('every file in malformed/ has an expected outcome here', () => {
    expect(fs.readdirSync(malformedModel('.')).sort()).toEqual(Object.keys(MALFORMED_OUTCOMES).sort());
  });

  it.each(Object.keys(MALFORMED_OUTCOMES))('%s', async (file) => {
    const expected = MALFORMED_OUTCOMES[file];
    const started = Date.now();
    let result: RoomSchedule | OperationError;
    try {
      result = await extractScheduleFromFile(malformedModel(file));
    } catch (e) {
      expect(e).toBeInstanceOf(OperationError);
      result = e as OperationError;
    }
    expect(Date.now() - started).toBeLessThan(10000);
    if ('code' in expected) {
      expect(result).toBeInstanceOf(OperationError);
      const err = result as OperationError;
      expect(err.code).toBe(expected.code);
      expect(err.category).toBe('file');
      expect(err.message).toMatch(expected.message);
      expect(err.suggestion.length).toBeGreaterThan(20);
    } else {
      const s = result as RoomSchedule;
      expect(s.spaces).toHaveLength(expected.spaces);
      expect(s.metadata.counts.boundaries).toBe(expected.boundaries);
      expect(s.warnings.map((w) => [w.code, w.message])).toEqual(expected.warnings.map(([code, message]) => [code, expect.stringMatching(message)]));
    }
  });

  it('a truncated file opens with what it has and says it was cut off', async () => {
    const whole = fs.readFileSync(realModel('OneZone.ifc'));
    // Cut in the middle of the DATA section, after the space and four of its boundaries.
    const cut = whole.subarray(0, whole.indexOf('#4717='));
    const s = await extractSchedule({ bytes: new Uint8Array(cut), name: 'OneZone-cut.ifc' });
    expect(s.spaces).toHaveLength(1);
    expect(s.metadata.counts.boundaries).toBe(4);
    expect(s.warnings.find((w) => w.code === 'truncated')?.message).toMatch(/ends without END-ISO-10303-21;.*cut off/);
  });

  it('an entity web-ifc cannot make sense of is skipped and counted, the rest opens', async () => {
    // A space boundary whose RelatingSpace is a number instead of a reference.
    const text = fs.readFileSync(realModel('OneZone.ifc'), 'latin1').replace("#4600= IFCRELSPACEBOUNDARY('1DZRigs7pkZSSSNYosWz0A',#15,'2ndLevel','2a',\n#4552,", "#4600= IFCRELSPACEBOUNDARY('1DZRigs7pkZSSSNYosWz0A',#15,'2ndLevel','2a',\n4552,");
    expect(text).toContain('\n4552,');
    const s = await extractSchedule({ bytes: new Uint8Array(Buffer.from(text, 'latin1')), name: 'OneZone-bad.ifc' });
    expect(s.spaces[0].boundaries).toHaveLength(7);
    expect(s.metadata.counts.skippedEntities).toBe(1);
    expect(s.warnings).toEqual([{ code: 'bad-entity', message: '1 entity could not be read and was skipped (first: #4600, IfcRelSpaceBoundary: its RelatingSpace is not a reference).', expressId: 4600, count: 1 }]);
  });

  it('what passes our header checks but not web-ifc ends in parse-failed: a file cut inside its header, an unterminated string', async () => {
    const cutInHeader = "ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC2X3'\n";
    const openString = "ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC2X3'));\nENDSEC;\nDATA;\n#1=IFCPROJECT('a,$,'p',$,$,$,$,$,$);\n";
    for (const text of [cutInHeader, openString]) {
      const failure = extractSchedule({ bytes: new Uint8Array(Buffer.from(text)), name: 'broken.ifc' });
      await expect(failure).rejects.toMatchObject({ category: 'parse', code: 'parse-failed', message: 'The IFC reader could not parse "broken.ifc".' });
      await expect(failure).rejects.toHaveProperty('detail', expect.stringMatching(/web-ifc OpenModel (returned -1|threw)/));
    }
  });

  it('STEP keywords must be upper case: a lower-case file_schema is no FILE_SCHEMA', async () => {
    const text = "ISO-10303-21;\nHEADER;\nfile_schema(('IFC2X3'));\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n";
    await expect(extractSchedule({ bytes: new Uint8Array(Buffer.from(text)), name: 'lower.ifc' })).rejects.toMatchObject({ code: 'schema-missing' });
  });
});

describe('statements web-ifc mis-reads (found by the fuzzer)', () => {
  useLeakCheck();

  it('a stray "#1,#2,…);" line redefining a room: the room is skipped and counted instead of hanging web-ifc', async () => {
    const file = path.join(FIXTURES, 'fuzz-regressions', 'stray-reference-line.ifc');
    const s = await extractScheduleFromFile(file);
    expect(s.spaces).toHaveLength(0);
    expect(s.metadata.counts.skippedEntities).toBe(1);
    expect(s.warnings.find((w) => w.code === 'bad-entity')?.message).toBe('1 entity could not be read and was skipped (first: #1, unknown type: its statement is malformed, so web-ifc cannot tell what it is).');
  });

  it.each(['#7,#2);', '#1;', '#1=;', "'x',#2);"])('a last statement "%s" does not hang the reading of the others', async (stray) => {
    const text = `ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC2X3'));\nENDSEC;\nDATA;\n#1= IFCSPACE('3NzGTD1DeLJR3FlSqrXdUp',$,'01',$,$,$,$,'WOHNEN',.ELEMENT.,.INTERNAL.,$);\n#2= IFCCARTESIANPOINT((0.,1.));\n${stray}\nENDSEC;\nEND-ISO-10303-21;\n`;
    const s = await extractSchedule({ bytes: new Uint8Array(Buffer.from(text)), name: 'stray.ifc' });
    expect(s.spaces.length + s.metadata.counts.skippedEntities).toBeGreaterThanOrEqual(1);
  });
});
