// `npm start` runs the webpack bundle: it must build, keep each worker as its own file beside
// main.js (a worker runs a file), and start the real app from dist/ on the bundled sample.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, runApp } from '../support/app-process';

test('the webpack bundle builds and the app starts from dist/ and shows the sample model', async () => {
  execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: REPO, stdio: 'pipe' });
  for (const f of ['main.js', 'cli.js', 'extraction-worker.js', 'cli-extraction-worker.js', 'export-worker.js', 'ids-check-worker.js']) expect(fs.existsSync(path.join(REPO, 'dist', f))).toBe(true);
  // Worker bundles must not pull in Qt: a second QApplication in a worker crashes the process.
  for (const f of ['extraction-worker.js', 'cli-extraction-worker.js', 'export-worker.js', 'ids-check-worker.js']) expect(fs.readFileSync(path.join(REPO, 'dist', f), 'utf8')).not.toMatch(/require\("@nodegui\//);
  const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-')), 'main.png');
  const run = await runApp(['--screenshot', shot], { main: path.join(REPO, 'dist', 'main.js') });
  expect(run.output).toContain('window title "MultiZoneBuilding.ifc — IFC Room Schedule"');
  expect(run.code).toBe(0);
  expect(fs.statSync(shot).size).toBeGreaterThan(20_000);
}, 180_000);
