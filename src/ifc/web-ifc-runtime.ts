// The web-ifc engine of this thread: one IfcAPI, initialised once (loading the WASM takes ~100 ms
// and its heap never shrinks, so a worker keeps one engine for its whole life and ends with it).
// What web-ifc knows of the schemas without its engine (type codes, names, subtypes) is in schema/.
import * as WebIFC from 'web-ifc';

let engine: Promise<WebIFC.IfcAPI> | undefined;

export function ifcEngine(): Promise<WebIFC.IfcAPI> {
  engine ??= (async () => {
    const api = new WebIFC.IfcAPI();
    await api.Init(undefined, true);
    // web-ifc logs to the console by default; our own warnings carry what the user needs.
    api.SetLogLevel(WebIFC.LogLevel.LOG_LEVEL_OFF);
    return api;
  })();
  return engine;
}

/** Bytes of WASM memory the engine holds, when it has been started. */
export function wasmMemoryBytes(api: WebIFC.IfcAPI | undefined): number | undefined {
  const heap = (api?.wasmModule as { HEAPU8?: Uint8Array } | undefined)?.HEAPU8;
  return heap?.buffer.byteLength;
}
