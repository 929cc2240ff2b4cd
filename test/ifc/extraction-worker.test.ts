import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { FromWorkerMessage, OperationErrorInfo, OperationProgress } from '../../src/core/operations/protocol';
import { RoomSchedule } from '../../src/core/schedule/model';
import { ExtractionInput } from '../../src/ifc/extraction-input';
import { malformedModel, manifestRow, realModel } from '../support/fixtures';
import { MALFORMED_OUTCOMES } from './support/malformed-outcomes';

const WORKER_FILE = path.join(__dirname, '..', '..', 'src', 'ifc', 'extraction-worker.js');

interface WorkerRun {
  result?: RoomSchedule;
  error?: OperationErrorInfo;
  progress: OperationProgress[];
  memory?: { wasm?: number };
  blocking: string[];
}

/** Runs the real worker entry file on one input; the thread is always terminated at the end. */
async function runWorker(input: ExtractionInput, during?: (w: Worker) => void): Promise<WorkerRun> {
  const worker = new Worker(WORKER_FILE, { workerData: input });
  const run: WorkerRun = { progress: [], blocking: [] };
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromWorkerMessage) => {
        if (m.type === 'progress') {
          run.progress.push(m.progress);
          if (m.progress.phase === 'relationships' && !run.memory) worker.postMessage({ type: 'memory?' });
        } else if (m.type === 'memory') run.memory = m.memory;
        else if (m.type === 'blocking') run.blocking.push(`${m.blocking ? 'start' : 'end'}:${m.phase}`);
        else if (m.type === 'result') {
          run.result = m.result as RoomSchedule;
          resolve();
        } else if (m.type === 'error') {
          run.error = m.error;
          resolve();
        }
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      during?.(worker);
    });
  } finally {
    await worker.terminate();
  }
  return run;
}

describe('the extraction worker, run as a real worker thread', () => {
  it('fast engine (the default) reads TwoZones.ifc from its path: progress through every phase, nothing blocking, no web-ifc heap', async () => {
    const run = await runWorker({ path: realModel('TwoZones.ifc'), name: 'TwoZones.ifc', appVersion: '9.9.9' });
    expect(run.error).toBeUndefined();
    expect(run.result!.metadata.engine.name).toBe('fast');
    expect(run.result!.spaces).toHaveLength(manifestRow('TwoZones.ifc').spaces!);
    expect(run.result!.spaces.reduce((n, s) => n + s.boundaries.length, 0)).toBe(manifestRow('TwoZones.ifc').boundaries);
    const phases = [...new Set(run.progress.map((p) => p.phase))];
    expect(phases).toEqual(['start-up', 'read', 'parse', 'prepare', 'relationships', 'spaces', 'boundaries', 'geometry', 'schedule']);
    // Indexing runs in chunks that see a cancel: it never asks to be terminated instead.
    expect(run.blocking).toEqual([]);
    expect(run.memory?.wasm).toBeUndefined();
  });

  it('web-ifc engine reads TwoZones.ifc from its path: progress through every phase, the parse declared blocking, WASM memory reported', async () => {
    const run = await runWorker({ path: realModel('TwoZones.ifc'), name: 'TwoZones.ifc', appVersion: '9.9.9', engine: 'web-ifc' });
    expect(run.error).toBeUndefined();
    expect(run.result!.spaces).toHaveLength(manifestRow('TwoZones.ifc').spaces!);
    expect(run.result!.spaces.reduce((n, s) => n + s.boundaries.length, 0)).toBe(manifestRow('TwoZones.ifc').boundaries);
    expect(run.result!.metadata.appVersion).toBe('9.9.9');
    const phases = [...new Set(run.progress.map((p) => p.phase))];
    expect(phases).toEqual(['start-up', 'read', 'parse', 'prepare', 'relationships', 'spaces', 'boundaries', 'geometry', 'schedule']);
    // Byte counts of the parse are throttled away on a file this small; extract.test checks them.
    expect(run.blocking).toEqual(['start:parse', 'end:parse']);
    expect(run.memory?.wasm).toBeGreaterThan(16 * 1024 * 1024);
  });

  it('reads bytes handed to it (an .ifczip sent as bytes)', async () => {
    const file = 'Schependomlaan_ROOT-houten_kozijnen.ifczip';
    const run = await runWorker({ bytes: new Uint8Array(fs.readFileSync(realModel(file))), name: file });
    expect(run.result?.metadata.source).toMatchObject({ container: 'ifczip', sha256: manifestRow(file).sha256 });
  });

  it('ends every malformed file in the same specific outcome as in-process', async () => {
    // Three threads at a time: each loads web-ifc (a 6 MB script), which dominates these short runs.
    const files = Object.keys(MALFORMED_OUTCOMES);
    const runs = new Map<string, WorkerRun>();
    const next = async (): Promise<void> => {
      const file = files.shift();
      if (!file) return;
      runs.set(file, await runWorker({ path: malformedModel(file), name: file }));
      return next();
    };
    await Promise.all([next(), next(), next()]);
    for (const [file, expected] of Object.entries(MALFORMED_OUTCOMES)) {
      const run = runs.get(file)!;
      if ('code' in expected) {
        expect([file, run.error?.code, run.error?.message]).toEqual([file, expected.code, expect.stringMatching(expected.message)]);
      } else {
        expect([file, run.result?.spaces.length, run.result?.warnings.map((w) => w.code)]).toEqual([file, expected.spaces, expected.warnings.map(([code]) => code)]);
      }
    }
  });

  it('a shutdown request makes it stop at its next checkpoint with "cancelled", unless the test hook ignores it', async () => {
    const stop = (w: Worker) => w.postMessage({ type: 'shutdown' });
    const cancelled = await runWorker({ path: realModel('MultiZoneBuilding.ifc'), name: 'MultiZoneBuilding.ifc' }, stop);
    expect(cancelled.result).toBeUndefined();
    expect(cancelled.error).toMatchObject({ category: 'cancelled', code: 'cancelled' });
    const ignored = await runWorker({ path: realModel('OneZone.ifc'), name: 'OneZone.ifc', ignoreShutdown: true }, stop);
    expect(ignored.result?.spaces).toHaveLength(1);
  });
});
