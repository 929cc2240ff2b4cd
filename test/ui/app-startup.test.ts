// The first thing a user does: start the app. It opens the bundled sample model offscreen, shows
// the model's name in the title, saves a screenshot on request, and exits with code 0 however it is
// closed (window close, SIGINT, SIGTERM).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runApp, startApp, tempHome } from '../support/app-process';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('starting the desktop app', () => {
  test('with no file it opens the bundled sample, titles the window with its name, and --screenshot writes a PNG', async () => {
    const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shot-')), 'main.png');
    const run = await runApp(['--screenshot', shot]);
    expect(run.output).toContain('window title "MultiZoneBuilding.ifc — IFC Room Schedule"');
    expect(run.code).toBe(0);
    const png = fs.readFileSync(shot);
    expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    expect(png.length).toBeGreaterThan(20_000); // a real window, not a blank 1-colour image
  });

  test('closing the main window ends the process with exit code 0 and no abort', async () => {
    const run = await runApp(['--quit-after', '1500', path.join('test', 'fixtures', 'ifc', 'real', 'TwoZones.ifc')]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    expect(run.output).toContain('exit (window closed)');
    expect(run.output).not.toMatch(/Napi::Error|terminate called|Aborted|core dumped/);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s ends the app cleanly with exit code 0', async (signal) => {
    const app = startApp(['--no-sample'], { home: tempHome() });
    await app.waitFor(/window shown/);
    app.child.kill(signal);
    const run = await app.done;
    expect(run.code).toBe(0);
    expect(run.output).toContain(`exit (${signal})`);
  });

  test('a bad file shows a specific message and the app keeps running', async () => {
    const app = startApp([path.join('test', 'fixtures', 'ifc', 'malformed', 'syn_text_not_ifc.ifc')]);
    // The message shown to the user is logged as it is shown: category, then the sentence.
    await app.waitFor(/(file|parse): .*(not an IFC|STEP|ISO-10303-21)/i, 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.child.exitCode).toBeNull(); // still running, window and all
    app.child.kill('SIGTERM');
    const run = await app.done;
    expect(run.code).toBe(0);
  });
});
