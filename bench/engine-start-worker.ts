// One fresh worker's way to a ready web-ifc engine, as the extraction worker goes (web-ifc-preload:
// the code cache when a folder is given, the plain require when not), for bench/engine-start-bench.ts.
import { parentPort, workerData } from 'worker_threads';
import { loadWebIfcWithCodeCache, saveWebIfcCodeCache } from '../src/ifc/web-ifc-code-cache';

const load = loadWebIfcWithCodeCache((workerData as { cacheDir?: string }).cacheDir);
void (async () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const W = require('web-ifc') as typeof import('web-ifc');
  const api = new W.IfcAPI();
  await api.Init(undefined, true);
  saveWebIfcCodeCache();
  parentPort!.postMessage({ status: load.status, loadMs: load.ms });
})();
