// Where the CLI's own worker entry is, apart from the code that starts it: main.ts starts that
// worker before it loads anything else (see there), and every module it imports comes first.
import * as path from 'path';

/** src/cli/cli-extraction-worker.ts, compiled: beside this file in out/ and in the bundle's dist/. */
export const CLI_EXTRACTION_WORKER_FILE = path.join(__dirname, 'cli-extraction-worker.js');
