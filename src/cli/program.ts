// The command line: commander's definition of `ifc-room-schedule` and its commands. runCli returns
// the exit status instead of exiting, so tests can run it in-process. Each command's definition
// (options, help) is light; what it does is loaded only when it runs: loading every command's
// code up front cost 340 ms before `--version` could answer (exceljs for diff alone 200 ms).
import { Command, CommanderError } from 'commander';
import { EXPORTER } from '../export/exporter-info';
import { CliIO, EXIT } from './cli-io';
import { registerCheckCommand } from './check-command';
import { registerDiffCommand } from './diff-command';
import { registerExtractCommand } from './extract-command';
import { registerPlanCommand } from './plan-command';

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('ifc-room-schedule')
    .description('Room schedules from IFC building models: rooms, quantities, space boundaries and relationships.')
    .version(EXPORTER.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError();
  registerExtractCommand(program, io, setExit);
  registerDiffCommand(program, io, setExit);
  registerCheckCommand(program, io, setExit);
  registerPlanCommand(program, io, setExit);
  return program;
}

/** Runs the command line `argv` (as in process.argv: node, script, args…) and returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    // Help and version end with exitCode 0; anything else is a usage error, already printed.
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return code;
}
