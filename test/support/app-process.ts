// Runs the real desktop app in a child process (offscreen unless a DISPLAY is set), with its
// settings, notes and logs in a temporary IFC_RS_HOME, and collects what it printed.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const APP_MAIN = path.join(REPO, 'out', 'src', 'ui', 'main.js');

export interface AppRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  ms: number;
}

export function tempHome(prefix = 'ifc-rs-home-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface RunningApp {
  child: import('child_process').ChildProcess;
  output: () => string;
  done: Promise<AppRun>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export function startApp(args: string[], options: { home?: string; env?: NodeJS.ProcessEnv; main?: string } = {}): RunningApp {
  const started = Date.now();
  const child = spawn(process.execPath, ['--expose-gc', options.main ?? APP_MAIN, '--verbose', ...args], {
    cwd: REPO,
    env: { ...process.env, QT_QPA_PLATFORM: process.env.DISPLAY ? process.env.QT_QPA_PLATFORM ?? '' : 'offscreen', IFC_RS_HOME: options.home ?? tempHome(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) if (w.re.test(out)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const done = new Promise<AppRun>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output: out, ms: Date.now() - started })));
  return {
    child,
    output: () => out,
    done,
    waitFor(re, timeoutMs = 30000) {
      if (re.test(out)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${re} in app output:\n${out}`)), timeoutMs);
        waiters.push({ re, resolve: () => { clearTimeout(t); resolve(); } });
        void done.then(() => { clearTimeout(t); if (!re.test(out)) reject(new Error(`app exited before ${re}:\n${out}`)); });
      });
    },
  };
}

export function runApp(args: string[], options: { home?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; main?: string } = {}): Promise<AppRun> {
  const app = startApp(args, options);
  const t = setTimeout(() => app.child.kill('SIGKILL'), options.timeoutMs ?? 60000);
  return app.done.finally(() => clearTimeout(t));
}
