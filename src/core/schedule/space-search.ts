// Go to space: find rooms by what the user remembers of them — a number, part of a name, a storey —
// best matches first. Pure, so the dialog stays a thin view and the ranking is tested on real models.
import { displayName, Space, storeyLabel } from './model';
import { compareRooms, naturalOrder } from './space-rows';

export interface SpaceMatch {
  /** Index into schedule.spaces. */
  index: number;
  number: string;
  name: string;
  storey: string;
  /** Where the storey is, to list storeys bottom-up as the space list does (rooms without one last). */
  elevation: number;
  /** Lower is better: see RANKS. */
  rank: number;
}

// Why this order: a room number is what people type most and is unique per storey, so an exact
// number wins; then what starts with the typed text (typing "1.0" should offer 1.01, 1.02 before
// 21.03); then a word of the name starting with it ("kit" → "Small Kitchen"); anything containing it;
// last, storey, GlobalId or description.
const RANKS = { exactNumber: 0, exactName: 1, numberPrefix: 2, namePrefix: 3, nameWordPrefix: 4, contains: 5, other: 6 } as const;

function rankOf(q: string, number: string, names: string[], others: string[]): number | undefined {
  if (number === q) return RANKS.exactNumber;
  if (names.includes(q)) return RANKS.exactName;
  if (number.startsWith(q)) return RANKS.numberPrefix;
  if (names.some((n) => n.startsWith(q))) return RANKS.namePrefix;
  if (names.some((n) => n.split(/[\s_\-./]+/).some((w) => w.startsWith(q)))) return RANKS.nameWordPrefix;
  if (number.includes(q) || names.some((n) => n.includes(q))) return RANKS.contains;
  if (others.some((o) => o.includes(q))) return RANKS.other;
  return undefined;
}

/** Rooms matching `query`, best first, at most `limit`; an empty query lists rooms by storey and number. */
export function findSpaces(spaces: readonly Space[], query: string, limit = 50): { matches: SpaceMatch[]; total: number } {
  const q = query.trim().toLowerCase();
  const found: SpaceMatch[] = [];
  spaces.forEach((space, index) => {
    const number = space.name?.trim() ?? '';
    const longName = space.longName?.trim() ?? '';
    const storey = storeyLabel(space.storey);
    // A GlobalId only from 8 characters on (a pasted or half-remembered id): shorter text would
    // match random ids, which are 22 characters of base64.
    const others = [storey.toLowerCase(), (space.description ?? '').toLowerCase()];
    if (q.length >= 8) others.push((space.globalId ?? '').toLowerCase());
    const rank = q ? rankOf(q, number.toLowerCase(), [longName.toLowerCase(), displayName(space).toLowerCase()], others) : 0;
    if (rank === undefined) return;
    found.push({ index, number, name: longName || displayName(space), storey, elevation: space.storey?.elevation ?? Number.POSITIVE_INFINITY, rank });
  });
  found.sort((a, b) => a.rank - b.rank || a.elevation - b.elevation || naturalOrder.compare(a.storey, b.storey) || compareRooms(a, b));
  return { matches: found.slice(0, limit), total: found.length };
}
