// Imported first by worker entries that use web-ifc: loads it through the code cache
// (web-ifc-code-cache.ts) before any other module's `import 'web-ifc'` loads it the plain way. The
// cache folder comes with the operation's input (workerData.codeCacheDir).
import { workerData } from 'worker_threads';
import { loadWebIfcWithCodeCache, WebIfcLoad } from './web-ifc-code-cache';

export const webIfcLoad: WebIfcLoad = loadWebIfcWithCodeCache((workerData as { codeCacheDir?: string } | null)?.codeCacheDir);
