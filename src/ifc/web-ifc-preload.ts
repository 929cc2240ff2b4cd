// Imported first by worker entries whose modules import web-ifc at the top (the IDS check): loads
// it through the code cache (web-ifc-code-cache.ts) before any of them loads it the plain way. The
// extraction worker does not import it: nothing it imports loads web-ifc until ifcEngine() is asked.
import { loadWebIfc } from './web-ifc-runtime';

export const webIfcLoad = loadWebIfc();
