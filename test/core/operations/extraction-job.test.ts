import { OperationError } from '../../../src/core/operations/operation-error';
import { startExtraction } from '../../../src/ifc/extraction-job';
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
