import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OperationError } from '../../../src/core/operations/operation-error';
import { defaultCodeCacheDir, startExtraction } from '../../../src/ifc/extraction-job';
import { useLeakCheck } from '../../support/leak-check';
import { useRunner, realIfc } from '../support/operation-fixtures';

describe('reading a model through the extraction job (the main-thread side of the extraction worker)', () => {
  useLeakCheck();
  const fixture = useRunner();

  it('opening MultiZoneBuilding.ifc lists its 13 rooms, with progress, in the small-file timeout band', async () => {
    const op = startExtraction(fixture.runner, { path: realIfc('MultiZoneBuilding.ifc'), name: 'MultiZoneBuilding.ifc' });
    const phases = new Set<string>();
    const sub = op.onDidProgress((p) => phases.add(p.phase));
    expect(op.label).toBe('Reading MultiZoneBuilding.ifc');
    expect(op.timeoutMs).toBe(60_000);
    const schedule = await op.result;
    expect(schedule.spaces).toHaveLength(13);
    expect(phases.has('parse')).toBe(true);
    await op.cleanedUp;
    expect(fixture.history.last()).toMatchObject({ trigger: 'finish', outcome: 'clean' });
    sub.dispose();
  });

  it("the second read starts web-ifc from the code cache the first one saved, and says so in its progress", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-v8-'));
    const engineMessages: string[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const op = startExtraction(fixture.runner, { path: realIfc('OneZone.ifc'), name: 'OneZone.ifc', codeCacheDir: dir, engine: 'web-ifc' });
        const sub = op.onDidProgress((p) => p.message.startsWith('IFC engine ready') && engineMessages.push(p.message));
        await expect(op.result).resolves.toMatchObject({ spaces: [expect.anything()] });
        sub.dispose();
        await op.cleanedUp;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(engineMessages).toHaveLength(2);
    expect(engineMessages[0]).toMatch(/code cache created, saved\)$/);
    expect(engineMessages[1]).toMatch(/code cache used\)$/);
    // Where the app keeps it, and how the benchmark turns it off for its A/B figure.
    expect(defaultCodeCacheDir({ IFC_RS_HOME: '/x' })).toBe(path.join('/x', 'cache', 'v8'));
    expect(defaultCodeCacheDir({ IFC_RS_HOME: '/x', IFC_RS_NO_CODE_CACHE: '1' })).toBeUndefined();
  });

  it('with a worker heap too small for the model, it ends as a memory error with a suggestion, and the next read still works', async () => {
    const op = startExtraction(fixture.runner, { path: realIfc('MultiZoneBuilding.ifc'), name: 'MultiZoneBuilding.ifc' }, undefined, { resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
    const e = (await op.result.catch((x: unknown) => x)) as OperationError;
    await op.cleanedUp;
    expect(e).toBeInstanceOf(OperationError);
    expect(e.category).toBe('memory');
    expect(e.suggestion).toMatch(/Free memory/);
    expect(fixture.history.last()?.trigger).toBe('error');

    const again = startExtraction(fixture.runner, { path: realIfc('OneZone.ifc'), name: 'OneZone.ifc' });
    await expect(again.result).resolves.toMatchObject({ spaces: [expect.anything()] });
    await again.cleanedUp;
  });
});
