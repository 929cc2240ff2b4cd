// The web-ifc engine of this thread: one IfcAPI, initialised once (loading the WASM takes ~100 ms
// and its heap never shrinks, so a worker keeps one engine for its whole life and ends with it).
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

export function webIfcVersion(api: WebIFC.IfcAPI): string {
  const v = api.GetVersion();
  return typeof v === 'string' ? v : String(v);
}

/** Bytes of WASM memory the engine holds, when it has been started. */
export function wasmMemoryBytes(api: WebIFC.IfcAPI | undefined): number | undefined {
  const heap = (api?.wasmModule as { HEAPU8?: Uint8Array } | undefined)?.HEAPU8;
  return heap?.buffer.byteLength;
}

/** Schema identifiers web-ifc reads, by family (web-ifc's schema id): [canonical, ...aliases]. */
export function knownSchemas(): { family: number; names: string[] }[] {
  const table = WebIFC.SchemaNames as unknown as (string[] | undefined)[];
  const out: { family: number; names: string[] }[] = [];
  table.forEach((names, family) => {
    if (Array.isArray(names)) out.push({ family, names });
  });
  return out;
}

/** web-ifc's schema id for a FILE_SCHEMA identifier (case-insensitive), or -1. */
export function schemaFamilyOf(identifier: string): number {
  const upper = identifier.toUpperCase();
  return knownSchemas().find((s) => s.names.includes(upper))?.family ?? -1;
}

let classNames: Map<string, string> | undefined;

/** "IFCWALLSTANDARDCASE" → "IfcWallStandardCase", as the IFC schemas spell it. */
export function ifcClassName(upperName: string): string {
  if (!classNames) {
    classNames = new Map();
    for (const schema of [WebIFC.IFC2X3, WebIFC.IFC4, WebIFC.IFC4X3] as unknown as Record<string, unknown>[]) {
      for (const key of Object.keys(schema)) if (key.startsWith('Ifc')) classNames.set(key.toUpperCase(), key);
    }
  }
  return classNames.get(upperName) ?? upperName;
}

/** Type codes of `type` and all its subtypes in the model's schema family. */
export function withSubtypes(schemaFamily: number, type: number): number[] {
  const table = (WebIFC.InheritanceDef as unknown as Record<number, Record<number, number[]> | undefined>)[schemaFamily];
  return [type, ...(table?.[type] ?? [])];
}

/**
 * True when `type` is an entity of the schema family. web-ifc 0.0.78 never returns from
 * GetRawLinesData for an id whose statement it mis-tokenised (a stray "#1,#2);" line redefining
 * #1, found by the fuzzer): such ids have a type code no schema knows, so they are checked first.
 */
export function isKnownType(schemaFamily: number, type: number): boolean {
  const table = (WebIFC.FromRawLineData as unknown as Record<number, Record<number, unknown> | undefined>)[schemaFamily];
  return typeof table?.[type] === 'function';
}
