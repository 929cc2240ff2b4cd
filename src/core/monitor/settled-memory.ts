// Resident memory as a before/after figure for cycles of work: collected twice with a pause between
// (N-API finalizers run in later turns, and what they release is garbage for the second pass), so
// what is left is what the process really holds. Used by the benchmark and the app's --exercise.
import { forceGc } from '../lifecycle/leak-tracker';
import { delay } from '../lifecycle/timers';

export async function settledRss(): Promise<number> {
  await forceGc(10);
  await delay(50);
  await forceGc(10);
  return process.memoryUsage().rss;
}

/** mulberry32: a small seeded PRNG, so a run of random cancel points can be repeated point for point. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
