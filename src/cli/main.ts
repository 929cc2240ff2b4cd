// Entry of the `ifc-room-schedule` command (bin/ifc-room-schedule.js loads this, or its bundle
// dist/cli.js). Runs on load; the exit status is set, not forced, so the process ends by itself
// once every worker and stream is closed: a process that does not end reveals a leak.
import { closeLogger, deferredFileLog } from '../platform/logging';
import { term } from '../platform/terminal-text';
import { runCli } from './program';

// Technical detail goes to the app's log file (stderr belongs to the progress bar and messages);
// the file is opened only if something is logged.
const cliLog = deferredFileLog({ console: false });

async function main(): Promise<void> {
  const code = await runCli(process.argv, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), log: cliLog });
  await closeLogger();
  process.exitCode = code;
}

main().catch((e: unknown) => {
  process.stderr.write(term`ifc-room-schedule: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this with the log file.\n`);
  process.exitCode = 1;
});
