// Hostile models: a real sample with statements added or rewritten the way an attacker would, and a
// reader that runs them through the real extraction worker with a time bound (a hang must end in a
// failed test, not a stuck jest: an endless loop in-process would block the test's own timer).
import * as fs from 'fs';
import { OperationError } from '../../../src/core/operations/operation-error';
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { CleanupHistory } from '../../../src/core/operations/cleanup-history';
import { RoomSchedule } from '../../../src/core/schedule/model';
import { startExtraction } from '../../../src/ifc/extraction-job';
import { realModel } from '../../support/fixtures';

/** A sample's text (latin1: bytes map 1:1 to characters) and the first express id it does not use. */
export function sampleText(sample: string): { text: string; freeId: number } {
  const text = fs.readFileSync(realModel(sample)).toString('latin1');
  let max = 0;
  for (const m of text.matchAll(/^#(\d+)\s*=/gm)) max = Math.max(max, Number(m[1]));
  return { text, freeId: max + 1 };
}

/** The sample with `statements` added at the end of its DATA section. */
export function withStatements(text: string, statements: string[]): Buffer {
  const end = text.lastIndexOf('ENDSEC;');
  return Buffer.from(`${text.slice(0, end)}${statements.join('\n')}\n${text.slice(end)}`, 'latin1');
}

export interface HostileOutcome {
  schedule?: RoomSchedule;
  error?: OperationError;
  ms: number;
}

/** Reads `bytes` through the operation runner and the extraction worker, cancelled after `timeoutMs`. */
export async function readHostile(bytes: Uint8Array, name: string, timeoutMs: number): Promise<HostileOutcome> {
  const history = new CleanupHistory();
  const runner = new OperationRunner({ history, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  const started = performance.now();
  try {
    const op = startExtraction(runner, { bytes: new Uint8Array(bytes), name }, bytes.length, { timeoutMs, onTimeout: 'cancel' });
    try {
      const schedule = await op.result;
      return { schedule, ms: performance.now() - started };
    } catch (e) {
      if (!(e instanceof OperationError)) throw e;
      return { error: e, ms: performance.now() - started };
    } finally {
      await op.cleanedUp;
    }
  } finally {
    runner.dispose();
    await runner.whenIdle();
    history.dispose();
  }
}
