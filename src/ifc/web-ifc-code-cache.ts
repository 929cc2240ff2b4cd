// web-ifc's Node build is one 6 MB script, and compiling it is most of a fresh worker's start-up:
// require('web-ifc') took 340–580 ms on 2 cores, and every load, cancel and fuzz case starts a fresh
// worker (that is how WASM memory goes back to the system). V8 can skip the compile with a code
// cache: this loads the script through vm.Script with cached data kept in the app's cache folder,
// and puts the module into Node's require cache, so every `import 'web-ifc'` after it gets this same
// module. V8 checks the data against its own version and flags and refuses what does not fit; the
// file name carries a hash of the script, since V8's own check of the source is only its length.
// Whatever goes wrong here, web-ifc still loads, the plain way.
import * as crypto from 'crypto';
import * as fs from 'fs';
import Module, { createRequire } from 'module';
import * as path from 'path';
import * as vm from 'vm';
import { OperationError } from '../core/operations/operation-error';
import { writeFileAtomicSync } from '../platform/atomic-file';

export type CodeCacheStatus =
  | 'used' // compiled from the cache
  | 'created' // no cache yet: compiled, and the cache is written after the engine started
  | 'rejected' // V8 refused the cache (another V8 or flags): compiled, and written again
  | 'off' // no cache folder given: plain require
  | 'already-loaded' // web-ifc was loaded before (a plain require won the race)
  | 'failed'; // something went wrong: plain require, with the error

export interface WebIfcLoad {
  status: CodeCacheStatus;
  /** Reading, compiling and running the script. */
  ms: number;
  cacheFile?: string;
  error?: string;
}

interface Pending {
  script: vm.Script;
  cacheFile: string;
}

let pending: Pending | undefined;

// Resolved from this file's real location: inside a webpack bundle, `require` is webpack's own.
const nodeRequire = createRequire(__filename);

/** The web-ifc module (after loadWebIfcWithCodeCache, the one it put in the require cache). */
export function requireWebIfc(): typeof import('web-ifc') {
  return nodeRequire('web-ifc') as typeof import('web-ifc');
}

export function loadWebIfcWithCodeCache(cacheDir: string | undefined): WebIfcLoad {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  let file: string;
  try {
    file = nodeRequire.resolve('web-ifc');
  } catch (e) {
    return { status: 'failed', ms: ms(), error: String(e) };
  }
  if (nodeRequire.cache[file]) return { status: 'already-loaded', ms: 0 };
  if (!cacheDir) {
    nodeRequire('web-ifc');
    return { status: 'off', ms: ms() };
  }
  let cacheFile: string | undefined;
  try {
    const source = fs.readFileSync(file, 'utf8');
    const hash = crypto.createHash('sha1').update(source).digest('hex').slice(0, 16);
    cacheFile = path.join(cacheDir, `${cachePrefix(hash)}flags-${flagsKey()}.v8cache`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // first start on this machine, or the cache was cleared
    }
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    const mod = new Module(file);
    mod.filename = file;
    const wrapper = script.runInThisContext() as (this: unknown, ...args: unknown[]) => void;
    // Registered before it runs, as Node does, so a require cycle back to web-ifc finds it.
    nodeRequire.cache[file] = mod;
    try {
      wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
    } catch (e) {
      delete nodeRequire.cache[file];
      throw e;
    }
    mod.loaded = true;
    const status: CodeCacheStatus = !cachedData ? 'created' : script.cachedDataRejected ? 'rejected' : 'used';
    if (status !== 'used') pending = { script, cacheFile };
    return { status, ms: ms(), cacheFile };
  } catch (e) {
    if (!nodeRequire.cache[file]) nodeRequire('web-ifc');
    return { status: 'failed', ms: ms(), cacheFile, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Names the script and the V8 that compiled it: a cache with another prefix is of no use any more. */
function cachePrefix(sourceHash: string): string {
  return `web-ifc-${sourceHash}-v8-${process.versions.v8}-${process.arch}-`;
}

/**
 * V8 refuses a cache made under other flags: the app runs with --expose-gc, plain Node without, and
 * one shared file made each of them refuse and rewrite the other's (measured). So each set of flags
 * has its own file. --expose-gc is read from the thread itself (is gc() there?), not from the
 * command line: the leak tracker turns it on at run time in processes started without it (jest's),
 * and V8's flags are the process's, so threads started after that compile under it.
 */
function flagsKey(): string {
  const all = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].filter((f) => f.length > 0);
  // Options that only tell Node what to run or load first never reach V8; `npm start` adds one
  // (.npmrc's node-options), and it should share the cache of `node dist/main.js`.
  const loadOption = /^(-r|-e|-p|--import|--require|--loader|--experimental-loader|--eval|--print)(=|$)/;
  const kept: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const m = loadOption.exec(all[i]);
    if (m) {
      if (m[2] === '') i++; // "--import x": skip its value too
    } else if (!/^--expose[-_]gc$/.test(all[i])) kept.push(all[i]);
  }
  if (typeof (globalThis as { gc?: unknown }).gc === 'function') kept.push('--expose-gc');
  return crypto.createHash('sha1').update(kept.join(' ')).digest('hex').slice(0, 8);
}

/**
 * Writes the code cache when this thread compiled the script itself. Called once the engine has
 * started, so the functions its start-up compiled lazily are in the cache too. Atomic (a temporary
 * file, then rename): workers running side by side never read half a cache.
 */
export function saveWebIfcCodeCache(): { written: boolean; bytes?: number; error?: string } {
  const p = pending;
  pending = undefined;
  if (!p) return { written: false };
  try {
    const data = p.script.createCachedData();
    writeFileAtomicSync(p.cacheFile, data);
    removeStaleCaches(p.cacheFile);
    return { written: true, bytes: data.length };
  } catch (e) {
    // A full or read-only cache folder: the old cache (or none) stays, and the next start compiles.
    // The log wants the errno too: the detail's first line is "<path>: Error: ENOSPC: …".
    const detail = e instanceof OperationError ? ` (${e.detail?.split('\n')[0]})` : '';
    return { written: false, error: `${e instanceof Error ? e.message : String(e)}${detail}` };
  }
}

/** Caches of other web-ifc or Node versions are never read again: 5 MB each, so they go (other flags' stay). */
function removeStaleCaches(current: string): void {
  const dir = path.dirname(current);
  const prefix = path.basename(current).replace(/flags-[0-9a-f]+\.v8cache$/, '');
  for (const name of fs.readdirSync(dir)) {
    // (Staged copies a killed worker left are removed by writeFileAtomicSync.)
    const stale = name.startsWith('web-ifc-') && name.endsWith('.v8cache') && !name.startsWith(prefix);
    if (stale) fs.rmSync(path.join(dir, name), { force: true });
  }
}
