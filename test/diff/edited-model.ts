// Revisions of the real sample models, made the way a new export would differ: the test edits the
// STEP text of a copy (a name, a storey assignment, a quantity, a deleted room, fresh GlobalIds)
// and writes it to a temp folder.
import * as fs from 'fs';
import * as path from 'path';
import { generatedGlobalId } from '../../bench/step-template';
import { realModel } from '../support/fixtures';

/** A text edit that must apply exactly once, so a test can never pass by editing nothing. */
export interface StepEdit {
  replace: string;
  with: string;
}

export function applyEdit(text: string, edit: StepEdit): string {
  const at = text.indexOf(edit.replace);
  if (at < 0) throw new Error(`edit not applicable: “${edit.replace}” is not in the file`);
  if (text.indexOf(edit.replace, at + 1) >= 0) throw new Error(`edit ambiguous: “${edit.replace}” occurs more than once`);
  return text.slice(0, at) + edit.with + text.slice(at + edit.replace.length);
}

/**
 * Deletes entity #id as an exporter would once the room is gone: its own statement, every
 * relationship that related only it, and its place in longer lists. Expects one statement per line.
 */
export function deleteEntity(text: string, id: number): string {
  const ref = `#${id}`;
  const lines = text.split('\n');
  const kept = lines.filter((line) => !line.startsWith(`${ref}=`) && !line.includes(`(${ref})`));
  if (kept.length === lines.length) throw new Error(`${ref} is not defined on a line of its own`);
  const listed = new RegExp(`(,${ref}(?=[,)])|(?<=\\()${ref},)`, 'g');
  return kept.map((line) => line.replace(listed, '')).join('\n');
}

/** Gives every rooted entity a new GlobalId, as an exporter that does not keep them does. */
export function regenerateGlobalIds(text: string): string {
  let counter = 1;
  const out = text.replace(/(= ?IFC[A-Z0-9]+\(')([0-9A-Za-z_$]{22})(')/g, (_m, before: string, _id: string, after: string) => `${before}${generatedGlobalId(counter++)}${after}`);
  if (counter === 1) throw new Error('no GlobalId found to regenerate');
  return out;
}

/** Writes `sample` with `change` applied into `dir` as `name` and returns its path. */
export function editedCopy(sample: string, dir: string, name: string, change: (text: string) => string): string {
  // latin1 maps bytes 1:1 to chars: whatever encoding the sample uses survives the edit unchanged.
  const text = fs.readFileSync(realModel(sample), 'latin1');
  const edited = change(text);
  if (edited === text) throw new Error(`the edit left ${sample} unchanged`);
  const file = path.join(dir, name);
  fs.writeFileSync(file, edited, 'latin1');
  return file;
}

export const withEdits = (...edits: StepEdit[]) => (text: string) => edits.reduce(applyEdit, text);
