// The CLI's surroundings, passed in so tests can run commands in-process and read what they print.
import { OperationLog } from '../core/operations/operation-log';
import type { PrestartedWorker } from '../core/operations/prestarted-worker';

export interface CliIO {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
  /** Technical log (the runner's cleanup reports, error details); the log file in the real CLI. */
  log: OperationLog;
  /** The extraction worker, started before the command line was parsed (main.ts): the first model read runs in it. */
  prestarted?: PrestartedWorker;
}

/** Exit statuses of extract and plan: 0 all done, 1 some file failed, 2 bad command line (signals: interrupt.ts). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** "1.8 s", "320 ms". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
