// `ifc-room-schedule check MODEL --ids FILE` as the user types it: options, help and exit statuses
// (0 every applicable requirement passes, 1 some fail, 2 the IDS or the model cannot be used;
// Ctrl-C 130). What it does is in check-run.ts, loaded only when check runs.
import { Command, Option } from 'commander';
import { IDS_REPORT_FORMATS, IdsReportFormat } from '../export/ids-report-output';
import { CliIO } from './cli-io';

export interface CheckCommandOptions {
  ids?: string;
  out?: string;
  format?: IdsReportFormat;
  quiet?: boolean;
  verbose?: boolean;
}

export const CHECK_EXIT = { pass: 0, fail: 1, unusable: 2 } as const;

const CHECK_HELP = `
Checks every specification of a buildingSMART IDS 1.0 file (ids.xsd, all facets: entity,
attribute, property incl. those of the element's type, classification, material, partOf) on every
entity it selects. The IDS is validated against the official schema and the IFC schemas first;
an invalid IDS is refused with the reason, never checked in part.

Output:
  A line per specification (✓ / ✗, applicable and failing entities) and the first failures with
  their reason; -o report.json or -o report.xlsx writes every result (JSON: the report with a
  per-entity list of failures; XLSX: sheets Specifications, Failures, Summary); -o - writes JSON
  to stdout.

Exit status: 0 every applicable requirement passes, 1 some requirement fails, 2 the IDS or the
model cannot be used (or a bad command line, or the report cannot be written), 130 interrupted.

Examples:
  ifc-room-schedule check model.ifc --ids rooms.ids
  ifc-room-schedule check model.ifc --ids rooms.ids -o report.xlsx
`;

export function registerCheckCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('Check a model against an IDS file (buildingSMART Information Delivery Specification 1.0).')
    .argument('<model>', 'the IFC file (.ifc or .ifczip)')
    .requiredOption('--ids <file>', 'the IDS file (.ids)')
    .addOption(new Option('-f, --format <format>', "report format (default: from -o's extension, else json)").choices(IDS_REPORT_FORMATS))
    .option('-o, --out <file>', 'write the full report to this file (.json or .xlsx), or - for JSON on stdout')
    .option('-q, --quiet', 'no progress bar and no summary (errors are still printed)')
    .option('--verbose', 'list every failure, print technical detail with errors')
    .addHelpText('after', CHECK_HELP)
    .action(async (model: string, options: CheckCommandOptions) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runCheckCommand } = require('./check-run') as typeof import('./check-run');
      setExit(await runCheckCommand(model, options, io));
    });
}
