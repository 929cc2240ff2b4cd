// Every input the fuzzer ever caught the engine out with (test/fixtures/ifc/fuzz-regressions, see
// its README) stays fixed: read through the real extraction worker, each ends in time in a
// schedule or a specific file/parse/memory error, and nothing of it outlives the case.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resourceRegistry } from '../../src/core/lifecycle';
import { CleanupHistory } from '../../src/core/operations/cleanup-history';
import { OperationRunner } from '../../src/core/operations/operation-runner';
import { FIXTURES } from '../support/fixtures';
import { useLeakCheck } from '../support/leak-check';
import { FuzzOutcome, runCase } from './fuzz-case';

const DIR = path.join(FIXTURES, 'fuzz-regressions');
/** Each is under 1 KB: anything near this bound is a hang, not a slow read. */
const CASE_TIMEOUT_MS = 20_000;
const files = fs.readdirSync(DIR).filter((f) => /\.ifc(zip)?$/i.test(f));

async function readRegression(file: string): Promise<FuzzOutcome> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-regression-'));
  const history = new CleanupHistory();
  const runner = new OperationRunner({ history, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  try {
    const bytes = fs.readFileSync(path.join(DIR, file));
    return await runCase(runner, { seed: 0, sample: file, applied: ['regression'], via: 'path', container: file.endsWith('zip') ? 'ifczip' : 'ifc', bytes }, workDir, CASE_TIMEOUT_MS);
  } finally {
    runner.dispose();
    await runner.whenIdle();
    history.dispose();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

describe('fuzz regressions: inputs that once crashed or hung the engine', () => {
  useLeakCheck();

  test.each(files)('%s ends in a schedule or a specific error, in time', async (file) => {
    const outcome = await readRegression(file);
    // The whole outcome in the message, so a failure says what the engine did instead.
    expect(`${outcome.verdict} (${outcome.code}) after ${Math.round(outcome.ms)} ms: ${outcome.message ?? ''} ${outcome.why ?? ''}`).toMatch(/^(schedule|specific-error) /);
    expect(resourceRegistry.count('worker')).toBe(0);
  }, CASE_TIMEOUT_MS + 15_000);
});
