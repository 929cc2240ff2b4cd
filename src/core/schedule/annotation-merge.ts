// Two windows editing the notes of one model: before replacing the saved file, the autosave merges
// what the other window saved since (theirs) with this window's notes (ours), relative to the notes
// both started from (base). Keys only one side changed take that side; a key both changed to
// different texts keeps both, so no note anyone typed is lost.
import { Annotations } from './model';
import { AnnotationTarget } from './annotations';

/** Separates the two versions of a note both windows changed. */
export const CONFLICT_SEPARATOR = '\n\n——— also written in another window ———\n';

export interface NotesMerge {
  merged: Annotations;
  /** Keys whose merged text differs from ours: the window must show them. */
  changedForUs: { target: AnnotationTarget; key: string; text: string }[];
  /** Keys both sides changed differently (both texts kept). */
  conflicts: { target: AnnotationTarget; key: string }[];
}

function mergeOne(base: string | undefined, ours: string | undefined, theirs: string | undefined): string | undefined {
  if (ours === theirs) return ours;
  if (ours === base) return theirs;
  if (theirs === base) return ours;
  // Both changed: a deletion loses to an edit; two edits are both kept.
  if (ours === undefined) return theirs;
  if (theirs === undefined) return ours;
  return `${ours}${CONFLICT_SEPARATOR}${theirs}`;
}

export function mergeAnnotations3(base: Annotations, ours: Annotations, theirs: Annotations): NotesMerge {
  const merged: Annotations = { spaces: new Map(), boundaries: new Map() };
  const changedForUs: NotesMerge['changedForUs'] = [];
  const conflicts: NotesMerge['conflicts'] = [];
  for (const target of ['spaces', 'boundaries'] as const) {
    const out = merged[target] as Map<string, string>;
    const keys = new Set([...base[target].keys(), ...ours[target].keys(), ...theirs[target].keys()]);
    for (const key of keys) {
      const b = base[target].get(key);
      const o = ours[target].get(key);
      const t = theirs[target].get(key);
      const m = mergeOne(b, o, t);
      if (m !== undefined) out.set(key, m);
      if (m !== o) changedForUs.push({ target, key, text: m ?? '' });
      if (o !== t && o !== b && t !== b && o !== undefined && t !== undefined) conflicts.push({ target, key });
    }
  }
  return { merged, changedForUs, conflicts };
}
