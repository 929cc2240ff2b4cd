// When memory passes the critical mark, the app says so without blocking and offers to free memory
// (or to cancel a running operation); choosing "Free memory now" runs a recorded cleanup.
import * as fs from 'fs';
import * as path from 'path';
import { once } from '../../../src/core/lifecycle';
import { openAndWait, tempPaths, withApp } from '../../support/app-in-process';
import { realModel } from '../../support/fixtures';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';

afterAll(() => qtRuntime().stop());

test('past the critical memory mark a non-blocking warning offers to free memory, and freeing is recorded with memory before and after', async () => {
  const paths = tempPaths();
  // Thresholds from the user's settings, set absurdly low so any process passes them.
  fs.mkdirSync(paths.config, { recursive: true });
  fs.writeFileSync(path.join(paths.config, 'settings.json'), JSON.stringify({ memoryWarnMb: 1, memoryCriticalMb: 2 }));
  const seen = await withApp(async (app) => {
    await openAndWait(app, realModel('OneZone.ifc'));
    await app.whenIdle(); // the load's own cleanup is recorded first
    await app.monitor.sampleNow();
    const dialog = app.openDialog;
    const name = dialog?.dialog.objectName();
    const recorded = once(app.runner.history.onDidRecord);
    dialog?.press('free');
    const record = await recorded;
    return { name, trigger: record.trigger, before: record.memoryBefore.rss, after: record.memoryAfter.rss, state: app.state };
  }, paths);
  expect(seen.name).toBe('memoryDialog');
  expect(seen.trigger).toBe('free-memory');
  expect(seen.before).toBeGreaterThan(0);
  expect(seen.after).toBeGreaterThan(0);
  expect(seen.state).toBe('ready'); // the model stays open: nothing is lost
});
