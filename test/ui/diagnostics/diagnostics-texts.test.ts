// What Diagnostics says, without Qt: the cleanup history in the user's words, and the memory chart
// with its time axis, operation spans, cancel markers and labelled peaks.
import type { CleanupRecord, CleanupStep } from '../../../src/core/operations/cleanup-history';
import { cleanupDetails, cleanupSentence } from '../../../src/ui/diagnostics/cleanup-wording';
import { memoryChartSvg, operationPeaks, timeTicks } from '../../../src/ui/diagnostics/memory-chart-svg';

const MB = 1048576;
const memory = (rssMb: number) => ({ rss: rssMb * MB, heapUsed: 20 * MB, external: 0, arrayBuffers: 0 });

function record(trigger: CleanupRecord['trigger'], outcome: CleanupRecord['outcome'], steps: [string, string][], rss: [number, number] = [300, 200]): CleanupRecord {
  return {
    at: '2026-01-01T08:00:00.000Z',
    operationId: 7,
    label: 'Reading big.ifc',
    kind: 'extract',
    trigger,
    outcome,
    steps: steps.map(([name, o]): CleanupStep => ({ name, outcome: o, durationMs: 1 })),
    durationMs: 120,
    memoryBefore: memory(rss[0]),
    memoryAfter: memory(rss[1]),
  };
}

describe('the cleanup history speaks the user\'s words', () => {
  test('a Cancel that ended a busy worker reads "stopped at once (the worker was busy …)", not "forced"; the steps stay in the details', () => {
    const r = record('cancel', 'forced', [['mark-cancelled', 'cancelled'], ['disconnect-listeners', '3 removed'], ['graceful-shutdown', 'skipped: worker is inside a blocking call'], ['terminate', 'terminated']]);
    expect(cleanupSentence(r)).toBe('Stopped at once (the worker was busy, so it was ended)');
    expect(cleanupSentence(r)).not.toMatch(/forced/);
    expect(cleanupDetails(r)).toBe('extract #7 · trigger cancel · outcome forced · 120 ms\nmark-cancelled: cancelled (1 ms) → disconnect-listeners: 3 removed (1 ms) → graceful-shutdown: skipped: worker is inside a blocking call (1 ms) → terminate: terminated (1 ms)');
  });

  test('each other ending has its own sentence: a clean cancel, a finish, a failure, a leak, a failed step, and Free memory with what it freed', () => {
    expect(cleanupSentence(record('cancel', 'clean', [['graceful-shutdown', 'exited']]))).toBe('Stopped at once (the worker closed by itself)');
    expect(cleanupSentence(record('cancel', 'forced', [['graceful-shutdown', 'no-ack'], ['terminate', 'terminated']]))).toBe('Stopped at once (the worker did not answer, so it was ended)');
    expect(cleanupSentence(record('finish', 'clean', [['await-exit', 'exited (code 0)']]))).toBe('Finished; its worker closed by itself');
    expect(cleanupSentence(record('finish', 'forced', [['await-exit', 'exited (code 1) after terminate (free memory)']]))).toBe('Finished; its worker was ended to free memory');
    expect(cleanupSentence(record('error', 'clean', [['await-exit', 'already exited (code 0)']]))).toBe('Failed; its worker closed by itself');
    expect(cleanupSentence(record('cancel', 'leak', [['terminate', 'still alive']]))).toMatch(/^Stopped, but its worker could not be ended: reported as a leak/);
    expect(cleanupSentence(record('cancel', 'error', [['graceful-shutdown', 'exited'], ['terminate', 'error: EPERM']]))).toMatch(/ — but “terminate” failed: EPERM$/);
    expect(cleanupSentence(record('free-memory', 'clean', [['gc', '4 passes, heap 3.0 MB smaller']], [412, 380]))).toBe('Freed 32.0 MB');
    expect(cleanupSentence(record('free-memory', 'clean', [['gc', '4 passes']], [380, 381]))).toBe('Nothing more to free');
  });
});

describe('the memory chart', () => {
  const t0 = Date.UTC(2026, 0, 1, 8, 0, 0);
  // Idle samples every 30 s, then a load sampled every second that peaks at 695 MB and is cancelled.
  const points = [
    ...[0, 30, 60].map((s) => ({ at: t0 + s * 1000, rssMb: 150, heapMb: 20, cpuPercent: 1 })),
    ...Array.from({ length: 8 }, (_, i) => ({ at: t0 + (61 + i) * 1000, rssMb: 150 + i * 78, heapMb: 25, cpuPercent: 100 })),
    { at: t0 + 70_000, rssMb: 160, heapMb: 21, cpuPercent: 2 },
  ];
  const load = { label: 'Reading big.ifc', kind: 'extract', startedAtMs: t0 + 60_500, endedAtMs: t0 + 68_200, outcome: 'cancelled' };

  test('has a clock-time axis on round values', () => {
    expect(timeTicks(t0, t0 + 70_000)).toEqual({ at: [0, 10, 20, 30, 40, 50, 60, 70].map((s) => t0 + s * 1000), stepS: 10 });
    const svg = memoryChartSvg(points, [load]);
    for (const label of ['08:00:00', '08:00:10', '08:01:00']) expect(svg).toContain(`>${label}<`);
    expect(svg).toContain('12 samples over 70 s');
  });

  test('shows each operation as a named span, marks its cancel, and labels its peak', () => {
    expect(operationPeaks(points, [load])).toEqual([{ at: t0 + 68_000, rssMb: 696, of: 'Reading big.ifc' }]);
    const svg = memoryChartSvg(points, [load]);
    expect(svg).toContain('>Reading big.ifc<');
    expect(svg).toContain('>✕ cancel<');
    expect(svg).toContain('>696 MB<');
    expect(memoryChartSvg(points, [{ ...load, outcome: 'succeeded' }])).not.toContain('✕');
  });

  test('says how it samples when it has nothing to draw yet', () => {
    expect(memoryChartSvg([])).toContain('every 30 s, and every second while an operation runs');
  });
});
