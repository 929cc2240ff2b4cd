// The command line against an unlucky or hostile user's surroundings: -o naming the input model,
// the notes file, a link, a pipe or a device; a full disk; a folder without write permission; the
// terminal hung up or Ctrl-C pressed twice mid-export; staged files a killed run left; and names
// made of terminal control sequences. Real `node out/src/cli/main.js` processes.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync } from 'fflate';
import { generateLargeModel } from '../../bench/model-generator';
import { runCli, startCli, waitFor } from '../support/cli-process';
import { realModel } from '../support/fixtures';
import { smallDisk } from '../support/small-disk';

const IS_ROOT = process.getuid?.() === 0;

const staged = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.partial'));
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/;

describe('extract -o and a hostile or failing output', () => {
  let tmp: string;
  let home: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-hostile-'));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-hostile-home-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('refuses, before reading anything, to write over the input model, the --annotations file, a symbolic link, a FIFO or a device node', async () => {
    const model = path.join(tmp, 'model.ifc');
    fs.copyFileSync(realModel('OneZone.ifc'), model);
    const notes = path.join(tmp, 'notes.json');
    fs.writeFileSync(notes, '{"spaces": {}}');
    const target = path.join(tmp, 'kept.json');
    fs.writeFileSync(target, 'the file the link points to');
    fs.symlinkSync(target, path.join(tmp, 'link.json'));
    execFileSync('mkfifo', [path.join(tmp, 'pipe.json')]);
    if (IS_ROOT) execFileSync('mknod', [path.join(tmp, 'null.json'), 'c', '1', '3']);
    const cases: [string[], string][] = [
      [['-o', 'model.ifc', '--format', 'json'], 'Will not write “model.ifc”: it is the input model “model.ifc”, which the export would destroy.'],
      [['-o', 'notes.json', '--annotations', 'notes.json'], 'Will not write “notes.json”: it is the --annotations file, which the export would destroy.'],
      [['-o', 'link.json'], 'Will not write “link.json”: it is a symbolic link (writing would replace the link, not the file it points to).'],
      [['-o', 'pipe.json'], 'Will not write “pipe.json”: it is a named pipe (FIFO).'],
      ...(IS_ROOT ? [[['-o', 'null.json'], 'Will not write “null.json”: it is a device.'] as [string[], string]] : []),
    ];
    const before = fs.readdirSync(tmp).sort();
    for (const [args, message] of cases) {
      const run = await runCli(['extract', 'model.ifc', ...args], tmp, home);
      expect({ args, code: run.code, stderr: run.stderr.split('\n')[0] }).toEqual({ args, code: 2, stderr: `error: ${message}` });
    }
    expect(fs.readFileSync(model)).toEqual(fs.readFileSync(realModel('OneZone.ifc')));
    expect(fs.readFileSync(notes, 'utf8')).toBe('{"spaces": {}}');
    expect(fs.readlinkSync(path.join(tmp, 'link.json'))).toBe(target);
    expect(fs.statSync(path.join(tmp, 'pipe.json')).isFIFO()).toBe(true);
    if (IS_ROOT) expect(fs.statSync(path.join(tmp, 'null.json')).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(tmp).sort()).toEqual(before);
  }, 60_000);

  it('a full disk ends with exit 1 and "the disk is full", and the previous export is still there, whole', async () => {
    const disk = smallDisk('cli-full');
    try {
      if (disk.mode !== 'tmpfs') {
        process.stdout.write('hostile-output: full-disk CLI story skipped: the CLI is another process, which needs a real tmpfs (root with mount)\n');
        return;
      }
      const out = path.join(disk.dir, 'schedule.json');
      expect((await runCli(['extract', realModel('OneZone.ifc'), '-o', out, '-q'], tmp, home)).code).toBe(0);
      const previous = fs.readFileSync(out);
      const run = await disk.whileFull(() => runCli(['extract', realModel('OneZone.ifc'), '-o', out, '-q'], tmp, home));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error: OneZone.ifc: Could not write “schedule.json”: the disk is full.');
      expect(fs.readFileSync(out)).toEqual(previous);
      expect(staged(disk.dir)).toEqual([]);
    } finally {
      disk.dispose();
    }
  }, 60_000);

  it('a folder the user may not write to is reported as "permission denied", not as a folder that does not exist', async () => {
    const out = path.join(tmp, 'locked');
    fs.mkdirSync(out);
    fs.chmodSync(out, 0o555);
    // Root may write anywhere: the story runs as "nobody" then, with a home it may write to.
    if (IS_ROOT) {
      fs.chmodSync(tmp, 0o777);
      fs.chmodSync(home, 0o777);
    }
    const run = await runCli(['extract', realModel('OneZone.ifc'), '-o', path.join(out, 'x.json'), '-q'], tmp, home, IS_ROOT ? 'nobody' : undefined);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Could not write “x.json”: you are not allowed to write there (permission denied).');
  }, 60_000);

  describe('signals during an export', () => {
    let model: string;
    beforeAll(async () => {
      // ~40 MB from MultiZoneBuilding.ifc: its XLSX export takes seconds, long enough to interrupt.
      model = (await generateLargeModel({ sample: realModel('MultiZoneBuilding.ifc'), targetMb: 40 })).path;
    }, 120_000);

    it.each([
      ['the terminal hangs up (SIGHUP)', ['SIGHUP'] as NodeJS.Signals[], 129],
      ['Ctrl-C is pressed twice (the second quits at once)', ['SIGINT', 'SIGINT'] as NodeJS.Signals[], 130],
    ])('%s: the run ends with its exit status and leaves no staged file behind', async (_, signals, code) => {
      const { child, done, stderr } = startCli(['extract', model, '--format', 'xlsx', '-o', 'big.xlsx', '--skip-geometry'], tmp, home);
      // Interrupt once the export's staged file exists.
      await waitFor(() => staged(tmp).length > 0 || child.exitCode !== null, 120_000);
      expect(staged(tmp)).toHaveLength(1);
      // Signals sent back to back merge into one: the second Ctrl-C follows the first's "Cancelling…".
      for (const [i, s] of signals.entries()) {
        if (i > 0) await waitFor(() => stderr().includes('Cancelling…'), 10_000);
        child.kill(s);
      }
      const run = await done;
      expect(run.code).toBe(code);
      // The worker may have been killed mid-write: give the file system a moment, then look.
      await new Promise((r) => setTimeout(r, 200));
      expect(fs.readdirSync(tmp)).toEqual([]);
    }, 180_000);

    it('Ctrl-C while the JSON is written (by the worker that read the model) cancels the export: exit 130, no file, staged or whole, and an earlier export untouched', async () => {
      fs.writeFileSync(path.join(tmp, 'big.json'), 'the previous export');
      const { child, done, stderr } = startCli(['extract', model, '-o', 'big.json', '--skip-geometry'], tmp, home);
      await waitFor(() => staged(tmp).length > 0 || child.exitCode !== null, 120_000);
      expect(staged(tmp)).toHaveLength(1);
      child.kill('SIGINT');
      const run = await done;
      expect(run.code).toBe(130);
      expect(stderr()).toContain('Cancelled; no partial file was left behind.');
      expect(fs.readdirSync(tmp)).toEqual(['big.json']);
      expect(fs.readFileSync(path.join(tmp, 'big.json'), 'utf8')).toBe('the previous export');
    }, 180_000);
  });

  it('staged files a killed run left are removed by the next export to that folder; a live writer\'s and other programs\' files are not', async () => {
    const old = new Date(Date.now() - 10 * 60_000);
    const put = (name: string, mtime?: Date) => {
      fs.writeFileSync(path.join(tmp, name), 'half an export');
      if (mtime) fs.utimesSync(path.join(tmp, name), mtime, mtime);
    };
    put('.x.json.999999999-abc-def.partial', old); // a dead process's, 10 minutes old: removed
    put('.y.json.999999999-abc-def.partial'); // a dead process's, just written: kept a while (another host's on a share?)
    put(`.z.json.${process.pid}-abc-def.partial`, old); // a live process's (this test's): kept
    put('.w.json.someone-elses.partial', old); // not a name this app makes: kept
    const run = await runCli(['extract', realModel('OneZone.ifc'), '-o', 'x.json', '-q'], tmp, home);
    expect(run.code).toBe(0);
    expect(fs.readdirSync(tmp).sort()).toEqual(['.w.json.someone-elses.partial', '.y.json.999999999-abc-def.partial', `.z.json.${process.pid}-abc-def.partial`, 'x.json'].sort());
  }, 60_000);

  it('file and zip entry names made of control sequences are printed escaped: no cleared screen, no fake success line', async () => {
    const evil = 'evil\x1b[2J\rOneZone.ifc: 999 spaces, exported\x07\u202e.ifc';
    fs.copyFileSync(realModel('OneZone.ifc'), path.join(tmp, evil));
    const ok = await runCli(['extract', evil, '-o', 'out.json'], tmp, home);
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toMatch(RAW_CONTROL);
    expect(ok.stdout).toContain('evil\\e[2J\\rOneZone.ifc: 999 spaces, exported\\x07\\u202e.ifc: 1 space');
    // An archive whose only entry is named to rewrite the terminal.
    const zip = path.join(tmp, 'crafted.ifczip');
    fs.writeFileSync(zip, zipSync({ '\x1b[2J\x1b[Hmodel.ifc: 13 spaces, exported\n.txt': new Uint8Array([1, 2, 3]) }));
    const bad = await runCli(['extract', 'crafted.ifczip', '-o', 'crafted.json'], tmp, home);
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toMatch(RAW_CONTROL);
    expect(bad.stderr).toContain('\\e[2J\\e[Hmodel.ifc: 13 spaces, exported\\n.txt');
    expect(bad.stderr.trim().split('\n')).toHaveLength(2);
  }, 60_000);
});
