// The fast engine reads the schedule from the file's text; web-ifc (a 5.9 MB script, ~229 ms to
// load) is loaded only for what needs its geometry kernel: rooms whose bodies are not extrusions.
// Run in the real extraction worker, asked what it loaded just before it hands over the rooms.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { FromWorkerMessage, OperationProgress } from '../../src/core/operations/protocol';
import { RoomSchedule } from '../../src/core/schedule/model';
import { ExtractionInput } from '../../src/ifc/extraction-input';
import { manifestRow, realModel } from '../support/fixtures';

const PROBE_WORKER = path.join(__dirname, '..', 'fixtures', 'workers', 'web-ifc-probe-worker.js');

interface ProbedRun {
  schedule: RoomSchedule;
  progress: OperationProgress[];
  /** web-ifc's files in the worker's require cache once the rooms were measured. */
  webIfcFiles: string[];
  /** The WASM heap the worker reports then. */
  wasmBytes: number | undefined;
}

/** Reads `file` in a fresh extraction worker; when the first rooms arrive (every phase done), asks what it loaded. */
async function extractInWorker(file: string, input: Partial<ExtractionInput>): Promise<ProbedRun> {
  const worker = new Worker(PROBE_WORKER, { workerData: { path: realModel(file), name: file, streamSpaces: true, ...input } satisfies ExtractionInput });
  const progress: OperationProgress[] = [];
  const spaces: RoomSchedule['spaces'] = [];
  let webIfcFiles: string[] | undefined;
  let wasmBytes: number | undefined;
  let asked = false;
  try {
    const schedule = await new Promise<RoomSchedule>((resolve, reject) => {
      worker.on('message', (m: FromWorkerMessage | { type: 'web-ifc loaded'; files: string[] }) => {
        if (m.type === 'progress') progress.push(m.progress);
        else if (m.type === 'web-ifc loaded') webIfcFiles = m.files;
        else if (m.type === 'memory') wasmBytes = m.memory.wasm;
        else if (m.type === 'part') {
          spaces.push(...(m.items as RoomSchedule['spaces']));
          // Messages are handled in order: both questions are answered before the worker goes on.
          if (!asked) worker.postMessage({ type: 'web-ifc loaded?' });
          if (!asked) worker.postMessage({ type: 'memory?' });
          asked = true;
          worker.postMessage({ type: 'part-ack' });
        } else if (m.type === 'result') resolve({ ...(m.result as RoomSchedule), spaces });
        else if (m.type === 'error') reject(new Error(m.error.message));
      });
      worker.on('error', reject);
    });
    if (!webIfcFiles) throw new Error('the worker did not answer which web-ifc files it loaded');
    return { schedule, progress, webIfcFiles, wasmBytes };
  } finally {
    await worker.terminate();
  }
}

/** Quantities of the rooms taken from web-ifc's triangulation of their bodies. */
function meshedQuantities(s: RoomSchedule): number {
  return JSON.stringify(s.spaces).split('"geometry:mesh"').length - 1;
}

describe('the fast engine loads web-ifc only when a room needs its geometry kernel', () => {
  let cacheDir: string;
  beforeAll(() => (cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-lazy-'))));
  afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  it.each(['OneZone.ifc', 'MultiZoneBuilding.ifc', 'LargeBuilding.ifc'])('%s (extruded rooms): the whole schedule, measured, and web-ifc never loaded', async (file) => {
    const run = await extractInWorker(file, { engine: 'fast', codeCacheDir: cacheDir });
    expect(run.schedule.spaces).toHaveLength(manifestRow(file).spaces!);
    expect(run.schedule.metadata.engine).toEqual({ name: 'fast', version: '0.0.78' });
    // Measured from the rooms' own bodies, exactly.
    expect(JSON.stringify(run.schedule.spaces)).toContain('"geometry:extrusion"');
    expect(meshedQuantities(run.schedule)).toBe(0);
    expect(run.webIfcFiles).toEqual([]);
    expect(run.wasmBytes).toBeUndefined();
    expect(run.progress[0]).toMatchObject({ phase: 'start-up', message: 'IFC engine ready (the fast reader; web-ifc is loaded when the model needs it)' });
    expect(run.progress.filter((p) => /web-ifc loaded/.test(p.message))).toEqual([]);
  });

  it('RooftopBuilding4ZonesThin.ifc (Brep rooms): web-ifc is loaded through its code cache and meshes the rooms', async () => {
    const run = await extractInWorker('RooftopBuilding4ZonesThin.ifc', { engine: 'fast', codeCacheDir: cacheDir });
    expect(run.schedule.spaces).toHaveLength(manifestRow('RooftopBuilding4ZonesThin.ifc').spaces!);
    expect(run.schedule.metadata.engine.name).toBe('fast');
    expect(meshedQuantities(run.schedule)).toBeGreaterThanOrEqual(4 * 4);
    expect(run.webIfcFiles.map((f) => path.basename(f))).toEqual(['web-ifc-api-node.js']);
    expect(run.wasmBytes).toBeGreaterThan(1e6);
    // Loaded once, when the rooms were measured, by the code-cache loader (a plain require first would say "already-loaded").
    const started = run.progress.filter((p) => /web-ifc loaded/.test(p.message));
    expect(started).toHaveLength(1);
    expect(started[0].message).toMatch(/^IFC engine ready \(web-ifc loaded in \d+ ms, code cache (created, saved|used)\)$/);
    const phases = run.progress.map((p) => p.phase);
    expect(phases.indexOf('start-up', 1)).toBeGreaterThan(phases.indexOf('geometry'));
  });

  it('the web-ifc engine still starts web-ifc with the worker, from the code cache', async () => {
    const run = await extractInWorker('OneZone.ifc', { engine: 'web-ifc', codeCacheDir: cacheDir });
    expect(run.schedule.spaces).toHaveLength(1);
    expect(run.webIfcFiles.map((f) => path.basename(f))).toEqual(['web-ifc-api-node.js']);
    expect(run.wasmBytes).toBeGreaterThan(1e6);
    expect(run.progress[0].phase).toBe('start-up');
    expect(run.progress[0].message).toMatch(/^IFC engine ready \(web-ifc loaded in \d+ ms, code cache (created, saved|used)\)$/);
    expect(run.progress.filter((p) => /web-ifc loaded/.test(p.message))).toHaveLength(1);
  });
});
