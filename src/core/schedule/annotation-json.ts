// Notes as they are stored and exchanged: JSON objects of key → text ({"spaces": {…}, "boundaries":
// {…}}), the format of the saved notes file, the JSON export and --annotations. In memory they are
// Maps (see Annotations): a room whose GlobalId is "constructor" or "__proto__" is an ordinary key
// there, while a plain object would find Object.prototype's members or change its own prototype.
import { Annotations } from './model';

export interface AnnotationsJSON {
  spaces: Record<string, string>;
  boundaries: Record<string, string>;
}

export function emptyAnnotations(): Annotations {
  return { spaces: new Map(), boundaries: new Map() };
}

/** Object.fromEntries defines own properties, so "__proto__" becomes a key, not a prototype. */
function toRecord(map: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(map);
}

export function annotationsToJSON(a: Annotations): AnnotationsJSON {
  return { spaces: toRecord(a.spaces), boundaries: toRecord(a.boundaries) };
}

function notesMap(value: unknown, where: string): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`"${where}" must be an object of GlobalId → note`);
  // Object.entries lists own properties only: JSON.parse makes "__proto__" one of them.
  for (const [key, note] of Object.entries(value)) {
    if (typeof note !== 'string') throw new Error(`the note for "${key}" in "${where}" is not text`);
    out.set(key, note);
  }
  return out;
}

/**
 * Reads notes from parsed JSON: {"spaces": …, "boundaries": …}, or any document holding them under
 * "annotations" (the saved notes file, a JSON export). Throws an Error saying what is wrong.
 */
export function annotationsFromJSON(value: unknown): Annotations {
  const root = value as { annotations?: unknown; spaces?: unknown; boundaries?: unknown } | null;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new Error('the file holds no JSON object');
  const holder = (root.annotations ?? root) as { spaces?: unknown; boundaries?: unknown };
  if (typeof holder !== 'object' || holder === null || (holder.spaces === undefined && holder.boundaries === undefined)) throw new Error('it has neither "spaces" nor "boundaries" (nor an "annotations" object holding them)');
  return { spaces: notesMap(holder.spaces, 'spaces'), boundaries: notesMap(holder.boundaries, 'boundaries') };
}
