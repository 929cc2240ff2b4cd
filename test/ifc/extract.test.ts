import * as fs from 'fs';
import { isCancelled } from '../../src/core/operations/operation-error';
import { OperationProgress } from '../../src/core/operations/protocol';
import { extractSchedule, extractScheduleFromFile } from '../../src/ifc/extract';
import { useLeakCheck } from '../support/leak-check';
import { manifestRow, realModel } from '../support/fixtures';

describe('an extraction as the user follows it', () => {
  // Every extraction, finished, failed or cancelled, closes its model and file and disposes what it made.
  useLeakCheck();

  it('reports the parse in bytes, then each phase with items done / total, ending at 100 %', async () => {
    const progress: OperationProgress[] = [];
    const s = await extractScheduleFromFile(realModel('MultiZoneBuilding.ifc'), { onProgress: (p) => progress.push(p) });
    const size = manifestRow('MultiZoneBuilding.ifc').sizeBytes;
    const parse = progress.filter((p) => p.phase === 'parse' && p.done !== undefined);
    expect(parse.length).toBeGreaterThanOrEqual(2);
    expect(parse.every((p) => p.unit === 'bytes' && p.total === size)).toBe(true);
    expect(parse[parse.length - 1].done).toBe(size);
    expect(progress.find((p) => p.phase === 'boundaries' && p.done !== undefined)).toMatchObject({ done: 126, total: 126, unit: 'items' });
    expect(progress.find((p) => p.phase === 'spaces' && p.done !== undefined)).toMatchObject({ done: 13, total: 13 });
    const fractions = progress.map((p) => p.fraction ?? 0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(Object.keys(s.metadata.timingsMs)).toEqual(expect.arrayContaining(['parse', 'prepare', 'relationships', 'spaces', 'boundaries', 'schedule', 'total']));
  });

  it.each(['parse', 'relationships', 'spaces', 'boundaries'])('cancelling during %s ends in "cancelled" and nothing else', async (phase) => {
    let seen = false;
    const run = extractScheduleFromFile(realModel('MultiZoneBuilding.ifc'), { onProgress: (p) => (seen ||= p.phase === phase), isCancelled: () => seen });
    const error = await run.then(() => undefined, (e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(error).toMatchObject({ message: 'Opening "MultiZoneBuilding.ifc" was cancelled.' });
  });

  it('a quick listing skips boundary geometry: boundaries listed, areas empty with the reason', async () => {
    const s = await extractScheduleFromFile(realModel('OneZone.ifc'), { skipGeometry: true });
    expect(s.spaces[0].boundaries).toHaveLength(8);
    expect(s.spaces[0].boundaries.every((b) => b.area === null && b.areaIssue?.startsWith('Geometry was not read'))).toBe(true);
  });

  it('bytes in memory and the file on disk give the same schedule', async () => {
    const file = realModel('TwoZones.ifc');
    const fromDisk = await extractScheduleFromFile(file);
    const fromBytes = await extractSchedule({ bytes: new Uint8Array(fs.readFileSync(file)), name: 'TwoZones.ifc', path: file });
    const strip = (s: typeof fromDisk) => ({ ...s, metadata: { ...s.metadata, extractedAt: '', timingsMs: {} } });
    expect(strip(fromBytes)).toEqual(strip(fromDisk));
  });

  it('a web-ifc memory limit too small for the model ends in out-of-memory, with advice', async () => {
    // The limit is web-ifc's heap: the web-ifc engine parses the whole file into it (the fast
    // engine, reading MultiZoneBuilding's extruded rooms, never starts web-ifc at all).
    const run = extractScheduleFromFile(realModel('MultiZoneBuilding.ifc'), { engine: 'web-ifc', memoryLimitBytes: 64 * 1024 });
    await expect(run).rejects.toMatchObject({ category: 'memory', code: 'out-of-memory', suggestion: expect.stringContaining('Close other models') });
  });
});
