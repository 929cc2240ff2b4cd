// The real app in its own process (offscreen), driven by its --exercise flag: open → Close and
// open → Cancel twenty times each through the window's own commands, then --report's verification.
// (The RSS figures, with the full warm-up, are the benchmark's: npm run bench -- --only gui-cycles.)
// Each story ends with nothing retained, no undisposed roots and no orphans, and with the window
// back on "No model open" with Cancel, Close and Export off.
import * as fs from 'fs';
import * as path from 'path';
import type { AppReport } from '../../../src/ui/app/app-report';
import { runApp, tempHome } from '../../support/app-process';
import { realModel } from '../../support/fixtures';

async function exercise(kind: string): Promise<{ code: number | null; report: AppReport; output: string }> {
  const home = tempHome();
  const file = path.join(home, 'report.json');
  const run = await runApp([realModel('OneZone.ifc'), '--exercise', kind, '--report', file], { home, timeoutMs: 280_000 });
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as AppReport;
  fs.rmSync(home, { recursive: true, force: true });
  return { code: run.code, report, output: run.output };
}

const EMPTY_WINDOW = { heading: 'No model open', busy: false, enabled: { cancel: false, close: false, refresh: false, export: false }, state: 'empty' };

test('open → Close 20 times in the window leaves nothing behind: 0 retained, 0 undisposed roots, 0 orphans', async () => {
  const { code, report } = await exercise('open-close:20+1'); // leaks, not RSS, are the point here: one warm-up cycle
  expect(report.exercise).toMatchObject({ kind: 'open-close', cycles: 20, outcomes: { loaded: 20, cancelled: 0, failed: 0 } });
  expect(report.verification).toEqual({ retained: [], undisposedRoots: [], orphans: [] });
  expect(report.window).toEqual({ ...EMPTY_WINDOW, status: 'Model closed' });
  expect(report.active.workers).toBe(0);
  expect(report.history.filter((r) => r.label === 'Reading OneZone.ifc' && r.trigger === 'finish').length).toBeGreaterThanOrEqual(20);
  expect(code).toBe(0);
}, 300_000);

test('open → Cancel 20 times at random moments leaves nothing behind, and the window says the last open was cancelled', async () => {
  const { code, report } = await exercise('open-cancel:20+2');
  const e = report.exercise!;
  expect(e).toMatchObject({ kind: 'open-cancel', cycles: 20 });
  expect(e.cancelAtMs).toHaveLength(20);
  // The moments really vary over the load, and most cancels land before it ends.
  expect(new Set(e.cancelAtMs).size).toBeGreaterThan(15);
  expect(e.outcomes.cancelled).toBeGreaterThanOrEqual(10);
  expect(e.outcomes.cancelled + e.outcomes.loaded).toBe(20);
  expect(report.verification).toEqual({ retained: [], undisposedRoots: [], orphans: [] });
  expect(report.window).toMatchObject(EMPTY_WINDOW);
  expect(report.window.status).toMatch(/^(Opening OneZone\.ifc was cancelled|Model closed)$/);
  expect(report.active.workers).toBe(0);
  expect(code).toBe(0);
}, 300_000);
