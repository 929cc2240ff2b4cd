// Damaged models never crash the app: a few hundred real samples, mutated the ways files get damaged
// (see mutators.ts), each read through the real engine (operation runner + extraction worker). Every
// case must end within its time bound in a schedule or a specific error (file, parse or memory,
// with a code, a message and a suggestion); no worker, timer or operation may outlive its case.
//   FUZZ_SEED=<n> FUZZ_CASES=<n> FUZZ_CONCURRENCY=<n> npx jest out/test/fuzz/ifc-fuzz.test.js
// A case is replayed alone with FUZZ_SEED=<its seed> FUZZ_CASES=1.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resourceRegistry } from '../../src/core/lifecycle';
import { CleanupHistory } from '../../src/core/operations/cleanup-history';
import { OperationRunner } from '../../src/core/operations/operation-runner';
import { realModel } from '../support/fixtures';
import { useLeakCheck } from '../support/leak-check';
import { buildCase, FuzzOutcome, runCase } from './fuzz-case';
import { FUZZ_SAMPLES } from './fuzz-samples';
import { seedFromEnv } from './seeded-random';

const SEED = seedFromEnv('FUZZ_SEED', 1_000);
// Measured on 2 cores: 300 cases in 93 s alone with web-ifc's code cache (110 s without), 140–153 s
// inside a full `npm test`. Each case pays a fresh worker, whose start-up is most of its cost.
// More: FUZZ_CASES=2000.
const CASES = Number(process.env.FUZZ_CASES ?? 300);
// Two at a time keeps both cores busy while the other waits on its worker's start-up.
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 2);
/** The slowest case seen took 4.6 s, on a machine at load 10: a case still running after 20 s hangs. */
const CASE_TIMEOUT_MS = 20_000;

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

function summary(outcomes: FuzzOutcome[], ms: number): string {
  const byCode = new Map<string, number>();
  for (const o of outcomes) byCode.set(`${o.verdict}: ${o.code}`, (byCode.get(`${o.verdict}: ${o.code}`) ?? 0) + 1);
  const slowest = Math.max(...outcomes.map((o) => o.ms));
  const lines = [...byCode.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${String(n).padStart(4)}  ${k}`);
  return `fuzz: ${outcomes.length} cases from seed ${SEED} in ${(ms / 1000).toFixed(1)} s (slowest case ${Math.round(slowest)} ms)\n${lines.join('\n')}\n`;
}

function describeFinding(o: FuzzOutcome): string {
  return `seed ${o.seed} (${o.sample}, ${o.applied.join(' + ')}, via ${o.via}, ${o.sizeBytes} bytes): ${o.why}\n    ${o.message ?? ''}\n    ${(o.detail ?? '').replace(/\n/g, '\n    ')}`;
}

describe('fuzzing: damaged models end in a schedule or a specific error, never a crash', () => {
  useLeakCheck();

  test(`${CASES} mutated samples (seed ${SEED}) each end in time, in a schedule or a specific error, leaving nothing behind`, async () => {
    const samples = FUZZ_SAMPLES.map((name) => ({ name, bytes: fs.readFileSync(realModel(name)) }));
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-fuzz-'));
    const history = new CleanupHistory();
    const runner = new OperationRunner({ history, log: quietLog });
    const timersBefore = resourceRegistry.count('timer');
    const outcomes: FuzzOutcome[] = [];
    const leftovers: string[] = [];
    const started = performance.now();
    try {
      for (let first = 0; first < CASES; first += CONCURRENCY) {
        const seeds = Array.from({ length: Math.min(CONCURRENCY, CASES - first) }, (_, i) => SEED + first + i);
        const batch = await Promise.all(seeds.map((seed) => runCase(runner, buildCase(seed, samples), workDir, CASE_TIMEOUT_MS)));
        outcomes.push(...batch);
        // Every case of the batch is cleaned up: nothing of it may still run or tick.
        const counts = resourceRegistry.counts();
        if (counts.worker !== 0 || counts.operation !== 0 || counts.timer !== timersBefore) {
          leftovers.push(`after seeds ${seeds.join(', ')}: ${counts.worker} workers, ${counts.operation} operations, ${counts.timer - timersBefore} timers still alive`);
        }
      }
    } finally {
      runner.dispose();
      await runner.whenIdle();
      history.dispose();
      fs.rmSync(workDir, { recursive: true, force: true });
    }
    const ms = performance.now() - started;
    process.stdout.write(summary(outcomes, ms));

    const findings = outcomes.filter((o) => o.verdict === 'finding');
    expect(findings.map(describeFinding)).toEqual([]);
    expect(leftovers).toEqual([]);
    expect(outcomes).toHaveLength(CASES);
    for (const o of outcomes) expect(o.ms).toBeLessThan(CASE_TIMEOUT_MS);
    // The mutations reach past the header checks: the engine itself read damaged content.
    if (CASES >= 100) {
      expect(outcomes.filter((o) => o.code === 'schedule').length).toBeGreaterThan(CASES / 10);
      expect(outcomes.filter((o) => o.verdict === 'specific-error').length).toBeGreaterThan(CASES / 20);
    }
  }, 600_000);
});
