// The tests' view of the real desktop app in a child process (bench/app-process.ts starts it):
// offscreen unless a DISPLAY is set, settings, notes and logs in a temporary IFC_RS_HOME, and what
// it printed collected for the story to read.
import { AppExit, startAppChild, tempHome } from '../../bench/app-process';

export { APP_MAIN, REPO, tempHome } from '../../bench/app-process';
export type AppRun = AppExit;

export interface RunningApp {
  child: import('child_process').ChildProcess;
  output: () => string;
  done: Promise<AppRun>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export function startApp(args: string[], options: { home?: string; env?: NodeJS.ProcessEnv; main?: string } = {}): RunningApp {
  // A home of the test's own (never removed here): stories read the notes and logs the app left.
  const app = startAppChild(args, { home: options.home ?? tempHome(), env: options.env, main: options.main, platform: 'display-if-set' });
  return {
    child: app.child,
    output: app.output,
    done: app.exited,
    waitFor: (re, timeoutMs = 30000) => app.waitFor(re, timeoutMs).then(() => undefined),
  };
}

export function runApp(args: string[], options: { home?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; main?: string } = {}): Promise<AppRun> {
  const app = startApp(args, options);
  const t = setTimeout(() => app.child.kill('SIGKILL'), options.timeoutMs ?? 60000);
  return app.done.finally(() => clearTimeout(t));
}
