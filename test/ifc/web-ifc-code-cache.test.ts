// Every load, cancel and fuzz case starts a fresh worker, and compiling web-ifc's 6 MB script was
// most of that start-up. The code cache must make it cheaper without ever making it fragile: a
// missing, foreign, corrupt or unwritable cache still gives a working engine.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { Worker } from 'worker_threads';
import { manifestRow, realModel } from '../support/fixtures';

const WORKER = path.join(__dirname, '..', 'fixtures', 'workers', 'code-cache-worker.js');

interface Report {
  status: string;
  cacheFile?: string;
  error?: string;
  saved: { written: boolean; bytes?: number; error?: string };
  spaces: number;
}

function startWorker(cacheDir: string | undefined): Promise<Report> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { workerData: { cacheDir, model: realModel('MultiZoneBuilding.ifc') } });
    w.once('message', (m: Report) => void w.terminate().then(() => resolve(m)));
    w.once('error', reject);
  });
}

/** The same worker in a fresh Node process started with `nodeArgs`: V8 flags are per process. */
function startWorkerInProcess(cacheDir: string, nodeArgs: string[], env: NodeJS.ProcessEnv = {}, preamble = ''): Report {
  const code = `${preamble}
    const { Worker } = require('worker_threads');
    const w = new Worker(${JSON.stringify(WORKER)}, { workerData: { cacheDir: ${JSON.stringify(cacheDir)}, model: ${JSON.stringify(realModel('MultiZoneBuilding.ifc'))} } });
    w.once('message', (m) => { process.stdout.write(JSON.stringify(m)); w.terminate(); });`;
  return JSON.parse(execFileSync(process.execPath, [...nodeArgs, '-e', code], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } })) as Report;
}

const ROOMS = manifestRow('MultiZoneBuilding.ifc').spaces;

describe("web-ifc's code cache", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-v8-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the first worker compiles and saves the cache; the next one starts from it; both read the model', async () => {
    const first = await startWorker(dir);
    expect(first.status).toBe('created');
    expect(first.saved.written).toBe(true);
    expect(fs.statSync(first.cacheFile!).size).toBeGreaterThan(1_000_000);
    const second = await startWorker(dir);
    expect(second).toMatchObject({ status: 'used', cacheFile: first.cacheFile, saved: { written: false } });
    expect([first.spaces, second.spaces]).toEqual([ROOMS, ROOMS]);
    // Only the cache itself is left: no temporary files.
    expect(fs.readdirSync(dir)).toEqual([path.basename(first.cacheFile!)]);
  }, 60_000);

  test('a corrupt cache is refused by V8, replaced, and the worker still reads the model', async () => {
    const first = await startWorker(dir);
    fs.writeFileSync(first.cacheFile!, Buffer.alloc(4096, 7));
    const afterDamage = await startWorker(dir);
    expect(afterDamage).toMatchObject({ status: 'rejected', saved: { written: true }, spaces: ROOMS });
    expect((await startWorker(dir)).status).toBe('used');
  }, 60_000);

  test("a cache of another web-ifc or V8 is removed once the current one is written", async () => {
    const foreign = path.join(dir, 'web-ifc-0000000000000000-v8-1.0.0-x64.v8cache');
    fs.writeFileSync(foreign, 'old');
    const first = await startWorker(dir);
    expect(fs.readdirSync(dir)).toEqual([path.basename(first.cacheFile!)]);
  }, 60_000);

  test('threads started with other V8 flags (the app runs with --expose-gc, jest without) keep caches side by side instead of refusing each other\'s', async () => {
    const plain = startWorkerInProcess(dir, []);
    const gc = startWorkerInProcess(dir, ['--expose-gc']);
    expect([plain.status, gc.status]).toEqual(['created', 'created']);
    expect(plain.cacheFile).not.toBe(gc.cacheFile);
    expect([startWorkerInProcess(dir, []).status, startWorkerInProcess(dir, ['--expose-gc']).status]).toEqual(['used', 'used']);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(plain.cacheFile!), path.basename(gc.cacheFile!)].sort());
    // `npm start` adds a Node-only --import (.npmrc's node-options): V8 never sees it, so the cache is shared.
    expect(startWorkerInProcess(dir, [], { NODE_OPTIONS: '--import=data:text/javascript,0' })).toMatchObject({ status: 'used', cacheFile: plain.cacheFile });
    // The leak tracker turns --expose-gc on at run time in a process started without it (jest's):
    // its threads then compile as the app's do, and use the app's cache rather than refusing the plain one.
    expect(startWorkerInProcess(dir, [], {}, "require('v8').setFlagsFromString('--expose-gc');")).toMatchObject({ status: 'used', cacheFile: gc.cacheFile });
  }, 60_000);

  test('an unwritable cache folder costs the cache, never the engine; no folder means the plain require', async () => {
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, 'not a folder');
    const r = await startWorker(path.join(blocked, 'v8'));
    expect(r.status).toBe('created');
    expect(r.saved.written).toBe(false);
    expect(r.saved.error).toMatch(/ENOTDIR|EEXIST/);
    expect(r.spaces).toBe(ROOMS);
    expect(await startWorker(undefined)).toMatchObject({ status: 'off', spaces: ROOMS });
  }, 60_000);
});
