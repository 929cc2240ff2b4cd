// Start-up of a fresh worker until web-ifc's engine is ready, with and without the code cache
// (src/ifc/web-ifc-code-cache.ts), alternated in one run. Every load, cancel and fuzz case pays it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { median } from './stats';

// The tests' code-cache worker, without a model: load, Init, save the cache, report.
const WORKER = path.join(__dirname, '..', 'test', 'fixtures', 'workers', 'code-cache-worker.js');

export interface EngineStartMeasurement {
  runs: number;
  plainMs: number[];
  cachedMs: number[];
  plainMedianMs: number;
  cachedMedianMs: number;
  /** The status each cached run reported ("used", once the first run has written the cache). */
  cachedStatus: string[];
}

function startOnce(cacheDir: string | undefined): Promise<{ ms: number; status: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const w = new Worker(WORKER, { workerData: { cacheDir } });
    w.once('message', (m: { status: string }) => {
      const ms = performance.now() - t0;
      void w.terminate().then(() => resolve({ ms, status: m.status }));
    });
    w.once('error', reject);
  });
}

const round = (x: number) => Math.round(x);

export async function measureEngineStart(runs: number): Promise<EngineStartMeasurement> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-bench-v8-'));
  try {
    await startOnce(dir); // writes the cache, as the app's first load on a machine does
    const plain: number[] = [];
    const cached: number[] = [];
    const cachedStatus: string[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so a slow moment of the machine does not always hit one side.
      for (const side of i % 2 === 0 ? ['plain', 'cached'] : ['cached', 'plain']) {
        const r = await startOnce(side === 'cached' ? dir : undefined);
        if (side === 'cached') {
          cached.push(round(r.ms));
          cachedStatus.push(r.status);
        } else plain.push(round(r.ms));
      }
    }
    return { runs, plainMs: plain, cachedMs: cached, plainMedianMs: round(median(plain)), cachedMedianMs: round(median(cached)), cachedStatus };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
