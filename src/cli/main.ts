// Entry of the `ifc-room-schedule` command (bin/ifc-room-schedule.js loads this, or its bundle
// dist/cli.js). Runs on load; the exit status is set, not forced, so the process ends by itself
// once every worker and stream is closed: a process that does not end reveals a leak.
import { PrestartedWorker } from '../core/operations/prestarted-worker';
import type { CliIO } from './cli-io';
import { CLI_EXTRACTION_WORKER_FILE } from './cli-workers';

/** The worker that reads the first model, for the commands whose first step that is. */
function firstWorker(command: string | undefined): string | undefined {
  if (command === 'extract') return CLI_EXTRACTION_WORKER_FILE;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (command === 'diff' || command === 'plan') return (require('../ifc/extraction-job') as typeof import('../ifc/extraction-job')).EXTRACTION_WORKER_FILE;
  return undefined;
}

// That worker is started first, before the rest of this program loads: its start-up (~70 ms for the
// thread, ~40 ms for the engine's code on the 2-core reference VM) then overlaps the ~50 ms this
// thread needs to load and parse the command line, where it used to follow them. A command is
// always the first argument (the program's own options are only -V and -h). Not taken (a bad
// command line, --help), the thread is ended with the command.
const first = firstWorker(process.argv[2]);
const prestarted = first ? new PrestartedWorker(first) : undefined;

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
