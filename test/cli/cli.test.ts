// The command line as a user runs it: a real `node out/src/cli/main.js` process per story (test/support/cli-process.ts).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateLargeModel } from '../../bench/model-generator';
import type { RoomScheduleDocument } from '../../src/export/json-export';
import { runCli, startCli, waitFor } from '../support/cli-process';
import { malformedModel, realModel } from '../support/fixtures';

describe('ifc-room-schedule extract', () => {
  let tmp: string;
  let home: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-cli-'));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-cli-home-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('--engine fast and --engine web-ifc write the same rooms, each saying which engine read the file', async () => {
    const docs: RoomScheduleDocument[] = [];
    for (const engine of ['fast', 'web-ifc']) {
      const run = await runCli(['extract', realModel('TwoZones.ifc'), '--engine', engine, '-o', `${engine}.json`], tmp, home);
      expect(run.code).toBe(0);
      docs.push(JSON.parse(fs.readFileSync(path.join(tmp, `${engine}.json`), 'utf8')) as RoomScheduleDocument);
    }
    expect(docs.map((d) => d.metadata.engine.name)).toEqual(['fast', 'web-ifc']);
    expect(docs[0].spaces).toEqual(docs[1].spaces);
    const bad = await runCli(['extract', realModel('TwoZones.ifc'), '--engine', 'ifcopenshell'], tmp, home);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--engine.*Allowed choices are fast, web-ifc/);
  });

  it('exports MultiZoneBuilding.ifc as JSON: exit 0, 13 rooms and 126 boundaries in the file, one summary line', async () => {
    const run = await runCli(['extract', realModel('MultiZoneBuilding.ifc'), '--format', 'json', '-o', 'multi.json'], tmp, home);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(tmp, 'multi.json'), 'utf8')) as RoomScheduleDocument;
    expect(doc.spaces).toHaveLength(13);
    expect(doc.spaces.reduce((n, s) => n + s.boundaries.length, 0)).toBe(126);
    // The same findings Validate shows: twelve rooms without a number (a warning), areas from their bodies (a note).
    expect(run.stdout).toMatch(/^MultiZoneBuilding\.ifc: 13 spaces, 126 boundaries, 0 errors, 1 warning, 1 note, [\d.]+ m?s → multi\.json\n$/);
  });

  it('a malformed file gets its own message and suggestion, exit 1, while the other file is still exported', async () => {
    const run = await runCli(['extract', malformedModel('syn_empty_0_bytes.ifc'), realModel('OneZone.ifc'), '-o', 'out'], tmp, home);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: syn_empty_0_bytes.ifc: The file "syn_empty_0_bytes.ifc" is empty (0 bytes).\n  The export or download probably failed.');
    expect(fs.readdirSync(path.join(tmp, 'out'))).toEqual(['OneZone.json']);
    expect(run.stdout).toMatch(/OneZone\.ifc: 1 space, 8 boundaries/);
    expect(run.stdout).toContain('1 of 2 files exported, 1 failed.');
  });

  it('a file that does not exist is reported by name', async () => {
    const run = await runCli(['extract', path.join(tmp, 'missing.ifc')], tmp, home);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: missing\.ifc: .*missing\.ifc.*does not exist/);
  });

  it('the technical detail of a failed file goes to the log file; a run with nothing to log opens none; without a log folder the CLI still works', async () => {
    const clean = await runCli(['extract', realModel('OneZone.ifc'), '-q'], tmp, home);
    expect(clean.code).toBe(0);
    expect(fs.existsSync(path.join(home, 'log'))).toBe(false);

    const failed = await runCli(['extract', malformedModel('syn_empty_0_bytes.ifc')], tmp, home);
    expect(failed.code).toBe(1);
    const logs = fs.readdirSync(path.join(home, 'log')).filter((f) => f.endsWith('.log'));
    expect(logs).toEqual([expect.stringMatching(/^ifc-room-schedule-\d{4}-\d\d-\d\d\.log$/)]);
    const entry = JSON.parse(fs.readFileSync(path.join(home, 'log', logs[0]), 'utf8').trim()) as { level: string; message: string };
    expect(entry).toMatchObject({ level: 'error', message: expect.stringMatching(/^extract syn_empty_0_bytes\.ifc failed .*is empty \(0 bytes\)/) });

    // A file where the log folder should be: no folder can be made there, even as root.
    const noLogHome = path.join(tmp, 'home');
    fs.mkdirSync(noLogHome);
    fs.writeFileSync(path.join(noLogHome, 'log'), '');
    const unlogged = await runCli(['extract', malformedModel('syn_empty_0_bytes.ifc'), realModel('OneZone.ifc'), '-o', 'out'], tmp, noLogHome);
    expect(unlogged.code).toBe(1);
    // The user's message and its suggestion, and nothing about the log.
    expect(unlogged.stderr).toMatch(/^error: syn_empty_0_bytes\.ifc: The file "syn_empty_0_bytes\.ifc" is empty \(0 bytes\)\.\n {2}The export or download probably failed\.[^\n]*\n$/);
    expect(fs.readdirSync(path.join(tmp, 'out'))).toEqual(['OneZone.json']);
  });

  it('-o - streams the JSON to stdout, with the summary on stderr', async () => {
    const run = await runCli(['extract', realModel('TwoZones.ifc'), '-o', '-'], tmp, home);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as RoomScheduleDocument;
    expect(doc.spaces).toHaveLength(2);
    expect(run.stderr).toMatch(/^TwoZones\.ifc: 2 spaces, 16 boundaries/);
  });

  it('notes from --annotations reach the JSON, CSV and XLSX exports', async () => {
    const first = JSON.parse((await runCli(['extract', realModel('TwoZones.ifc'), '-o', '-', '-q'], tmp, home)).stdout) as RoomScheduleDocument;
    const space = first.spaces[1];
    const boundary = space.boundaries[0];
    fs.writeFileSync(path.join(tmp, 'notes.json'), JSON.stringify({ spaces: { [space.globalId!]: 'Needs new carpet, "blue"' }, boundaries: { [boundary.globalId!]: 'Draughty' } }));
    for (const format of ['json', 'csv', 'xlsx']) {
      const run = await runCli(['extract', realModel('TwoZones.ifc'), '--format', format, '--annotations', 'notes.json', '-o', `two.${format}`], tmp, home);
      expect({ format, code: run.code, stderr: run.stderr }).toEqual({ format, code: 0, stderr: '' });
    }
    const doc = JSON.parse(fs.readFileSync(path.join(tmp, 'two.json'), 'utf8')) as RoomScheduleDocument;
    expect(doc.spaces[1].annotation).toBe('Needs new carpet, "blue"');
    expect(doc.spaces[1].boundaries[0].annotation).toBe('Draughty');
    expect(fs.readFileSync(path.join(tmp, 'two.rooms.csv'), 'utf8')).toContain('"Needs new carpet, ""blue"""');
    expect(fs.readFileSync(path.join(tmp, 'two.boundaries.csv'), 'utf8')).toContain('Draughty');
    // XLSX is a zip: the note is in the sheet XML (inline strings), not readable as plain text.
    expect(fs.statSync(path.join(tmp, 'two.xlsx')).size).toBeGreaterThan(5000);
  });

  it('a bad command line is refused with exit 2 before any model is read', async () => {
    const run = await runCli(['extract', realModel('OneZone.ifc'), realModel('TwoZones.ifc'), '-o', '-'], tmp, home);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('-o - (stdout) takes one input file');
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('Ctrl-C during a slow extraction cancels it: exit 130, no file, and the process ends by itself (no worker left)', async () => {
    // ~40 MB built from MultiZoneBuilding.ifc: indexing, boundary geometry and the XLSX take a few seconds.
    const model = await generateLargeModel({ sample: realModel('MultiZoneBuilding.ifc'), targetMb: 40 });
    const { child, done, stderr } = startCli(['extract', model.path, '--format', 'xlsx', '-o', 'big.xlsx', '--verbose'], tmp, home);
    // --verbose prints each phase as a line off a terminal: interrupt once the file is being indexed.
    await waitFor(() => stderr().includes(`${path.basename(model.path)}: Indexing`), 30_000);
    const interruptedAt = Date.now();
    child.kill('SIGINT');
    const run = await done;
    expect(run.signal).toBeNull();
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Cancelling…');
    // Cancelled while parsing: the later phases never started.
    expect(run.stderr).not.toContain('Reading space boundaries');
    expect(run.stderr).toContain('Cancelled; no partial file was left behind.');
    // The process was not killed by the signal: it cancelled, waited for its worker to end, and exited.
    expect(Date.now() - interruptedAt).toBeLessThan(10_000);
    expect(fs.readdirSync(tmp)).toEqual([]);
  }, 180_000);
});
