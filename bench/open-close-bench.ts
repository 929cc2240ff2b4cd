// Open → close, many times: each model is read to the end, its schedule handed over and dropped,
// as the app does when the user opens a model and closes it again. What must not happen: memory
// that grows with each cycle, or operations and workers that stay reachable after they ended.
import * as path from 'path';
import { forceGc, leakTracker, resourceRegistry } from '../src/core/lifecycle';
import { OperationRunner } from '../src/core/operations/operation-runner';
import { startExtraction } from '../src/ifc/extraction-job';
import { CYCLES_CHILD, settledRss, withBenchRunner } from './cancel-bench';
import { runJsonChild } from './child-run';

export interface OpenCloseMeasurement {
  model: string;
  cycles: number;
  rssBefore: number;
  rssAfter: number;
  rssGrowthMb: number;
  retained: number;
  orphans: number;
  /** Spaces the last cycle read (the same every cycle, checked). */
  spaces: number;
  /** RSS after each cycle and a GC: a plateau (malloc arenas filling up) or a slope (a leak). */
  rssByCycleMb: number[];
  /** Growth over the second half of the cycles alone. */
  secondHalfGrowthMb: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

// In a function of its own so that no schedule or operation stays referenced from the caller's frame.
async function openAndClose(runner: OperationRunner, file: string): Promise<number> {
  const op = startExtraction(runner, { path: file, name: path.basename(file) }, undefined, { timeoutMs: 30 * 60_000, onTimeout: 'cancel' });
  const schedule = await op.result;
  await op.cleanedUp;
  // "Close": the schedule is dropped here, with the operation.
  return schedule.spaces.length;
}

/** measureOpenClose in a fresh process: the figure then belongs to these cycles alone (child-run.ts). */
export function measureOpenCloseInFreshProcess(modelPath: string, cycles: number, warmupCycles?: number): Promise<OpenCloseMeasurement> {
  return runJsonChild<OpenCloseMeasurement>(CYCLES_CHILD, ['close', JSON.stringify({ modelPath, cycles, warmupCycles })], `${cycles} open→close cycles`, { nodeArgs: ['--expose-gc'] });
}

export async function measureOpenClose(file: string, cycles: number, warmupCycles = 8): Promise<OpenCloseMeasurement> {
  return withBenchRunner(undefined, async (runner) => {
    // Warm-up: the first workers load the thread runtime and web-ifc's code and grow malloc arenas.
    let spaces = 0;
    for (let i = 0; i < warmupCycles; i++) spaces = await openAndClose(runner, file);
    const rssBefore = await settledRss();
    const checkpoint = leakTracker.checkpoint();
    const rssByCycleMb: number[] = [];
    for (let i = 0; i < cycles; i++) {
      const n = await openAndClose(runner, file);
      if (n !== spaces) throw new Error(`cycle ${i + 1} read ${n} spaces, the warm-up ${spaces}`);
      await forceGc(4);
      rssByCycleMb.push(round(process.memoryUsage().rss / 1048576));
    }
    await runner.whenIdle();
    await forceGc(10);
    const rssAfter = await settledRss();
    const retained = (await leakTracker.findRetained(checkpoint)).length;
    return {
      model: path.basename(file),
      cycles,
      rssBefore,
      rssAfter,
      rssGrowthMb: round((rssAfter - rssBefore) / 1048576),
      retained,
      orphans: resourceRegistry.orphans().length,
      spaces,
      rssByCycleMb,
      secondHalfGrowthMb: cycles >= 2 ? round(rssByCycleMb[cycles - 1] - rssByCycleMb[Math.floor(cycles / 2) - 1]) : 0,
    };
  });
}
