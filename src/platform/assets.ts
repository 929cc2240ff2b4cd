// Finds the app's assets/ folder from wherever the code runs: out/src/... (tsc), dist/ (webpack)
// or src/ (ts tools), by walking up to the folder that holds package.json and assets/.
import * as fs from 'fs';
import * as path from 'path';

let root: string | undefined;

export function appRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'assets'))) return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Cannot find the app's assets folder above ${__dirname}`);
    dir = up;
  }
}

export function assetPath(...parts: string[]): string {
  return path.join(appRoot(), 'assets', ...parts);
}

export function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The model opened when no file is given: a small real ArchiCAD model (BSD-3-Clause, see assets/samples/MANIFEST.tsv). */
export function defaultSamplePath(): string {
  return assetPath('samples', 'MultiZoneBuilding.ifc');
}
