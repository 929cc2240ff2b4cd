// The desktop app inside the test process (offscreen): an AppController with its own temporary
// settings/notes folders, and helpers to wait for what the user would wait for.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { once } from '../../src/core/lifecycle';
import type { AppController } from '../../src/ui/app/app-controller';
import type { LoadOutcome } from '../../src/ui/app/load-controller';
import { appPaths, AppPaths } from '../../src/platform/paths';
import { qtRuntime } from '../../src/ui/runtime/qt-runtime';

export function tempPaths(): AppPaths {
  // The same layout the app uses under IFC_RS_HOME, in a fresh temporary folder.
  return appPaths({ IFC_RS_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-ui-')) });
}

export function createApp(paths: AppPaths = tempPaths()): AppController {
  qtRuntime().start();
  // Loaded lazily so the Qt runtime exists first.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { AppController: Ctor } = require('../../src/ui/app/app-controller') as typeof import('../../src/ui/app/app-controller');
  const app = new Ctor({ paths, monitorIntervalMs: 60_000 });
  app.show();
  return app;
}

export async function openAndWait(app: AppController, file: string): Promise<LoadOutcome> {
  const done = once(app.onDidFinishLoad);
  app.open(file);
  return done;
}

/**
 * Runs `story` with a fresh app, disposes the app, then proves it left nothing behind: no
 * undisposed or retained objects, no live workers, timers or listeners. The app is reachable only
 * inside `story`, so after dispose only a leak could keep it alive. Returns what the story returned.
 */
export async function withApp<T>(story: (app: AppController) => Promise<T>, paths: AppPaths = tempPaths()): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { startLeakCheck, describeLeaks } = require('./leak-check') as typeof import('./leak-check');
  const leaks = startLeakCheck();
  const result = await (async () => {
    const app = createApp(paths);
    try {
      return await story(app);
    } finally {
      // Let what the story set off (free memory, worker shutdowns) finish, as a user would.
      await app.whenIdle();
      app.dispose();
      await app.runner.whenIdle();
    }
  })();
  const found = describeLeaks(await leaks.check());
  if (found) throw new Error(`The app left resources behind:\n${found}`);
  return result;
}
