// Schedule templates on disk: the user's own, as JSON files in <settings folder>/templates/, listed
// beside the built-in ones (a file whose template has a built-in's name replaces it), and any JSON
// file named on the command line. A broken file is reported with what is wrong in it and skipped,
// never fatal for the others.
import * as fs from 'fs';
import * as path from 'path';
import { OperationError } from '../core/operations/operation-error';
import { BUILT_IN_TEMPLATES, parseTemplate, ScheduleTemplate } from '../core/schedule/schedule-template';

export function templateFolder(configDir: string): string {
  return path.join(configDir, 'templates');
}

export interface TemplateList {
  templates: ScheduleTemplate[];
  /** Files that could not be used, with why. */
  problems: { file: string; message: string }[];
}

/** Reads and checks one template file; the file's name (without .json) names a template that has no "name". */
export function readTemplateFile(file: string): ScheduleTemplate {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OperationError({ category: 'file', code: 'template-unreadable', message: `Could not read the template “${name}”: ${code === 'ENOENT' ? 'it does not exist' : (e as Error).message}.`, suggestion: 'Check the path, or give the name of a template in the settings folder.', detail: String(e) });
  }
  try {
    return parseTemplate(JSON.parse(text.replace(/^\uFEFF/, '')), path.basename(file, path.extname(file)));
  } catch (e) {
    throw new OperationError({
      category: 'file',
      code: 'template-invalid',
      message: `The template “${name}” cannot be used: ${(e as Error).message}.`,
      suggestion: 'Fix the file (it is JSON: {"name": …, "columns": [{"field": "number"}, …], "groupBy": "storey"}); the README lists the fields.',
      detail: String(e),
    });
  }
}

export function listTemplates(configDir: string): TemplateList {
  const folder = templateFolder(configDir);
  const byName = new Map(BUILT_IN_TEMPLATES.map((t) => [t.name, t]));
  const problems: TemplateList['problems'] = [];
  let files: string[] = [];
  try {
    files = fs.readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.json')).sort();
  } catch {
    // No folder yet: only the built-in templates.
  }
  for (const f of files) {
    try {
      const t = readTemplateFile(path.join(folder, f));
      byName.set(t.name, t);
    } catch (e) {
      problems.push({ file: path.join(folder, f), message: (e as Error).message });
    }
  }
  return { templates: [...byName.values()], problems };
}

/** `--template NAME|FILE`: a path to a JSON file (it exists, or ends in .json), else a template's name. */
export function resolveTemplate(nameOrFile: string, configDir: string, cwd: string): ScheduleTemplate {
  const asFile = path.resolve(cwd, nameOrFile);
  if (nameOrFile.toLowerCase().endsWith('.json') || fs.existsSync(asFile)) return readTemplateFile(asFile);
  const { templates } = listTemplates(configDir);
  const found = templates.find((t) => t.name === nameOrFile) ?? templates.find((t) => t.name.toLowerCase() === nameOrFile.toLowerCase());
  if (found) return found;
  throw new OperationError({
    category: 'file',
    code: 'template-unknown',
    message: `There is no template named “${nameOrFile}”.`,
    suggestion: `Use one of: ${templates.map((t) => `"${t.name}"`).join(', ')}, or the path of a template file (templates of your own go in ${templateFolder(configDir)}).`,
  });
}
