import { resourceRegistry } from '../../../src/core/lifecycle';
import { CacheRegistry } from '../../../src/core/operations/cache-registry';
import { CleanupHistory } from '../../../src/core/operations/cleanup-history';
import { freeMemoryResources } from '../../../src/core/operations/free-memory';
import { MemoryPressureChange, MemoryPressureWatch } from '../../../src/core/operations/memory-pressure';
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { ScriptedInput } from '../../fixtures/workers/scripted-worker';
import { useLeakCheck } from '../../support/leak-check';
import { captureLog, FAST_TIMINGS, MB, SCRIPTED_WORKER } from '../support/operation-fixtures';

describe('"Free memory" releases caches, the model if asked, and garbage, and records what it achieved', () => {
  useLeakCheck();

  it('clears every registered cache, drops the model only when asked, forgets ended operations, and GC shrinks the heap', async () => {
    const history = new CleanupHistory();
    const runner = new OperationRunner({ history, timings: FAST_TIMINGS, log: captureLog() });
    const caches = new CacheRegistry();
    // A real cache holding ~40 MB of geometry-like arrays.
    let geometry: Float64Array[] = Array.from({ length: 40 }, () => new Float64Array(MB / 8).fill(1));
    const cache = caches.registerCache('boundary geometry', { clear: () => (geometry = []), sizeBytes: () => geometry.length * MB });
    let model: { spaces: unknown[] } | undefined = { spaces: Array.from({ length: 1e5 }, (_, i) => ({ id: i, name: `Room ${i}` })) };
    const dropper = caches.registerModelDropper('open model', () => (model = undefined));
    expect(resourceRegistry.list('cache').map((c) => c.label)).toEqual(['boundary geometry']);

    const op = runner.start<ScriptedInput, unknown>({ kind: 'scripted', label: 'Short job', workerFile: SCRIPTED_WORKER, input: { behaviour: 'finish', steps: 1, stepMs: 1 } });
    await op.result;
    expect(runner.recent()).toHaveLength(1);

    const first = await freeMemoryResources({ runner, caches, history });
    expect(geometry).toEqual([]);
    expect(model).toBeDefined();
    expect(runner.recent()).toHaveLength(0);
    expect(first.trigger).toBe('free-memory');
    expect(first.outcome).toBe('clean');
    expect(first.steps.map((s) => s.name)).toEqual(['stop-finished-operations', 'clear-caches', 'reset-operation-state', 'gc']);
    expect(first.steps[1].outcome).toBe('1 cleared (40.0 MB)');
    expect(first.memoryBefore.heapUsed + first.memoryBefore.arrayBuffers - (first.memoryAfter.heapUsed + first.memoryAfter.arrayBuffers)).toBeGreaterThan(30 * MB);

    const second = await freeMemoryResources({ dropModel: true, caches, history });
    expect(model).toBeUndefined();
    expect(second.steps.find((s) => s.name === 'drop-model')?.outcome).toBe('1 dropped');
    expect(second.memoryAfter.heapUsed).toBeLessThan(second.memoryBefore.heapUsed);
    expect(history.list().filter((r) => r.trigger === 'free-memory')).toHaveLength(2);

    cache.dispose();
    dropper.dispose();
    runner.dispose();
    await runner.whenIdle();
    history.dispose();
  });

  it('a cache that fails to clear does not stop the others; the record says error', async () => {
    const history = new CleanupHistory();
    const caches = new CacheRegistry();
    let cleared = false;
    const a = caches.registerCache('broken', { clear: () => { throw new Error('locked'); } });
    const b = caches.registerCache('fine', { clear: () => (cleared = true) });
    const r = await freeMemoryResources({ caches, history });
    expect(cleared).toBe(true);
    expect(r.outcome).toBe('error');
    expect(r.steps.find((s) => s.name === 'clear-caches')?.outcome).toBe('error: broken: locked');
    a.dispose();
    b.dispose();
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
