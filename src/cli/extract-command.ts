// `ifc-room-schedule extract <file...>` as the user types it: its options, help text and exit
// statuses. What it does is in extract-run.ts, loaded only when extract runs: `--version` or
// `diff` need not load the extraction and export code.
import { Command, Option } from 'commander';
import { CSV_TABLES, CsvTable, EXPORT_FORMATS, ExportFormat } from '../export/export-options';
import { DEFAULT_ENGINE, EXTRACTION_ENGINES, ExtractionEngine } from '../ifc/extraction-engine';
import { CliIO } from './cli-io';

export interface ExtractCommandOptions {
  format?: ExportFormat;
  out?: string;
  table?: CsvTable;
  excelCsv?: boolean;
  bom?: boolean;
  separator?: ',' | ';';
  template?: string;
  writeIfc?: string;
  annotations?: string;
  skipGeometry?: boolean;
  engine?: ExtractionEngine;
  quiet?: boolean;
  verbose?: boolean;
}

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

export function registerExtractCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
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
    .action(async (files: string[], options: ExtractCommandOptions) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runExtractCommand } = require('./extract-run') as typeof import('./extract-run');
      setExit(await runExtractCommand(files, options, io));
    });
}
