import { resourceRegistry } from '../../../src/core/lifecycle';
import { memoryTrend } from '../../../src/core/monitor/growth-detection';
import { ProcessSampler } from '../../../src/core/monitor/process-sampler';
import { MonitorWarning, ResourceMonitor } from '../../../src/core/monitor/resource-monitor';
import { ResourceSnapshot } from '../../../src/core/monitor/monitor-report';
import { SnapshotRing } from '../../../src/core/monitor/snapshot-ring';
import { CleanupHistory } from '../../../src/core/operations/cleanup-history';
import { MemoryPressureChange } from '../../../src/core/operations/memory-pressure';
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { ScriptedInput } from '../../fixtures/workers/scripted-worker';
import { useLeakCheck } from '../../support/leak-check';
import { captureLog, FAST_TIMINGS, MB, SCRIPTED_WORKER } from '../support/operation-fixtures';

/** A sampler that reports the RSS values the story needs, one per sample. */
function scriptedSampler(rssMb: number[]): ProcessSampler & { calls: number } {
  const s = {
    calls: 0,
    async sample() {
      const rss = rssMb[Math.min(s.calls, rssMb.length - 1)] * MB;
      s.calls++;
      return { cpuPercent: 12.5, rss };
    },
  };
  return s;
}

describe('the resource monitor', () => {
  useLeakCheck();

  describe('on its 30-second cadence (fake clock)', () => {
    beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T08:00:00Z') }));
    afterEach(() => jest.useRealTimers());

    it('samples every 30 s on a registered timer, keeps the last snapshots, and warns once when settled RSS grows by more than 50 MB', async () => {
      // 8 MB more every sample: a leak of 16 MB/min.
      const sampler = scriptedSampler(Array.from({ length: 12 }, (_, i) => 400 + 8 * i));
      const history = new CleanupHistory();
      const monitor = new ResourceMonitor({ sampler, history, capacity: 10, log: captureLog(), memoryWarnBytes: 10_000 * MB, memoryCriticalBytes: 20_000 * MB });
      const warnings: MonitorWarning[] = [];
      const samples: ResourceSnapshot[] = [];
      const subs = [monitor.onDidWarn((w) => warnings.push(w)), monitor.onDidSample((s) => samples.push(s))];
      monitor.start();
      expect(resourceRegistry.list('timer').map((t) => [t.label, t.detail?.ms])).toEqual([['ResourceMonitor.sample', 30_000]]);

      await jest.advanceTimersByTimeAsync(29_999);
      expect(samples).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(1);
      expect(samples).toHaveLength(1);
      expect(samples[0]).toMatchObject({ at: '2026-01-01T08:00:30.000Z', rss: 400 * MB, cpuPercent: 12.5, settled: true, operations: 0 });

      // 7 samples: 48 MB of growth — not yet a warning.
      await jest.advanceTimersByTimeAsync(6 * 30_000);
      expect(samples).toHaveLength(7);
      expect(warnings).toEqual([]);
      await jest.advanceTimersByTimeAsync(30_000);
      expect(warnings).toHaveLength(1);
      expect(warnings[0].kind).toBe('growth');
      expect(warnings[0].message).toMatch(/^Memory grew by 56\.0 MB over the last 3\.5 min \(16\.0 MB\/min, 8 settled samples\)\. If it keeps growing, free memory/);

      await jest.advanceTimersByTimeAsync(4 * 30_000);
      expect(samples).toHaveLength(12);
      const kept = monitor.snapshots();
      expect(kept).toHaveLength(10);
      expect(kept.map((s) => s.rss / MB)).toEqual([416, 424, 432, 440, 448, 456, 464, 472, 480, 488]);
      expect(warnings).toHaveLength(1);
      expect(monitor.trend()).toMatchObject({ growthMb: 72, mbPerMin: 16, samples: 10 });

      monitor.dispose();
      expect(resourceRegistry.count('timer')).toBe(0);
      await jest.advanceTimersByTimeAsync(5 * 30_000);
      expect(samples).toHaveLength(12);
      subs.forEach((s) => s.dispose());
      history.dispose();
    });

    it('warns once per episode: memory that comes back down re-arms the warning', async () => {
      const sampler = scriptedSampler([400, 500, 520, 410, 480]);
      const history = new CleanupHistory();
      const monitor = new ResourceMonitor({ sampler, history, log: captureLog(), memoryWarnBytes: 10_000 * MB, memoryCriticalBytes: 20_000 * MB });
      const warnings: string[] = [];
      const sub = monitor.onDidWarn((w) => warnings.push(w.message));
      monitor.start();
      await jest.advanceTimersByTimeAsync(2 * 30_000);
      expect(warnings).toHaveLength(0); // 100 MB more, but two samples are no trend
      await jest.advanceTimersByTimeAsync(30_000);
      expect(warnings).toHaveLength(1); // the third sample, a minute after the first
      await jest.advanceTimersByTimeAsync(30_000); // back to 410 MB: re-armed
      await jest.advanceTimersByTimeAsync(30_000); // 480 MB: 80 MB above the oldest, still rising
      expect(warnings).toHaveLength(2);
      expect(warnings[1]).toMatch(/^Memory grew by 80\.0 MB over the last 2\.0 min \(14\.0 MB\/min, 5 settled samples\)/);
      sub.dispose();
      monitor.dispose();
      history.dispose();
    });
  });

  it('a spike right after a cancel is no warning: two settled samples, or samples under a minute apart, never warn', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T08:00:00Z') });
    try {
      // The case: +63 MB between two samples 30 s apart, the second right after a cancel.
      const two = memoryTrend([{ atMs: 0, rss: 400 * MB }, { atMs: 30_000, rss: 463.3 * MB }]);
      expect(two).toMatchObject({ growthMb: 63.3, samples: 2 });
      expect(two.warning).toBeUndefined();
      const quick = memoryTrend([0, 10_000, 20_000, 30_000].map((atMs, i) => ({ atMs, rss: (400 + 30 * i) * MB })));
      expect(quick.warning).toBeUndefined(); // 90 MB, but over 30 s
      const steady = memoryTrend([0, 30_000, 60_000].map((atMs, i) => ({ atMs, rss: (400 + 30 * i) * MB })));
      expect(steady.warning).toMatch(/^Memory grew by 60\.0 MB over the last 60 s/);

      // Samples that could not be settled (no GC) do not count towards a trend at all.
      const sampler = scriptedSampler([400, 480, 560, 640]);
      const history = new CleanupHistory();
      const monitor = new ResourceMonitor({ sampler, history, settle: () => false, log: captureLog(), memoryWarnBytes: 10_000 * MB, memoryCriticalBytes: 20_000 * MB });
      const warnings: MonitorWarning[] = [];
      const sub = monitor.onDidWarn((w) => warnings.push(w));
      monitor.start();
      await jest.advanceTimersByTimeAsync(4 * 30_000);
      expect(monitor.snapshots().map((x) => x.settled)).toEqual([false, false, false, false]);
      expect(monitor.trend().samples).toBe(0);
      expect(warnings).toEqual([]);
      sub.dispose();
      monitor.dispose();
      history.dispose();
    } finally {
      jest.useRealTimers();
    }
  });

  it('samples every second while an operation runs and every 30 s once it has ended; busy samples are not settled', async () => {
    const history = new CleanupHistory();
    const runner = new OperationRunner({ history, timings: FAST_TIMINGS, log: captureLog() });
    const monitor = new ResourceMonitor({ runner, history, log: captureLog(), memoryWarnBytes: 10_000 * MB, memoryCriticalBytes: 20_000 * MB });
    monitor.start();
    expect(monitor.currentIntervalMs).toBe(30_000);
    const op = runner.start<ScriptedInput, unknown>({ kind: 'scripted', label: 'Long job', workerFile: SCRIPTED_WORKER, input: { behaviour: 'finish', steps: 250, stepMs: 10 } });
    expect(monitor.currentIntervalMs).toBe(1000);
    expect(resourceRegistry.list('timer').filter((t) => t.label === 'ResourceMonitor.sample').map((t) => t.detail?.ms)).toEqual([1000]);
    await op.result;
    expect(monitor.currentIntervalMs).toBe(30_000);
    await runner.whenIdle();
    const busy = monitor.snapshots().filter((x) => x.operations > 0);
    // One at the start, then one a second for a job of 2.5 s or more.
    expect(busy.length).toBeGreaterThanOrEqual(3);
    expect(busy.every((x) => !x.settled)).toBe(true);
    const spans = monitor.getResourceMonitorReport().operations;
    expect(spans).toEqual([expect.objectContaining({ label: 'Long job', outcome: 'succeeded' })]);
    expect(spans[0].endedAtMs! - spans[0].startedAtMs).toBeGreaterThanOrEqual(2400);
    // The sample taken at the operation's end may still be reading /proc: it holds the monitor until then.
    await monitor.whenSampled();
    monitor.dispose();
    runner.dispose();
    history.dispose();
  });

  it('growth detection: the trend is the least-squares slope; fewer than two snapshots say nothing', () => {
    expect(memoryTrend([])).toEqual({ growthMb: 0, mbPerMin: 0, spanMs: 0, samples: 0 });
    const flat = memoryTrend([0, 1, 2, 3].map((i) => ({ atMs: i * 30_000, rss: 500 * MB })));
    expect(flat).toMatchObject({ growthMb: 0, mbPerMin: 0 });
    const ring = new SnapshotRing<number>(3);
    [1, 2, 3, 4].forEach((n) => ring.push(n));
    expect(ring.toArray()).toEqual([2, 3, 4]);
    expect(() => new SnapshotRing(0)).toThrow(/positive integer/);
  });

  it("samples the real process with pidusage and each running worker's heap, and tells when memory is critical", async () => {
    const history = new CleanupHistory();
    const runner = new OperationRunner({ history, timings: FAST_TIMINGS, log: captureLog() });
    const monitor = new ResourceMonitor({ runner, log: captureLog(), memoryWarnBytes: 1 * MB, memoryCriticalBytes: 2 * MB });
    const pressure: MemoryPressureChange[] = [];
    const sub = monitor.onDidDetectMemoryPressure((p) => pressure.push(p));
    const op = runner.start<ScriptedInput, unknown>({ kind: 'scripted', label: 'Long job', workerFile: SCRIPTED_WORKER, input: { behaviour: 'finish', steps: 200, stepMs: 10 } });
    await new Promise<void>((resolve) => {
      const s = op.onDidProgress(() => {
        s.dispose();
        resolve();
      });
    });
    const snap = await monitor.sampleNow();
    expect(snap.rss).toBeGreaterThan(30 * MB);
    expect(typeof snap.cpuPercent).toBe('number');
    expect(snap.resources).toMatchObject({ workers: 1, operations: 1 });
    expect(snap.workers).toHaveLength(1);
    expect(snap.workers[0]).toMatchObject({ operationId: op.id, label: 'Long job', threadId: op.threadId });
    expect(snap.workers[0].memory?.heapUsed).toBeGreaterThan(MB);
    expect(pressure.map((p) => p.level)).toEqual(['critical']);
    expect(pressure[0].actions).toEqual(['free-memory', 'cancel']);

    await op.cancel();
    const report = monitor.getResourceMonitorReport();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    // Left: the monitor's own subscriptions (its pressure watch, the runner's starts and ends), and this test's.
    expect(report.active).toEqual({ workers: 0, timers: 0, listeners: 4, operations: 0, caches: 0 });
    expect(report.snapshots).toHaveLength(1);
    expect(report.history.map((r) => [r.label, r.trigger])).toEqual([['Long job', 'cancel']]);
    expect(report.memoryPressure.level).toBe('critical');
    expect(report.lastVerification).toBeNull();

    sub.dispose();
    monitor.dispose();
    runner.dispose();
    history.dispose();
  });
});
