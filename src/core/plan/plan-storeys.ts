// The storeys a plan can show: the rooms grouped by the storey they are on (by identity, not by
// name: ArchiCAD writes storeys without names and copied buildings repeat them), in elevation order,
// each with a label the user can tell apart from the others.
import { naturalOrder } from '../schedule/space-rows';
import { RoomSchedule, StoreyRef, storeyLabel } from '../schedule/model';

export interface PlanStorey {
  /** Stable key: the storey's GlobalId, else "#<expressId>", or NO_STOREY for rooms on none. */
  key: string;
  /** As the user reads it; "EG (2 of 3)" when several storeys share a name. */
  label: string;
  /** The storey's own name as written (trimmed), "" when it has none. */
  name: string;
  elevation: number | null;
  /** Indexes into schedule.spaces, in the file's order. */
  spaceIndexes: number[];
}

export const NO_STOREY = '(no storey)';

export function storeyKey(storey: StoreyRef | null): string {
  if (!storey) return NO_STOREY;
  return storey.globalId ?? `#${storey.expressId}`;
}

export function planStoreys(schedule: Pick<RoomSchedule, 'spaces'>): PlanStorey[] {
  const byKey = new Map<string, { storey: StoreyRef | null; spaceIndexes: number[] }>();
  schedule.spaces.forEach((space, index) => {
    const key = storeyKey(space.storey);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { storey: space.storey, spaceIndexes: [] }));
    entry.spaceIndexes.push(index);
  });
  const storeys = [...byKey.entries()].map(([key, { storey, spaceIndexes }]) => ({
    key,
    label: storeyLabel(storey),
    name: storey?.name?.trim() ?? '',
    elevation: storey?.elevation ?? null,
    spaceIndexes,
  }));
  storeys.sort((a, b) => (a.elevation ?? Number.POSITIVE_INFINITY) - (b.elevation ?? Number.POSITIVE_INFINITY) || naturalOrder.compare(a.label, b.label));
  const counts = new Map<string, number>();
  for (const s of storeys) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const s of storeys) {
    const n = counts.get(s.label)!;
    if (n < 2) continue;
    const k = (seen.get(s.label) ?? 0) + 1;
    seen.set(s.label, k);
    s.label = `${s.label} (${k} of ${n})`;
  }
  return storeys;
}

/**
 * The storey a user means by `query`: its key, its label, or its name (case and surrounding spaces
 * ignored). A name several storeys share is ambiguous: the error lists their labels.
 */
export function findStorey(storeys: readonly PlanStorey[], query: string): PlanStorey {
  const q = query.trim().toLowerCase();
  const exact = storeys.find((s) => s.key === query.trim() || s.label.toLowerCase() === q);
  if (exact) return exact;
  const named = storeys.filter((s) => s.name.toLowerCase() === q);
  if (named.length === 1) return named[0];
  if (named.length > 1) throw new Error(`${named.length} storeys are named “${query.trim()}”: choose one of ${named.map((s) => `“${s.label}”`).join(', ')}.`);
  throw new Error(`No storey “${query.trim()}”. The storeys with rooms are: ${storeys.map((s) => `“${s.label}”`).join(', ') || 'none'}.`);
}
