// A big result (thousands of rooms) must not arrive as one message: its deserialisation would stall
// the UI thread. Workers send it in slices, each acknowledged before the next, and the controller
// puts it back together in order.
import * as path from 'path';
import { startExtraction } from '../../../src/ifc/extraction-job';
import { generateLargeModel } from '../../../bench/model-generator';
import { useLeakCheck } from '../../support/leak-check';
import { useRunner, realIfc } from '../support/operation-fixtures';

describe('results that arrive in slices', () => {
  useLeakCheck();
  const fixture = useRunner();

  it('10,000 rows sent 250 at a time come back complete and in order', async () => {
    const op = fixture.runner.start<{ count: number; slice: number }, { title: string; rows: number[] }>({
      kind: 'parts-test',
      label: 'parts',
      workerFile: path.join(__dirname, '..', '..', 'fixtures', 'workers', 'parts-worker.js'),
      input: { count: 10_000, slice: 250 },
    });
    const result = await op.result;
    await op.cleanedUp;
    expect(result.title).toBe('numbers');
    expect(result.rows).toHaveLength(10_000);
    expect(result.rows.every((v, i) => v === i)).toBe(true);
  });

  it('a generated model with more rooms than one slice holds is read completely through the extraction job', async () => {
    const model = await generateLargeModel({ sample: realIfc('MultiZoneBuilding.ifc'), targetMb: 25 });
    const op = startExtraction(fixture.runner, { path: model.path, name: path.basename(model.path) });
    const schedule = await op.result;
    await op.cleanedUp;
    expect(model.spaces).toBeGreaterThan(100);
    expect(schedule.spaces).toHaveLength(model.spaces);
    expect(schedule.spaces.reduce((n, s) => n + s.boundaries.length, 0)).toBe(model.boundaries);
    expect(new Set(schedule.spaces.map((s) => s.globalId)).size).toBe(model.spaces);
  }, 120_000);
});
