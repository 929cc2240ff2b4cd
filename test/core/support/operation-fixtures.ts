// Shared pieces of the operations and monitor tests: where the compiled test workers and the real
// IFC samples are, short cleanup timings, and a log that records instead of printing.
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { CleanupHistory } from '../../../src/core/operations/cleanup-history';
import * as path from 'path';
import { OperationLog } from '../../../src/core/operations/operation-log';
import { OperationTimings } from '../../../src/core/operations/operation-types';

/** Compiled test worker entry files (out/test/fixtures/workers). */
export const SCRIPTED_WORKER = path.join(__dirname, '..', '..', 'fixtures', 'workers', 'scripted-worker.js');
export const OPEN_MODEL_WORKER = path.join(__dirname, '..', '..', 'fixtures', 'workers', 'open-model-worker.js');
/** The real extraction worker, once built (src/ifc/extraction-worker.ts). */
export const EXTRACTION_WORKER = path.join(__dirname, '..', '..', '..', 'src', 'ifc', 'extraction-worker.js');

/** The repository root, from out/test/core/support. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function realIfc(name: string): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', 'ifc', 'real', name);
}

/** Cleanup waits short enough for tests, long enough for a loaded 2-core machine. */
export const FAST_TIMINGS: Partial<OperationTimings> = { shutdownAckMs: 150, gracefulShutdownMs: 400, terminateWaitMs: 1500, memoryQueryMs: 1000 };

export interface CapturedLog extends OperationLog {
  lines: Array<{ level: 'info' | 'warn' | 'error'; message: string; detail?: Record<string, unknown> }>;
}

export function captureLog(): CapturedLog {
  const lines: CapturedLog['lines'] = [];
  return {
    lines,
    info: (message, detail) => lines.push({ level: 'info', message, detail }),
    warn: (message, detail) => lines.push({ level: 'warn', message, detail }),
    error: (message, detail) => lines.push({ level: 'error', message, detail }),
  };
}

export const MB = 1024 * 1024;

/**
 * A runner with its own cleanup history for a describe block: created before the tests, disposed
 * after them once every worker is gone. Read `.runner` / `.history` inside tests.
 */
export function useRunner(): { runner: OperationRunner; history: CleanupHistory } {
  const fixture = {} as { runner: OperationRunner; history: CleanupHistory };
  beforeAll(() => {
    fixture.history = new CleanupHistory();
    fixture.runner = new OperationRunner({ history: fixture.history, timings: FAST_TIMINGS, log: captureLog() });
  });
  afterAll(async () => {
    fixture.runner.dispose();
    await fixture.runner.whenIdle();
    fixture.history.dispose();
  });
  return fixture;
}
