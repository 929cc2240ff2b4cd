// The promise the app is known for: Cancel during a big load gives the window back at once, and the
// Diagnostics dialog's history shows the cancel with memory before and after.
import { once } from '../../../src/core/lifecycle';
import { generateLargeModel } from '../../../bench/model-generator';
import { createApp } from '../../support/app-in-process';
import { realModel } from '../../support/fixtures';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';
import { startLeakCheck, describeLeaks } from '../../support/leak-check';

afterAll(() => qtRuntime().stop());

test('cancelling a ≥ 200 MB load returns to ready within 100 ms; Diagnostics shows the cancel with memory before → after', async () => {
  const big = await generateLargeModel({ sample: realModel('MultiZoneBuilding.ifc'), targetMb: 200 });
  expect(big.sizeBytes).toBeGreaterThanOrEqual(200e6);
  const leaks = startLeakCheck();
  const app = createApp();
  const progressed = once(app.loader.onDidProgress);
  app.open(big.path);
  expect(app.state).toBe('loading');
  expect(app.commands.isEnabled('cancel')).toBe(true);
  await progressed;
  await new Promise((r) => setTimeout(r, 400)); // well inside web-ifc's OpenModel by now
  const ended = once(app.onDidFinishLoad);
  const t0 = performance.now();
  const cancelled = app.cancel(); // what the toolbar button, the status-bar button and Esc call
  const outcome = await ended;
  const uiMs = performance.now() - t0;
  expect(outcome.kind).toBe('cancelled');
  expect(app.state).toBe('empty');
  expect(app.commands.isEnabled('cancel')).toBe(false);
  expect(app.window.status.isBusy).toBe(false);
  expect(uiMs).toBeLessThan(100);
  await cancelled; // the worker is gone
  app.diagnostics.show();
  const dialog = app.diagnostics.dialog!;
  dialog.refresh();
  const record = dialog.historyRow(0)!;
  expect(record.trigger).toBe('cancel');
  expect(record.label).toContain('.ifc');
  expect(record.memoryBefore.rss).toBeGreaterThan(0);
  expect(record.memoryAfter.rss).toBeGreaterThan(0);
  expect(dialog.lastReport!.active.workers).toBe(0);
  app.dispose();
  expect(describeLeaks(await leaks.check())).toBe('');
}, 240_000);
