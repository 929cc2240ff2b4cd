// Notes edited in a spreadsheet the app exported, coming back: what would change (added, changed,
// cleared), matched by GlobalId, shown to the user before anything is applied. Rows whose GlobalId
// the model does not have are listed, never guessed at by name.
import { annotationKey, Annotations, displayName, RoomSchedule, storeyLabel } from './model';

/** Notes read from a file: key (GlobalId, or "#expressId") → note; '' means the cell was emptied. */
export interface ImportedNotes {
  spaces: Map<string, string>;
  boundaries: Map<string, string>;
}

export interface NoteChange {
  target: 'spaces' | 'boundaries';
  key: string;
  /** "0.12 Küche (Erdgeschoss)", or for a surface its room and element. */
  label: string;
  kind: 'added' | 'changed' | 'cleared';
  before: string;
  after: string;
}

export interface NotesImportPlan {
  changes: NoteChange[];
  unchanged: number;
  /** GlobalIds in the file that the model has no room or boundary for. */
  unknown: string[];
}

export function planNotesImport(schedule: RoomSchedule, current: Annotations, imported: ImportedNotes): NotesImportPlan {
  const labels = { spaces: new Map<string, string>(), boundaries: new Map<string, string>() };
  for (const s of schedule.spaces) {
    const room = `${displayName(s)}${s.longName?.trim() && s.name?.trim() ? ` ${s.longName.trim()}` : ''} (${storeyLabel(s.storey)})`;
    labels.spaces.set(annotationKey(s), room);
    for (const b of s.boundaries) labels.boundaries.set(annotationKey(b), `${room}: ${b.surfaceCategory}${b.relatedElement?.name ? ` ${b.relatedElement.name}` : ''}`);
  }
  const changes: NoteChange[] = [];
  const unknown: string[] = [];
  let unchanged = 0;
  for (const target of ['spaces', 'boundaries'] as const) {
    for (const [key, raw] of imported[target]) {
      const label = labels[target].get(key);
      if (label === undefined) {
        unknown.push(key);
        continue;
      }
      const before = current[target].get(key) ?? '';
      const after = raw.replace(/\r\n/g, '\n');
      if (before === after) {
        unchanged++;
        continue;
      }
      changes.push({ target, key, label, kind: before === '' ? 'added' : after === '' ? 'cleared' : 'changed', before, after });
    }
  }
  return { changes, unchanged, unknown };
}

/** "3 notes added, 1 changed, 2 cleared; 40 unchanged; 1 row matches no room". */
export function describePlan(plan: NotesImportPlan): string {
  const n = (k: NoteChange['kind']) => plan.changes.filter((c) => c.kind === k).length;
  const parts = [`${n('added')} added`, `${n('changed')} changed`, `${n('cleared')} cleared`];
  const unknown = plan.unknown.length ? `; ${plan.unknown.length} row${plan.unknown.length === 1 ? '' : 's'} match${plan.unknown.length === 1 ? 'es' : ''} nothing in this model` : '';
  return `Notes: ${parts.join(', ')}; ${plan.unchanged} unchanged${unknown}.`;
}
