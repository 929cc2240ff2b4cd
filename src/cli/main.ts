// Entry of the `ifc-room-schedule` command (bin/ifc-room-schedule.js loads this, or its bundle
// dist/cli.js). Runs on load; the exit status is set, not forced, so the process ends by itself
// once every worker and stream is closed: a process that does not end reveals a leak.
import { PrestartedWorker } from '../core/operations/prestarted-worker';
import { EXTRACTION_WORKER_FILE } from '../ifc/extraction-job';
import { CLI_EXTRACTION_WORKER_FILE } from './cli-extraction-job';
import type { CliIO } from './cli-io';

/** The worker that reads the first model, for the commands whose first step that is. */
const FIRST_WORKER: Record<string, string> = { extract: CLI_EXTRACTION_WORKER_FILE, diff: EXTRACTION_WORKER_FILE, plan: EXTRACTION_WORKER_FILE };

// That worker is started first, before the rest of this program loads: its start-up (~70 ms for the
// thread, ~40 ms for the engine's code on the 2-core reference VM) then overlaps the ~50 ms this
// thread needs to load and parse the command line, where it used to follow them. A command is
// always the first argument (the program's own options are only -V and -h). Not taken (a bad
// command line, --help), the thread is ended with the command.
const firstWorker = Object.hasOwn(FIRST_WORKER, process.argv[2] ?? '') ? FIRST_WORKER[process.argv[2]] : undefined;
const prestarted = firstWorker ? new PrestartedWorker(firstWorker) : undefined;

/* eslint-disable @typescript-eslint/no-require-imports */
const { closeLogger, deferredFileLog } = require('../platform/logging') as typeof import('../platform/logging');
const { term } = require('../platform/terminal-text') as typeof import('../platform/terminal-text');
const { runCli } = require('./program') as typeof import('./program');
/* eslint-enable @typescript-eslint/no-require-imports */

async function main(): Promise<void> {
  // Technical detail goes to the app's log file (stderr belongs to the progress bar and messages);
  // the file is opened only if something is logged.
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), log: deferredFileLog({ console: false }), prestarted };
  try {
    process.exitCode = await runCli(process.argv, io);
  } finally {
    prestarted?.dispose();
    await closeLogger();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(term`ifc-room-schedule: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this with the log file.\n`);
  process.exitCode = 1;
});
