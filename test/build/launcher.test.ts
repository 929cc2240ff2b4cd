// The `ifc-room-schedule` command (bin/ifc-room-schedule.js: `npm link`, and what /usr/bin runs in
// the .deb) picks the program from the arguments: a subcommand goes to the command line, nothing or a
// model opens the desktop app, --help shows both.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, tempHome } from '../support/app-process';
import { realModel } from '../support/fixtures';

const LAUNCHER = path.join(REPO, 'bin', 'ifc-room-schedule.js');

function launch(args: string[], env: NodeJS.ProcessEnv = {}) {
  const base = { ...process.env };
  delete base.DISPLAY;
  delete base.WAYLAND_DISPLAY;
  delete base.QT_QPA_PLATFORM;
  const run = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...base, IFC_RS_HOME: tempHome(), ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the ifc-room-schedule command', () => {
  it('runs a subcommand on the command line: extract TwoZones.ifc prints its 2 rooms as JSON', () => {
    const run = launch(['extract', realModel('TwoZones.ifc'), '-o', '-', '-q']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { spaces: unknown[] }).spaces).toHaveLength(2);
  });

  it('hands any other word to the command line, which names the nearest command for a typo', () => {
    const run = launch(['extrct', 'model.ifc']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'extrct'");
    expect(run.stderr).toContain('Did you mean extract?');
  });

  it('opens the desktop app for a model file, and without a display says so instead of letting Qt abort', () => {
    const run = launch([realModel('OneZone.ifc')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no display to open the window on');
  });

  it('opens the desktop app on the model given, offscreen', () => {
    const shot = path.join(tempHome(), 'window.png');
    const run = launch([realModel('OneZone.ifc'), '--screenshot', shot, '--verbose'], { QT_QPA_PLATFORM: 'offscreen' });
    expect(run.stdout + run.stderr).toContain('window title "OneZone.ifc — IFC Room Schedule"');
    expect(run.code).toBe(0);
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('--help shows the commands and the desktop app\'s options, with no display needed', () => {
    const run = launch(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Commands:\n\s+extract/);
    expect(run.stdout).toContain('Without a command, it opens the desktop app:');
    expect(run.stdout).toContain('--screenshot <file.png>');
  });
});
