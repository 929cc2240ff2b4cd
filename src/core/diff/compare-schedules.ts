// Compares two revisions of a model's room schedule: which rooms were added, removed, or changed in
// their own data. Pure and linear in the number of rooms (maps throughout): the 202 MB bench model's
// 806 rooms compare in ~5-20 ms (docs/performance.md); in slices, so the UI thread can do it.
import { RoomSchedule, Space, storeyLabel } from '../schedule/model';
import { ChangedRoom, DEFAULT_TOLERANCE_PERCENT, DiffFileInfo, DiffRoom, RevisionDiff } from './revision-diff-types';
import { fieldChanges, roomFields, roomName, roomNumber } from './room-fields';
import { matchRooms } from './room-matching';

export interface CompareOptions {
  /** Relative tolerance for quantities and measured property values, in percent (default 0.5). */
  tolerancePercent?: number;
}

export function diffRoom(space: Space): DiffRoom {
  return { globalId: space.globalId, number: roomNumber(space), name: roomName(space), storey: storeyLabel(space.storey) };
}

function fileInfo(schedule: RoomSchedule): DiffFileInfo {
  const { name, sha256 } = schedule.metadata.source;
  return { file: name, sha256, rooms: schedule.spaces.length };
}

/** Rooms compared between two pauses of compareSchedulesInSlices: 1-2 ms of work on an idle bench machine, ~35 ms at a load average of 20. */
const SLICE_ROOMS = 100;

/** The comparison as steps: it yields after every SLICE_ROOMS rooms, so a caller can let other work run between. */
function* comparing(before: RoomSchedule, after: RoomSchedule, options: CompareOptions): Generator<void, RevisionDiff> {
  const tolerancePercent = options.tolerancePercent ?? DEFAULT_TOLERANCE_PERCENT;
  if (!Number.isFinite(tolerancePercent) || tolerancePercent < 0) throw new RangeError(`The tolerance must be a percentage of 0 or more, not ${tolerancePercent}.`);
  const { pairs, removed, added, report } = matchRooms(before.spaces, after.spaces);
  // Changed rooms in the new file's order, as added ones are: each pair at its new room's place.
  const inFileOrder: ([Space, Space] | undefined)[] = new Array(after.spaces.length);
  const position = new Map<Space, number>();
  after.spaces.forEach((s, i) => position.set(s, i));
  for (const pair of pairs) inFileOrder[position.get(pair[1])!] = pair;
  yield;
  const changed: ChangedRoom[] = [];
  let sinceYield = 0;
  for (const pair of inFileOrder) {
    if (!pair) continue;
    const [was, is] = pair;
    const changes = fieldChanges(roomFields(was, before.annotations), roomFields(is, after.annotations), tolerancePercent / 100);
    if (changes.length) changed.push({ globalId: is.globalId, number: roomNumber(is), name: roomName(is), changes });
    if (++sinceYield === SLICE_ROOMS) {
      sinceYield = 0;
      yield;
    }
  }
  return {
    header: { format: 'ifc-room-schedule/revision-diff', version: 1, old: fileInfo(before), new: fileInfo(after), match: report, tolerancePercent },
    added: added.map(diffRoom),
    removed: removed.map(diffRoom),
    changed,
  };
}

export function compareSchedules(before: RoomSchedule, after: RoomSchedule, options: CompareOptions = {}): RevisionDiff {
  const steps = comparing(before, after, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same comparison, awaiting `pause()` between slices of rooms: on the UI thread, a model with
 * thousands of rooms (~10-20 µs each) never holds the event loop longer than one slice.
 */
export async function compareSchedulesInSlices(before: RoomSchedule, after: RoomSchedule, options: CompareOptions, pause: () => Promise<void>): Promise<RevisionDiff> {
  const steps = comparing(before, after, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
