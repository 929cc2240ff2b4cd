// What to make of files dropped on the window: the first IFC model among them, or a sentence that
// says why nothing opens (a folder, a PDF, a file that is gone). No Qt here, so it is tested as is.
import * as fs from 'fs';
import * as path from 'path';
import { isModelFileName } from '../../core/schedule/model-file';

export type DropChoice = { file: string; note?: string } | { error: string };

export function chooseDroppedModel(paths: readonly string[]): DropChoice {
  const local = paths.filter((p) => p.length > 0);
  if (local.length === 0) return { error: 'Only files on this computer can be opened: drop an .ifc or .ifczip file.' };
  const models: string[] = [];
  let folder: string | undefined;
  let missing: string | undefined;
  for (const p of local) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      missing ??= p;
      continue;
    }
    if (stat.isDirectory()) folder ??= p;
    else if (isModelFileName(p)) models.push(p);
  }
  if (models.length > 0) {
    const note = models.length > 1 ? `${models.length} models were dropped; opening ${path.basename(models[0])} (one model at a time).` : undefined;
    return note ? { file: models[0], note } : { file: models[0] };
  }
  if (folder) return { error: `“${path.basename(folder)}” is a folder: drop an .ifc or .ifczip file from it.` };
  if (missing && local.length === 1) return { error: `“${path.basename(missing)}” cannot be read (it may have been moved or deleted).` };
  const shown = local.slice(0, 2).map((p) => `“${path.basename(p)}”`).join(', ');
  return { error: `${shown}${local.length > 2 ? ` and ${local.length - 2} more` : ''} ${local.length === 1 ? 'is not an IFC model' : 'are not IFC models'}: drop an .ifc or .ifczip file.` };
}
