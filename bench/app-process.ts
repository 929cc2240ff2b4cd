// The real desktop app as a child process, with its settings, notes and logs in an IFC_RS_HOME of its
// own and its event-loop probe writing to a report file (src/ui/app/event-loop-probe.ts). The one
// way the benchmark and the tests (test/support/app-process.ts) start the app.
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');
export const APP_MAIN = path.join(__dirname, '..', 'src', 'ui', 'main.js');

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  ms: number;
}

export interface AppChildOptions {
  /** IFC_RS_HOME; without it a temporary one, removed by stop(). */
  home?: string;
  env?: NodeJS.ProcessEnv;
  /** The entry to run (a bundle in dist/, say); the tsc-built main by default. */
  main?: string;
  /** 'offscreen' always (the benchmark's figures), or the real X display when DISPLAY is set (tests under xvfb-run). */
  platform?: 'offscreen' | 'display-if-set';
}

export interface AppChild {
  readonly child: ChildProcess;
  readonly pid: number;
  /** performance.now() of this process when the child was spawned. */
  readonly spawnedAt: number;
  readonly home: string;
  /** Resolves when the app has exited, with all it printed. */
  readonly exited: Promise<AppExit>;
  output(): string;
  /** Resolves with performance.now() at the moment `pattern` first appeared in the app's output. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<number>;
  /** The probe's JSON lines so far. */
  reports(): Array<Record<string, unknown>>;
  /** SIGTERM (the app's clean exit), then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
}

export function tempHome(prefix = 'ifc-rs-home-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function startAppChild(args: string[], options: AppChildOptions = {}): AppChild {
  const ownHome = options.home === undefined;
  const home = options.home ?? tempHome('ifc-rs-app-');
  const reportFile = path.join(home, 'event-loop.jsonl');
  const platform = options.platform === 'display-if-set' && process.env.DISPLAY ? (process.env.QT_QPA_PLATFORM ?? '') : 'offscreen';
  const started = Date.now();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', options.main ?? APP_MAIN, '--verbose', ...args], {
    cwd: REPO,
    env: { ...process.env, QT_QPA_PLATFORM: platform, IFC_RS_HOME: home, IFC_RS_EVENT_LOOP_REPORT: reportFile, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: Array<{ re: RegExp; resolve: (at: number) => void }> = [];
  const onData = (d: Buffer) => {
    const at = performance.now();
    out += d.toString();
    for (const w of [...waiters]) {
      if (!w.re.test(out)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(at);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<AppExit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output: out, ms: Date.now() - started })));
  return {
    child,
    pid: child.pid!,
    spawnedAt,
    home,
    exited,
    output: () => out,
    waitFor(re, timeoutMs) {
      if (re.test(out)) return Promise.resolve(performance.now());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the app did not print ${re} within ${timeoutMs} ms; its output:\n${out.slice(-3000)}`)), timeoutMs);
        waiters.push({ re, resolve: (at) => (clearTimeout(timer), resolve(at)) });
        void exited.then(() => {
          clearTimeout(timer);
          if (!re.test(out)) reject(new Error(`the app exited before printing ${re}; its output:\n${out.slice(-3000)}`));
        });
      });
    },
    reports() {
      if (!fs.existsSync(reportFile)) return [];
      return fs
        .readFileSync(reportFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      if (ownHome) fs.rmSync(home, { recursive: true, force: true });
      return child.exitCode;
    },
  };
}

/** utime + stime of a process and all its threads, in seconds (/proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicksPerSecond();
}

let ticks: number | undefined;
export function clockTicksPerSecond(): number {
  if (ticks !== undefined) return ticks;
  try {
    ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    ticks = 100;
  }
  return ticks;
}
