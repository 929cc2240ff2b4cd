// The web-ifc engine of this thread: one IfcAPI, initialised once (loading the WASM takes ~100 ms
// and its heap never shrinks, so a worker keeps one engine for its whole life and ends with it).
// Loaded only when first asked for, through V8's code cache (web-ifc-code-cache.ts): requiring its
// 5.9 MB script costs ~229 ms, and the fast engine needs it only to mesh rooms whose bodies are not
// extrusions, or to read a file it refuses. What web-ifc knows of the schemas without its engine
// (type codes, names, subtypes) is in schema/.
import type { IfcAPI } from 'web-ifc';
import { workerData } from 'worker_threads';
import { loadWebIfcWithCodeCache, requireWebIfc, saveWebIfcCodeCache, WebIfcLoad } from './web-ifc-code-cache';

/** How this thread's engine started: loading web-ifc's script, and writing its code cache after Init. */
export interface EngineStart {
  load: WebIfcLoad;
  saved: { written: boolean; error?: string };
}

let load: WebIfcLoad | undefined;
let engine: Promise<IfcAPI> | undefined;
let started: { api: IfcAPI; start: EngineStart } | undefined;

/**
 * Loads web-ifc's script through the code cache, once per thread (the cache folder comes with the
 * operation's input, workerData.codeCacheDir). A worker whose modules import web-ifc at the top
 * calls this first (web-ifc-preload.ts), before any of them loads it the plain way.
 */
export function loadWebIfc(): WebIfcLoad {
  load ??= loadWebIfcWithCodeCache((workerData as { codeCacheDir?: string } | null)?.codeCacheDir);
  return load;
}

export function ifcEngine(): Promise<IfcAPI> {
  engine ??= (async () => {
    const loaded = loadWebIfc();
    const W = requireWebIfc();
    const api = new W.IfcAPI();
    await api.Init(undefined, true);
    // web-ifc logs to the console by default; our own warnings carry what the user needs.
    api.SetLogLevel(W.LogLevel.LOG_LEVEL_OFF);
    // After Init, so the functions its start-up compiled lazily are in the cache too.
    started = { api, start: { load: loaded, saved: saveWebIfcCodeCache() } };
    return api;
  })();
  return engine;
}

/** How the engine started, once it has; undefined while web-ifc is not loaded. */
export function engineStart(): EngineStart | undefined {
  return started?.start;
}

/** "web-ifc loaded in 212 ms, code cache used": for the progress log, where slow starts are looked into. */
export function describeEngineStart({ load: l, saved }: EngineStart): string {
  const problem = l.error ?? saved.error;
  return `web-ifc loaded in ${Math.round(l.ms)} ms, code cache ${l.status}${saved.written ? ', saved' : ''}${problem ? `: ${problem}` : ''}`;
}

/** Bytes of WASM memory this thread's engine holds; undefined while web-ifc is not loaded. */
export function wasmMemoryBytes(): number | undefined {
  const heap = (started?.api.wasmModule as { HEAPU8?: Uint8Array } | undefined)?.HEAPU8;
  return heap?.buffer.byteLength;
}
