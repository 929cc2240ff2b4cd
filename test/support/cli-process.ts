// The command line as a user runs it: a real `node out/src/cli/main.js` process, its output
// collected, in a folder of the test's and with a home of its own (IFC_RS_HOME).
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

const CLI = path.resolve(__dirname, '..', '..', 'src', 'cli', 'main.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** ms from spawn to exit */
  elapsedMs: number;
}

export interface StartedCli {
  child: ChildProcess;
  done: Promise<CliRun>;
  stderr: () => string;
}

/** Starts the CLI with `args`; `asUser` runs it as another user through runuser (root only). */
export function startCli(args: string[], cwd: string, home: string, asUser?: string): StartedCli {
  const started = Date.now();
  const [command, argv] = asUser ? ['runuser', ['-u', asUser, '--', process.execPath, CLI, ...args]] : [process.execPath, [CLI, ...args]];
  const child = spawn(command, argv, { cwd, env: { ...process.env, IFC_RS_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, elapsedMs: Date.now() - started })));
  return { child, done, stderr: () => stderr };
}

export function runCli(args: string[], cwd: string, home: string, asUser?: string): Promise<CliRun> {
  return startCli(args, cwd, home, asUser).done;
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting for the CLI');
    await new Promise((r) => setTimeout(r, 5));
  }
}
