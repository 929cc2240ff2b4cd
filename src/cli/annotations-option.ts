// Reads --annotations: the user's notes to put into the exports. Accepted shapes, so notes can come
// from wherever they already are:
// - { "spaces": { "<GlobalId>": "note" }, "boundaries": { … } }             (hand-written)
// - { "annotations": { "spaces": …, "boundaries": … }, … }                  (the app's saved notes
//   file, <data dir>/annotations/<sha256>.json, or a previous JSON export)
import * as fs from 'fs';
import * as path from 'path';
import { OperationError } from '../core/operations/operation-error';
import { Annotations } from '../core/schedule/model';

function notesMap(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`"${where}" must be an object of GlobalId → note`);
  const out: Record<string, string> = {};
  for (const [key, note] of Object.entries(value)) {
    if (typeof note !== 'string') throw new Error(`the note for "${key}" in "${where}" is not text`);
    out[key] = note;
  }
  return out;
}

export function parseAnnotations(value: unknown): Annotations {
  const root = value as { annotations?: unknown; spaces?: unknown; boundaries?: unknown } | null;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new Error('the file holds no JSON object');
  const holder = (root.annotations ?? root) as { spaces?: unknown; boundaries?: unknown };
  if (typeof holder !== 'object' || holder === null || (holder.spaces === undefined && holder.boundaries === undefined)) throw new Error('it has neither "spaces" nor "boundaries" (nor an "annotations" object holding them)');
  return { spaces: notesMap(holder.spaces, 'spaces'), boundaries: notesMap(holder.boundaries, 'boundaries') };
}

export function readAnnotationsOption(file: string): Annotations {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new OperationError({ category: 'file', code: 'annotations-unreadable', message: `Could not read the annotations file “${name}”: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (e as Error).message}.`, suggestion: 'Check the path given to --annotations.', detail: String(e) });
  }
  try {
    return parseAnnotations(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (e) {
    throw new OperationError({
      category: 'file',
      code: 'annotations-invalid',
      message: `The annotations file “${name}” cannot be used: ${(e as Error).message}.`,
      suggestion: 'Give a JSON file like {"spaces": {"<GlobalId>": "note"}, "boundaries": {}}, the app\'s saved notes file, or a JSON export.',
      detail: String(e),
    });
  }
}
