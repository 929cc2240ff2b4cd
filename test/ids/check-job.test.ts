// An IDS check runs in its own worker, like every long operation: progress while it reads and
// checks, Cancel that ends it at once, a refused IDS as a specific error, and nothing left behind.
import * as path from 'path';
import { CleanupHistory } from '../../src/core/operations/cleanup-history';
import { isCancelled, OperationError } from '../../src/core/operations/operation-error';
import { OperationRunner } from '../../src/core/operations/operation-runner';
import { OperationProgress } from '../../src/core/operations/protocol';
import { startIdsCheck } from '../../src/ifc/ids/ids-check-job';
import { IDS_INVALID } from '../../src/ifc/ids/ids-errors';
import { realModel } from '../support/fixtures';
import { useLeakCheck } from '../support/leak-check';

const ROOM_IDS = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'ids', 'room-data.ids');
const QUIET = { info: () => undefined, warn: () => undefined, error: () => undefined };

function story(name: string, body: (runner: OperationRunner) => Promise<void>): void {
  it(name, async () => {
    const history = new CleanupHistory();
    const runner = new OperationRunner({ history, log: QUIET });
    try {
      await body(runner);
    } finally {
      runner.dispose();
      await runner.whenIdle();
      history.dispose();
    }
  }, 60_000);
}

describe('checking a model against an IDS in a worker', () => {
  useLeakCheck();

  story('MultiZoneBuilding.ifc against the room IDS: 12 of its 13 rooms have no number, with progress up to done', async (runner) => {
    const op = startIdsCheck(runner, { modelPath: realModel('MultiZoneBuilding.ifc'), idsPath: ROOM_IDS });
    const progress: OperationProgress[] = [];
    const sub = op.onDidProgress((p) => progress.push(p));
    const report = await op.result;
    sub.dispose();
    expect((await op.cleanedUp).outcome).toBe('clean');
    expect(report.status).toBe('fail');
    expect(report.model).toEqual({ fileName: 'MultiZoneBuilding.ifc', schema: 'IFC2X3' });
    expect(report.specifications.map((s) => [s.name, s.status, s.applicableCount, s.failedCount])).toEqual([
      ['Every room has a number', 'fail', 13, 12],
      ['Every room has a long name', 'pass', 13, 0],
      ['Rooms are in a storey', 'pass', 13, 0],
      ['Offices are main usable area', 'pass', 8, 0],
    ]);
    const unnumbered = report.specifications[0].results.filter((r) => !r.passed);
    expect(unnumbered.map((r) => r.entity.longName)).toContain('Office_06');
    expect(unnumbered.every((r) => r.reasons.join() === 'has no value for attribute Name')).toBe(true);
    expect(report.specifications[0].results.find((r) => r.passed)?.entity).toMatchObject({ name: '01', longName: 'Meetingroom', ifcClass: 'IFCSPACE' });
    expect(progress.some((p) => p.phase === 'parse')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'check', fraction: 1 });
  });

  story('cancelling while the model is read ends the check at once, as cancelled, and the worker is gone', async (runner) => {
    const op = startIdsCheck(runner, { modelPath: realModel('RooftopBuilding4ZonesThin.ifc'), idsPath: ROOM_IDS });
    await new Promise<void>((resolve) => {
      const sub = op.onDidProgress((p) => {
        if (p.phase === 'parse' || p.phase === 'check') {
          sub.dispose();
          resolve();
        }
      });
    });
    const started = Date.now();
    const record = await op.cancel();
    expect(isCancelled(await op.result.catch((e: unknown) => e))).toBe(true);
    expect(['clean', 'forced']).toContain(record.outcome);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  story('an IDS that is not IDS is refused before the model is opened, with the line the schema rejects', async (runner) => {
    const op = startIdsCheck(runner, { modelPath: realModel('OneZone.ifc'), idsPath: realModel('OneZone.ifc') });
    const error = (await op.result.catch((e: unknown) => e)) as OperationError;
    expect(error).toBeInstanceOf(OperationError);
    expect(error.code).toBe(IDS_INVALID);
    expect(error.message).toMatch(/^"OneZone\.ifc" is not a valid IDS 1\.0 file: it does not follow the IDS 1\.0 schema: line 1: /);
  });
});
