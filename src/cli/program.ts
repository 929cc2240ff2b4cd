// The command line: commander's definition of `ifc-room-schedule` and its commands. runCli returns
// the exit status instead of exiting, so tests can run it in-process.
import { Command, CommanderError, Option } from 'commander';
import { CSV_TABLES, EXPORT_FORMATS } from '../export/export-options';
import { EXPORTER } from '../export/exporter-info';
import { DEFAULT_ENGINE, EXTRACTION_ENGINES } from '../ifc/extraction-engine';
import { CliIO } from './cli-io';
import { EXIT, ExtractCommandOptions, runExtractCommand } from './extract-command';
import { registerDiffCommand } from './diff-command';
import { registerCheckCommand } from './check-command';
import { registerPlanCommand } from './plan-command';

const OUTPUT_HELP = `
Output:
  Without -o, each export is written to the current folder, named after its input:
  MultiZoneBuilding.ifc → ./MultiZoneBuilding.json (or .xlsx, or .rooms.csv + .boundaries.csv).
  -o <file>     with one input: that file (a name ending in .json, .csv, .xlsx or .pdf also sets the format).
  -o <folder>   with several inputs (or an existing folder): one export per input inside it.
  -o -          JSON (or CSV with one --table) to stdout; the summary then goes to stderr.
  CSV writes two tables: <out>.rooms.csv (one row per room) and <out>.boundaries.csv (one row per
  space boundary); --table writes only one, to <out> itself. UTF-8, comma-separated, RFC 4180
  quoting of every field, and text starting with = + - @ (which a spreadsheet would run as a
  formula) prefixed with '; --excel-csv adds the byte-order mark Excel needs for accents.
  Files are written under a temporary name and renamed when complete: an interrupted export
  never leaves a half-written file.

Templates:
  XLSX, PDF and the rooms CSV follow a schedule template: its columns, grouping (storey, zone,
  category, department), order and units (m² or ft²). The default is "Room schedule": Number, Name,
  Storey, Category, Net floor area, Perimeter, Height, Volume, floor/wall/ceiling finishes, Notes,
  grouped by storey with subtotals. Your own templates are JSON files in the settings folder's
  templates/ (see the README).

Annotations:
  --annotations takes {"spaces": {"<GlobalId>": "note"}, "boundaries": {...}}, the app's saved
  notes file, or a previous JSON export; the notes appear in every format.

Exit status: 0 all files exported, 1 a file failed (the others are still exported),
2 bad command line, 130 interrupted with Ctrl-C (the running step is cancelled, no worker is left).

Examples:
  ifc-room-schedule extract model.ifc                    → ./model.json
  ifc-room-schedule extract model.ifc -o rooms.xlsx
  ifc-room-schedule extract model.ifc -o rooms.pdf --template "Room schedule (ft²)"
  ifc-room-schedule extract model.ifc --annotations notes.json --write-ifc model-annotated.ifc -o rooms.xlsx
  ifc-room-schedule extract *.ifc --format csv -o out/
  ifc-room-schedule extract model.ifc -o - | jq '.spaces | length'
`;

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('ifc-room-schedule')
    .description('Room schedules from IFC building models: rooms, quantities, space boundaries and relationships.')
    .version(EXPORTER.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError();

  program
    .command('extract')
    .description('Extract the room schedule of each IFC file (.ifc or .ifczip) and export it as JSON, CSV, XLSX or PDF.')
    .argument('<file...>', 'IFC files to read')
    .addOption(new Option('-f, --format <format>', 'export format (default: from -o\'s extension, else json)').choices(EXPORT_FORMATS))
    .option('-o, --out <path>', 'output file, folder, or - for stdout (see Output below)')
    .addOption(new Option('--table <table>', 'CSV: write only this table').choices(CSV_TABLES))
    .option('--excel-csv', 'CSV: add the UTF-8 byte-order mark Excel needs for accents (same as --bom)')
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark (Excel then reads accents right)')
    .addOption(new Option('--separator <char>', 'CSV: field separator; ";" also writes decimal commas, for Excel set to a comma-decimal locale').choices([',', ';']))
    .option('--template <name|file>', 'schedule template: a name ("Room schedule", "Room schedule (ft²)", "Areas by department", or yours in the settings folder) or a JSON file')
    .option('--write-ifc <out.ifc>', 'also write a copy of the model with the notes as a property set (IfcRoomSchedule_Notes) on each room; the original is never changed')
    .option('--annotations <file>', 'JSON file with notes on rooms and boundaries to include')
    .option('--skip-geometry', 'skip boundary geometry (no areas or orientations): faster')
    .addOption(new Option('--engine <engine>', 'how the file is read: fast (the schedule\'s records read from the text; web-ifc meshes rooms and reads any file fast refuses) or web-ifc (the whole file parsed by web-ifc)').choices(EXTRACTION_ENGINES).default(DEFAULT_ENGINE))
    .option('-q, --quiet', 'no progress bar and no summary lines (errors are still printed)')
    .option('--verbose', 'print technical detail with errors, and each phase as a line when stderr is not a terminal')
    .addHelpText('after', OUTPUT_HELP)
    .action(async (files: string[], options: ExtractCommandOptions) => setExit(await runExtractCommand(files, options, io)));
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
