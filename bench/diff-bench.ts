// Revision compare on a large model: how long compareSchedules takes on the UI thread (File →
// Compare with… runs it there, after the other model was read in a worker), matched by GlobalId and
// by the number+storey fallback, and how the time grows with the room count (linear: it uses maps).
import { compareSchedules, compareSchedulesInSlices } from '../src/core/diff/compare-schedules';
import { RoomSchedule, Space } from '../src/core/schedule/model';
import { extractScheduleFromFile } from '../src/ifc/extract';
import { generatedGlobalId } from './step-template';
import { median } from './stats';

export interface DiffMeasurement {
  rooms: number;
  changed: number;
  byGlobalIdMs: number;
  byNumberAndStoreyMs: number;
  /** Median time for the first half of the rooms, to read the growth against. */
  halfRoomsMs: number;
  /** The longest slice of the sliced comparison the app runs (median over the runs): how long it holds the UI thread at most. */
  longestSliceMs: number;
}

/**
 * The next revision as a week's work leaves it: every tenth room renamed, every seventh larger by
 * 3 %. Same rooms otherwise, so the match is complete and only these are reported.
 */
export function nextRevision(schedule: RoomSchedule, regenerateGlobalIds: boolean): RoomSchedule {
  let counter = 1;
  const spaces = schedule.spaces.map((s, i): Space => ({
    ...s,
    globalId: regenerateGlobalIds ? generatedGlobalId(counter++) : s.globalId,
    longName: i % 10 === 0 ? `${s.longName ?? ''} (renamed)` : s.longName,
    quantities: i % 7 === 0 ? s.quantities.map((q) => (q.value === null ? q : { ...q, value: q.value * 1.03 })) : s.quantities,
  }));
  return { ...schedule, spaces };
}

/** Median of `runs` after two warm-up calls (the first calls run unoptimised code and say little). */
async function longestSliceOf(runs: number, measure: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  return Math.round(median(values) * 10) / 10;
}

function timed(runs: number, fn: () => unknown): number {
  // Start clean: the extraction just before leaves hundreds of MB of garbage for the collector.
  (globalThis as { gc?: () => void }).gc?.();
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return Math.round(median(times) * 10) / 10;
}

/** The longest stretch between two pauses of the sliced comparison. */
async function longestSlice(before: RoomSchedule, after: RoomSchedule): Promise<number> {
  let longest = 0;
  let since = performance.now();
  await compareSchedulesInSlices(before, after, {}, async () => {
    longest = Math.max(longest, performance.now() - since);
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  });
  return Math.max(longest, performance.now() - since);
}

export async function measureDiff(modelPath: string, runs = 9): Promise<DiffMeasurement> {
  const before = await extractScheduleFromFile(modelPath);
  const after = nextRevision(before, false);
  const regenerated = nextRevision(before, true);
  const half = (s: RoomSchedule): RoomSchedule => ({ ...s, spaces: s.spaces.slice(0, Math.floor(s.spaces.length / 2)) });
  const byId = compareSchedules(before, after);
  const byNumber = compareSchedules(before, regenerated);
  if (byNumber.header.match.method !== 'number+storey') throw new Error(`regenerated GlobalIds were matched by ${byNumber.header.match.method}`);
  if (byId.changed.length !== byNumber.changed.length) throw new Error(`the two matches disagree: ${byId.changed.length} vs ${byNumber.changed.length} changed rooms`);
  return {
    rooms: before.spaces.length,
    changed: byId.changed.length,
    byGlobalIdMs: timed(runs, () => compareSchedules(before, after)),
    byNumberAndStoreyMs: timed(runs, () => compareSchedules(before, regenerated)),
    halfRoomsMs: timed(runs, () => compareSchedules(half(before), half(after))),
    longestSliceMs: await longestSliceOf(runs, () => longestSlice(before, after)),
  };
}
