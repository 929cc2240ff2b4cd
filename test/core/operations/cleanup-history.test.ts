import { CleanupHistory, CleanupRecord, CleanupSteps, sampleMemory } from '../../../src/core/operations/cleanup-history';

function record(i: number, outcome: CleanupRecord['outcome'] = 'clean'): CleanupRecord {
  const m = sampleMemory();
  return { at: new Date().toISOString(), operationId: i, label: `Reading ${i}.ifc`, kind: 'extract', trigger: 'cancel', steps: [], durationMs: 1, outcome, memoryBefore: m, memoryAfter: m };
}

describe('the cleanup history Diagnostics shows', () => {
  it('keeps the last 100 records, announces each one, and counts outcomes beyond the bound', () => {
    const history = new CleanupHistory(100);
    const seen: number[] = [];
    const sub = history.onDidRecord((r) => seen.push(r.operationId ?? -1));
    for (let i = 1; i <= 130; i++) history.record(record(i, i % 10 === 0 ? 'forced' : 'clean'));
    expect(history.list()).toHaveLength(100);
    expect(history.list()[0].operationId).toBe(31);
    expect(history.last()?.operationId).toBe(130);
    expect(seen).toHaveLength(130);
    expect(history.totals).toEqual({ clean: 117, forced: 13, leak: 0, error: 0 });
    sub.dispose();
    history.dispose();
  });

  it('times every step; a step that throws is recorded as an error and the sequence goes on', async () => {
    const steps = new CleanupSteps();
    await steps.time('wait', () => new Promise((r) => setTimeout(() => r('exited'), 30)));
    steps.timeSync('explode', () => {
      throw new Error('listener already gone');
    });
    steps.add('terminate', 'skipped');
    expect(steps.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['wait', 'exited'],
      ['explode', 'error: listener already gone'],
      ['terminate', 'skipped'],
    ]);
    expect(steps.steps[0].durationMs).toBeGreaterThanOrEqual(25);
    expect(steps.failed).toBe(true);
  });
});
