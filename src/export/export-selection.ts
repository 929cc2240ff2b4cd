// What goes into an export: the chosen spaces, and the user's notes looked up for each space and
// boundary. Every format reads the schedule through this, so all three agree on rows and notes.
import { annotationKey, Annotations, RoomSchedule, Space, SpaceBoundary } from '../core/schedule/model';
import { buildScheduleTable, ScheduleTable } from '../core/schedule/schedule-table';
import { defaultTemplate, ScheduleTemplate } from '../core/schedule/schedule-template';

/** Later sources win: the notes passed with the export override those stored in the schedule. */
export function mergeAnnotations(...sources: (Annotations | undefined)[]): Annotations {
  const spaces = new Map<string, string>();
  const boundaries = new Map<string, string>();
  for (const s of sources) {
    if (!s) continue;
    for (const [k, v] of s.spaces) spaces.set(k, v);
    for (const [k, v] of s.boundaries) boundaries.set(k, v);
  }
  return { spaces, boundaries };
}

export class ExportSelection {
  readonly spaces: readonly Space[];
  readonly annotations: Annotations;
  readonly boundaryCount: number;
  readonly relationshipCount: number;

  constructor(
    readonly schedule: RoomSchedule,
    annotations: Annotations | undefined,
    spaceFilter: readonly string[] | undefined,
  ) {
    const wanted = spaceFilter ? new Set(spaceFilter) : undefined;
    this.spaces = wanted ? schedule.spaces.filter((s) => wanted.has(annotationKey(s))) : schedule.spaces;
    const all = mergeAnnotations(schedule.annotations, annotations);
    // A filtered export carries only the notes of what it exports; a full one keeps them all, also
    // notes on spaces the current model no longer has, so a JSON export loses nothing the user wrote.
    this.annotations = wanted ? this.notesOf(all) : all;
    this.boundaryCount = this.spaces.reduce((n, s) => n + s.boundaries.length, 0);
    this.relationshipCount = this.spaces.reduce((n, s) => n + s.relationships.length, 0);
  }

  spaceNote(space: Space): string | null {
    return this.annotations.spaces.get(annotationKey(space)) ?? null;
  }

  /** The exported rooms as `template` lays them out, with their notes. */
  scheduleTable(template: ScheduleTemplate = defaultTemplate()): ScheduleTable {
    const index = new Map(this.schedule.spaces.map((s, i) => [s, i]));
    return buildScheduleTable(template, this.spaces, (s) => this.spaceNote(s), (s) => index.get(s) ?? -1);
  }

  boundaryNote(boundary: SpaceBoundary): string | null {
    return this.annotations.boundaries.get(annotationKey(boundary)) ?? null;
  }

  private notesOf(all: Annotations): Annotations {
    const spaces = new Map<string, string>();
    const boundaries = new Map<string, string>();
    const copy = (from: ReadonlyMap<string, string>, to: Map<string, string>, key: string) => {
      const note = from.get(key);
      if (note !== undefined) to.set(key, note);
    };
    for (const space of this.spaces) {
      copy(all.spaces, spaces, annotationKey(space));
      for (const b of space.boundaries) copy(all.boundaries, boundaries, annotationKey(b));
    }
    return { spaces, boundaries };
  }
}
