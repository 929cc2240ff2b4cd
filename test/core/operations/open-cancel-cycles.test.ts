import { measureCyclesInFreshProcess } from '../../../bench/cancel-bench';
import { measureOpenCloseInFreshProcess } from '../../../bench/open-close-bench';
import { realIfc } from '../support/operation-fixtures';

const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);

// Both stories run in a fresh Node process, as the app runs: measured inside jest's worker, after
// whichever suites that worker ran before, the same 50 cycles read from -15 MB to +20 MB (the host's
// own heap pages and malloc arenas moving), which says nothing about this code.
describe('opening and cancelling a real model 50 times', () => {
  it('leaves RSS within 20 MB, no operation or worker reachable after dispose, and no orphaned resource', async () => {
    // 10 unmeasured warm-up cycles first: glibc gives each new thread's allocations their own arena,
    // and those fill during the first ~10 workers (+8 MB, then +1.3 MB from cycle 60 to 120, measured).
    const m = await measureCyclesInFreshProcess({ modelPath: realIfc('MultiZoneBuilding.ifc'), cycles: 50, seed: 20261126, warmupCycles: 10 });
    // eslint-disable-next-line no-console
    console.log(`50 open→cancel cycles of MultiZoneBuilding.ifc: RSS ${mb(m.rssBefore)} → ${mb(m.rssAfter)} MB (${m.rssGrowthMb} MB), retained ${m.retained}, orphans ${m.orphans}; cancelled in ${JSON.stringify(m.cancelledIn)}; JS heap ${mb(m.memoryBefore.heapUsed)} → ${mb(m.memoryAfter.heapUsed)} MB used, ${mb(m.memoryBefore.heapTotal)} → ${mb(m.memoryAfter.heapTotal)} MB total`);
    expect(m.cycles).toBe(50);
    // The random points really spread over the run, including web-ifc's parse.
    expect(m.cancelledIn.parse ?? 0).toBeGreaterThanOrEqual(5);
    expect(m.rssGrowthMb).toBeLessThan(20);
    expect(m.retained).toBe(0);
    expect(m.orphans).toBe(0);
  }, 180_000);
});

describe('opening a real model and closing it again 20 times', () => {
  it('reads the same rooms every time and leaves RSS within 20 MB, with nothing retained or orphaned', async () => {
    const m = await measureOpenCloseInFreshProcess(realIfc('MultiZoneBuilding.ifc'), 20);
    // eslint-disable-next-line no-console
    console.log(`20 open→close cycles of MultiZoneBuilding.ifc (${m.spaces} spaces each): RSS ${mb(m.rssBefore)} → ${mb(m.rssAfter)} MB (${m.rssGrowthMb} MB; second half ${m.secondHalfGrowthMb} MB), retained ${m.retained}, orphans ${m.orphans}`);
    expect(m.cycles).toBe(20);
    expect(m.spaces).toBeGreaterThan(0);
    expect(m.rssByCycleMb).toHaveLength(20);
    expect(m.rssGrowthMb).toBeLessThan(20);
    expect(m.retained).toBe(0);
    expect(m.orphans).toBe(0);
  }, 180_000);
});
