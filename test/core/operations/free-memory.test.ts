import { resourceRegistry } from '../../../src/core/lifecycle';
import { CleanupHistory } from '../../../src/core/operations/cleanup-history';
import { freeMemoryResources } from '../../../src/core/operations/free-memory';
import { MemoryPressureChange, MemoryPressureWatch } from '../../../src/core/operations/memory-pressure';
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { ScriptedInput } from '../../fixtures/workers/scripted-worker';
import { useLeakCheck } from '../../support/leak-check';
import { captureLog, FAST_TIMINGS, MB, SCRIPTED_WORKER } from '../support/operation-fixtures';

describe('"Free memory" ends workers still winding down, forgets ended operations, collects garbage, and records what it achieved', () => {
  useLeakCheck();

  it('a finished operation whose worker lingers is ended at once, its summary forgotten, and GC shrinks the heap', async () => {
    const history = new CleanupHistory();
    // The worker would take 8 s to go by itself (a heavy teardown); the runner would wait 10 s for it.
    const runner = new OperationRunner({ history, timings: { ...FAST_TIMINGS, gracefulShutdownMs: 10_000 }, log: captureLog() });
    const op = runner.start<ScriptedInput, unknown>({ kind: 'scripted', label: 'Heavy teardown', workerFile: SCRIPTED_WORKER, input: { behaviour: 'finish', steps: 1, stepMs: 1, lingerMs: 8000 } });
    await new Promise<void>((resolve) => {
      const s = runner.onDidEnd(() => {
        s.dispose();
        resolve();
      });
    });
    expect(runner.stopping()).toHaveLength(1);
    expect(resourceRegistry.count('worker')).toBe(1);
    // Garbage for the GC step to find: ~40 MB of arrays nobody references any more.
    let garbage: Float64Array[] | undefined = Array.from({ length: 40 }, () => new Float64Array(MB / 8).fill(1));
    expect(garbage).toHaveLength(40);
    garbage = undefined;

    const started = performance.now();
    const record = await freeMemoryResources({ runner, history });
    expect(performance.now() - started).toBeLessThan(4000);
    expect(resourceRegistry.count('worker')).toBe(0);
    expect(runner.recent()).toHaveLength(0);
    expect(record.trigger).toBe('free-memory');
    expect(record.outcome).toBe('clean');
    expect(record.steps.map((s) => [s.name, s.outcome.replace(/[\d.]+/g, 'N')])).toEqual([
      ['stop-finished-operations', 'N stopped'],
      ['reset-operation-state', 'N ended operations forgotten'],
      ['gc', expect.stringMatching(/^N passes, heap N MB smaller$/)],
    ]);
    expect(record.steps[0].outcome).toBe('1 stopped');
    expect(record.memoryBefore.heapUsed + record.memoryBefore.arrayBuffers - (record.memoryAfter.heapUsed + record.memoryAfter.arrayBuffers)).toBeGreaterThan(30 * MB);
    // The operation's own record says its lingering worker was ended to free memory.
    const own = history.list().find((r) => r.label === 'Heavy teardown')!;
    expect(own.outcome).toBe('forced');
    expect(own.steps.find((s) => s.name === 'await-exit')?.outcome).toMatch(/after terminate \(free memory\)/);
    await op.cleanedUp;
    runner.dispose();
    await runner.whenIdle();
    history.dispose();
  });
});

describe('memory pressure', () => {
  useLeakCheck();

  it('warns above the high-water mark, tells the user at the critical mark and offers free memory or cancel, and calms down with hysteresis', () => {
    const watch = new MemoryPressureWatch({ highWaterBytes: 1000 * MB, criticalBytes: 2000 * MB });
    const changes: MemoryPressureChange[] = [];
    const sub = watch.onDidChangeLevel((c) => changes.push(c));
    const levels = [500, 1100, 1900, 2100, 1850, 1700, 950, 880].map((mb) => watch.update(mb * MB));
    expect(levels).toEqual(['normal', 'high', 'high', 'critical', 'critical', 'high', 'high', 'normal']);
    expect(changes.map((c) => `${c.previous}->${c.level}`)).toEqual(['normal->high', 'high->critical', 'critical->high', 'high->normal']);
    const critical = changes[1];
    expect(critical.message).toBe('Memory use is critical (2100 MB).');
    expect(critical.actions).toEqual(['free-memory', 'cancel']);
    expect(critical.suggestion).toMatch(/Free memory now, or cancel/);
    expect(watch.state()).toMatchObject({ level: 'normal', rss: 880 * MB, highWaterBytes: 1000 * MB });
    expect(() => new MemoryPressureWatch({ highWaterBytes: 2, criticalBytes: 1 })).toThrow(/above the high-water/);
    sub.dispose();
    watch.dispose();
  });
});
