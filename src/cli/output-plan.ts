// Where `extract` writes each input's export, decided before any work starts so a bad -o fails
// at once instead of after a minute of parsing.
//
// Rules (also in the --help text):
// - no -o: in the current folder, named after the input: "MultiZoneBuilding.ifc" →
//   "./MultiZoneBuilding.json" (the input's folder may be read-only, a network share or the
//   project's own sample folder; the current folder is where the user is working);
// - -o with one input: that file (or, when it is an existing folder or ends with "/", a file in it);
// - -o with several inputs: a folder (created if missing), one export per input inside it;
// - -o -: the export goes to stdout (JSON, or CSV with a single --table), one input only.
// CSV with both tables turns the name "x.csv" into "x.rooms.csv" and "x.boundaries.csv".
import * as fs from 'fs';
import * as path from 'path';
import { withoutModelExtension } from '../core/schedule/model-file';
import { CsvTable, ExportFormat, EXPORT_FORMATS } from '../export/export-options';
import { exportTargets } from '../export/export-targets';
import { checkReplaceable, ProtectedFile } from '../platform/atomic-file';
import { fileError } from '../core/files/file-errors';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OutputPlan {
  input: string;
  /** Target passed to the exporter, or '-' for stdout. */
  outPath: string;
  /** The files that will be written (empty for stdout). */
  files: string[];
}

export interface OutputRequest {
  inputs: string[];
  format?: ExportFormat;
  out?: string;
  tables?: CsvTable[];
  cwd: string;
}

/** The format asked for, else the one -o's extension names, else JSON. */
export function resolveFormat(format: ExportFormat | undefined, out: string | undefined): ExportFormat {
  if (format) return format;
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  return (EXPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ExportFormat) : 'json';
}

function stem(input: string): string {
  return withoutModelExtension(path.basename(input));
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function planOutputs(request: OutputRequest, format: ExportFormat): OutputPlan[] {
  const { inputs, out, tables, cwd } = request;
  const plan = (input: string, outPath: string): OutputPlan => ({ input, outPath, files: exportTargets({ format, outPath, tables }) });
  const named = (input: string, folder: string) => plan(input, path.resolve(folder, `${stem(input)}.${format}`));

  if (out === '-') {
    if (inputs.length !== 1) throw new UsageError('-o - (stdout) takes one input file; use -o <folder> for several.');
    if (format === 'xlsx') throw new UsageError('An Excel workbook cannot go to stdout; use -o <file.xlsx>.');
    if (format === 'pdf') throw new UsageError('A PDF cannot go to stdout; use -o <file.pdf>.');
    if (format === 'csv' && tables?.length !== 1) throw new UsageError('CSV to stdout needs one table: add --table rooms or --table boundaries.');
    return [{ input: inputs[0], outPath: '-', files: [] }];
  }
  let plans: OutputPlan[];
  if (out === undefined) plans = inputs.map((i) => named(i, cwd));
  else if (inputs.length === 1 && !isFolder(path.resolve(cwd, out)) && !/[\\/]$/.test(out)) plans = [plan(inputs[0], path.resolve(cwd, out))];
  else {
    const folder = path.resolve(cwd, out);
    if (fs.existsSync(folder) && !isFolder(folder)) throw new UsageError(`-o ${out} is a file; with several inputs -o names a folder.`);
    plans = inputs.map((i) => named(i, folder));
  }
  const seen = new Map<string, string>();
  for (const p of plans) {
    for (const f of p.files) {
      const other = seen.get(f);
      if (other !== undefined && other !== p.input) throw new UsageError(`${other} and ${p.input} would both be written to ${f}; export them in separate runs or folders.`);
      seen.set(f, p.input);
    }
  }
  return plans;
}

/**
 * Refuses, before any work, targets an export must never replace: an input model, the --annotations
 * file, a symbolic link, a pipe or a device node. Throws an OperationError naming which.
 */
export function checkOutputTargets(plans: readonly OutputPlan[], annotationsFile: string | undefined): void {
  const protect: ProtectedFile[] = plans.map((p) => ({ path: path.resolve(p.input), role: `the input model “${path.basename(p.input)}”` }));
  if (annotationsFile) protect.push({ path: annotationsFile, role: 'the --annotations file' });
  for (const f of plans.flatMap((p) => p.files)) checkReplaceable(f, protect);
}

/** Creates the output folders (only once the whole plan is known to be valid). */
export function createOutputFolders(plans: readonly OutputPlan[]): void {
  for (const f of plans.flatMap((p) => p.files)) {
    try {
      fs.mkdirSync(path.dirname(f), { recursive: true });
    } catch (e) {
      throw fileError(e, path.dirname(f), 'create-folder');
    }
  }
}
