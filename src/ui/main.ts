// The desktop app's entry point: arguments, logging, crash handlers, Qt's loop, the app, and a
// clean exit (code 0) on window close, Exit, SIGINT and SIGTERM.
import { qtRuntime } from './runtime/qt-runtime';
import { parseAppArgs, AppArgs } from './app/app-args';
import { AppController } from './app/app-controller';
import { Automation } from './app/automation';
import { createLogger, closeLogger, log } from '../platform/logging';
import { defaultSamplePath } from '../platform/assets';
import { toErrorInfo } from '../core/operations/worker-side';
import { DisposableStore, markAsSingleton } from '../core/lifecycle';

function readArgs(): AppArgs {
  try {
    return parseAppArgs(process.argv);
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    // commander already printed help/version or the usage error.
    process.exit(typeof code === 'number' ? code : 2);
  }
}

function main(): void {
  const args = readArgs();
  const logger = createLogger({ verbose: args.verbose });
  const started = performance.now();
  const runtime = qtRuntime();
  const mode = runtime.start();
  logger.info(`starting: node ${process.versions.node}, Qt loop ${mode}, platform ${process.env.QT_QPA_PLATFORM ?? 'default'}`);

  // Everything the process owns; disposed in reverse order at exit (automation, then the app).
  const lifetime = markAsSingleton(new DisposableStore('process'));
  const app = lifetime.add(new AppController({ engine: args.engine }));
  let exiting = false;
  const exit = (code: number, why: string) => {
    if (exiting) return;
    exiting = true;
    log().info(`exit (${why})`);
    try {
      lifetime.dispose();
    } catch (e) {
      log().error('errors while disposing the app', e);
    }
    runtime.stop();
    void closeLogger().then(() => process.exit(code));
  };
  // Deferred: the request comes from inside the window's own Close event, and deleting a QObject
  // inside its own event handler is a use-after-free (seen as a segfault at exit).
  lifetime.add(app.onDidRequestExit(() => setImmediate(() => exit(0, 'window closed'))));
  process.on('SIGINT', () => exit(0, 'SIGINT'));
  process.on('SIGTERM', () => exit(0, 'SIGTERM'));
  // Never lose an error silently: log it with its stack and show it; the app keeps running.
  process.on('uncaughtException', (e) => {
    log().error('uncaught exception', e);
    if (!exiting) app.showError({ ...toErrorInfo(e), message: `Internal error: ${e.message}` });
  });
  process.on('unhandledRejection', (reason) => {
    log().error('unhandled promise rejection', reason);
    if (!exiting) app.showError({ ...toErrorInfo(reason), message: `Internal error: ${reason instanceof Error ? reason.message : String(reason)}` });
  });

  app.show();
  log().info(`window shown ${Math.round(performance.now() - started)} ms after start (signal handlers installed)`);
  const automation = lifetime.add(new Automation(app, args, (code, why) => exit(code, why), started));
  const file = args.file ?? (args.sample ? defaultSamplePath() : undefined);
  // An exercise opens the model itself, once per cycle; --open-after opens it later (automation).
  if (file && !args.exercise && args.openAfter === undefined) app.open(file);
  automation.start(file);
}

main();
