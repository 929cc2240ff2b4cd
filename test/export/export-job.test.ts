import * as fs from 'fs';
import * as path from 'path';
import { CleanupHistory } from '../../src/core/operations/cleanup-history';
import { isCancelled, OperationError } from '../../src/core/operations/operation-error';
import { OperationRunner } from '../../src/core/operations/operation-runner';
import { OperationProgress } from '../../src/core/operations/protocol';
import { RoomSchedule } from '../../src/core/schedule/model';
import { startExport } from '../../src/export/export-job';
import { useLeakCheck } from '../support/leak-check';
import { extracted } from '../ifc/support/extracted';
import { tempFolder } from './schedules';

/** MultiZoneBuilding's rooms repeated `copies` times (fresh ids): an export that takes seconds, so there is time to cancel it. */
async function bigSchedule(copies: number): Promise<RoomSchedule> {
  const base = await extracted('MultiZoneBuilding.ifc');
  const spaces = Array.from({ length: copies }, (_, c) =>
    base.spaces.map((s) => ({ ...s, globalId: `${s.globalId}-${c}`, boundaries: s.boundaries.map((b) => ({ ...b, globalId: `${b.globalId}-${c}` })) })),
  ).flat();
  return { ...base, spaces };
}

const QUIET_LOG = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

/** Each story gets its own runner, history and folder, all gone before the leak check looks. */
function story(name: string, body: (runner: OperationRunner, dir: string) => Promise<void>, timeoutMs?: number): void {
  it(name, async () => {
    const tmp = tempFolder('export-job');
    const history = new CleanupHistory();
    const runner = new OperationRunner({ history, log: QUIET_LOG });
    try {
      await body(runner, tmp.dir);
    } finally {
      runner.dispose();
      await runner.whenIdle();
      history.dispose();
      tmp.remove();
    }
  }, timeoutMs);
}

describe('running an export as a cancellable operation', () => {
  useLeakCheck();

  story('exports MultiZoneBuilding.ifc as XLSX in a worker, reporting progress, and the worker ends cleanly', async (runner, dir) => {
    const out = path.join(dir, 'multi.xlsx');
    const op = startExport(runner, { schedule: await extracted('MultiZoneBuilding.ifc'), request: { format: 'xlsx', outPath: out } });
    const progress: OperationProgress[] = [];
    const sub = op.onDidProgress((p) => progress.push(p));
    expect(await op.result).toEqual({ files: [out] });
    sub.dispose();
    const record = await op.cleanedUp;
    expect(record.outcome).toBe('clean');
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'export', fraction: 1 });
  });

  for (const format of ['xlsx', 'csv', 'json'] as const) {
    story(`cancelling a big ${format} export leaves no file behind, and an older file under that name untouched`, async (runner, dir) => {
    const schedule = await bigSchedule(300);
    const out = path.join(dir, `big.${format}`);
    const existing = format === 'csv' ? path.join(dir, 'big.rooms.csv') : out;
    fs.writeFileSync(existing, 'the previous export');
    const op = startExport(runner, { schedule, request: { format, outPath: out } });
    await new Promise<void>((resolve) => {
      const sub = op.onDidProgress((p) => {
        if ((p.done ?? 0) > 0) {
          sub.dispose();
          resolve();
        }
      });
    });
    const record = await op.cancel();
    expect(isCancelled(await op.result.catch((e: unknown) => e))).toBe(true);
    // The worker is gone: it stopped at its next slice ('clean'), or, when a GC pause or a busy
    // machine kept it from answering within 150 ms, it was terminated ('forced') — never leaked.
    expect(['clean', 'forced']).toContain(record.outcome);
    // A terminated worker cannot remove its temp file; startExport does it right after.
    await waitUntil(() => fs.readdirSync(dir).length === 1, 2000);
    expect(fs.readdirSync(dir)).toEqual([path.basename(existing)]);
    expect(fs.readFileSync(existing, 'utf8')).toBe('the previous export');
    }, 60_000);
  }

  story('an export into a folder that does not exist fails with a message naming the file and what to do', async (runner, dir) => {
    const out = path.join(dir, 'no-such-folder', 'x.json');
    const op = startExport(runner, { schedule: await extracted('OneZone.ifc'), request: { format: 'json', outPath: out } });
    const error = (await op.result.catch((e: unknown) => e)) as OperationError;
    expect(error).toBeInstanceOf(OperationError);
    expect(error.category).toBe('file');
    expect(error.message).toBe('Could not write “x.json”: its folder does not exist.');
    expect(error.suggestion).toMatch(/existing folder/);
  });
});
