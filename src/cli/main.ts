// Entry of the `ifc-room-schedule` command (bin/ifc-room-schedule.js loads this, or its bundle
// dist/cli.js). Runs on load; the exit status is set, not forced, so the process ends by itself
// once every worker and stream is closed: a process that does not end reveals a leak.
import { OperationLog } from '../core/operations/operation-log';
import { closeLogger, createLogger } from '../platform/logging';
import { term } from '../platform/terminal-text';
import { runCli } from './program';

function fileLog(): OperationLog {
  try {
    // Technical detail goes to the app's log file; stderr belongs to the progress bar and messages.
    const logger = createLogger({ console: false });
    return { info: (m, d) => logger.info(m, d), warn: (m, d) => logger.warn(m, d), error: (m, d) => logger.error(m, d) };
  } catch {
    // No writable log folder (read-only home, sandbox): the CLI still works, without a log file.
    return { info: () => undefined, warn: () => undefined, error: () => undefined };
  }
}

async function main(): Promise<void> {
  const code = await runCli(process.argv, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), log: fileLog() });
  await closeLogger();
  process.exitCode = code;
}

main().catch((e: unknown) => {
  process.stderr.write(term`ifc-room-schedule: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this with the log file.\n`);
  process.exitCode = 1;
});
