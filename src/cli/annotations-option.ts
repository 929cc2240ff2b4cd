// Reads --annotations: the user's notes to put into the exports. Accepted shapes, so notes can come
// from wherever they already are:
// - { "spaces": { "<GlobalId>": "note" }, "boundaries": { … } }             (hand-written)
// - { "annotations": { "spaces": …, "boundaries": … }, … }                  (the app's saved notes
//   file, <data dir>/annotations/<sha256>.json, or a previous JSON export)
import * as fs from 'fs';
import * as path from 'path';
import { OperationError } from '../core/operations/operation-error';
import { annotationsFromJSON } from '../core/schedule/annotation-json';
import { Annotations } from '../core/schedule/model';

export function readAnnotationsOption(file: string): Annotations {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new OperationError({ category: 'file', code: 'annotations-unreadable', message: `Could not read the annotations file “${name}”: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (e as Error).message}.`, suggestion: 'Check the path given to --annotations.', detail: String(e) });
  }
  try {
    return annotationsFromJSON(JSON.parse(text.replace(/^\uFEFF/, '')));
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
