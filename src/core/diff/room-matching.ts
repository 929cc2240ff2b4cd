// Which room of the old revision is which room of the new one. By GlobalId, which IFC means to be
// stable across exports; when an exporter has regenerated them (few or none in common), by number
// plus storey, with the long name to tell apart rooms that share both (ArchiCAD's MultiZoneBuilding
// has twelve rooms without a number on one storey). Every step is a map lookup: O(n).
import { Space, storeyLabel } from '../schedule/model';
import { MatchReport } from './revision-diff-types';
import { roomName, roomNumber } from './room-fields';

export interface RoomPairing {
  pairs: [before: Space, after: Space][];
  removed: Space[];
  added: Space[];
  report: MatchReport;
}

/**
 * Below this share of GlobalIds in common (of the smaller revision's rooms), the GlobalIds are taken
 * to have been regenerated. A real revision keeps nearly all of them; a regenerating exporter keeps none.
 */
const GLOBAL_ID_SHARE = 0.5;

interface Pass {
  pairs: [Space, Space][];
  before: Space[];
  after: Space[];
  /** Pairs made where the key had more than one candidate on a side. */
  ambiguous: number;
}

/** Pairs rooms with equal keys, in file order; rooms without a key, or left over, are passed on (in file order). */
function pairBy(before: readonly Space[], after: readonly Space[], key: (s: Space) => string | null): Pass {
  const waiting = new Map<string, { rooms: Space[]; next: number; after: number }>();
  for (const s of before) {
    const k = key(s);
    if (k === null) continue;
    const queue = waiting.get(k);
    if (queue) queue.rooms.push(s);
    else waiting.set(k, { rooms: [s], next: 0, after: 0 });
  }
  const keys = after.map(key);
  keys.forEach((k) => {
    const queue = k === null ? undefined : waiting.get(k);
    if (queue) queue.after++;
  });
  const pairs: [Space, Space][] = [];
  const paired = new Set<Space>();
  const leftAfter: Space[] = [];
  let ambiguous = 0;
  after.forEach((s, i) => {
    const k = keys[i];
    const queue = k === null ? undefined : waiting.get(k);
    if (!queue || queue.next >= queue.rooms.length) {
      leftAfter.push(s);
      return;
    }
    const partner = queue.rooms[queue.next++];
    pairs.push([partner, s]);
    paired.add(partner);
    if (queue.rooms.length > 1 || queue.after > 1) ambiguous++;
  });
  return { pairs, before: before.filter((s) => !paired.has(s)), after: leftAfter, ambiguous };
}

const byGlobalId = (s: Space) => s.globalId || null;
const byNumberAndStorey = (s: Space) => `${roomNumber(s)}\u0000${storeyLabel(s.storey)}`;
const byNumberStoreyAndName = (s: Space) => `${byNumberAndStorey(s)}\u0000${roomName(s)}`;

function commonGlobalIds(before: readonly Space[], after: readonly Space[]): { common: number; comparable: number } {
  const ids = new Set<string>();
  for (const s of before) if (s.globalId) ids.add(s.globalId);
  let common = 0;
  let withId = 0;
  for (const s of after) {
    if (!s.globalId) continue;
    withId++;
    if (ids.has(s.globalId)) common++;
  }
  return { common, comparable: Math.min(ids.size, withId) };
}

/** Pairs by number and storey, preferring rooms whose long name also agrees. */
function pairByNumberAndStorey(before: readonly Space[], after: readonly Space[]): Pass {
  const exact = pairBy(before, after, byNumberStoreyAndName);
  const rest = pairBy(exact.before, exact.after, byNumberAndStorey);
  return { pairs: [...exact.pairs, ...rest.pairs], before: rest.before, after: rest.after, ambiguous: rest.ambiguous };
}

export function matchRooms(before: readonly Space[], after: readonly Space[]): RoomPairing {
  const { common, comparable } = commonGlobalIds(before, after);
  const useGlobalIds = comparable > 0 && common >= GLOBAL_ID_SHARE * comparable;
  if (useGlobalIds || (before.length === 0 && after.length === 0)) {
    const first = pairBy(before, after, byGlobalId);
    // Rooms without a GlobalId (invalid IFC, but it happens) can still be found by number and storey.
    const withoutId = pairByNumberAndStorey(first.before.filter((s) => !s.globalId), first.after.filter((s) => !s.globalId));
    const pairs = [...first.pairs, ...withoutId.pairs];
    const paired = new Set(withoutId.pairs.flat());
    return {
      pairs,
      removed: first.before.filter((s) => !paired.has(s)),
      added: first.after.filter((s) => !paired.has(s)),
      report: {
        method: 'globalId',
        globalIdsInCommon: common,
        pairedByFileOrder: withoutId.ambiguous,
        explanation: `Rooms matched by GlobalId (${common} of ${comparable} in common).`,
      },
    };
  }
  const pass = pairByNumberAndStorey(before, after);
  const why =
    comparable === 0
      ? 'one revision has no room GlobalIds'
      : `${common === 0 ? 'none' : `only ${common}`} of the ${comparable} room GlobalIds ${common === 1 ? 'is' : 'are'} in both revisions: the exporter has regenerated them, or these are different models`;
  const fileOrder = pass.ambiguous ? `; ${pass.ambiguous} room${pass.ambiguous === 1 ? '' : 's'} sharing a number and storey ${pass.ambiguous === 1 ? 'was' : 'were'} paired by file order` : '';
  return {
    pairs: pass.pairs,
    removed: pass.before,
    added: pass.after,
    report: {
      method: 'number+storey',
      globalIdsInCommon: common,
      pairedByFileOrder: pass.ambiguous,
      explanation: `Rooms matched by number and storey, because ${why}${fileOrder}.`,
    },
  };
}
