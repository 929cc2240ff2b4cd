// `ifc-room-schedule diff` as a script or a user runs it (a real process): diff(1)'s exit statuses,
// the JSON report on stdout, the XLSX report on disk, and a clear message for trouble.
import { execFile, spawn } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateLargeModel } from '../../bench/model-generator';
import type { RevisionDiff } from '../../src/core/diff/revision-diff-types';
import { editedCopy, withEdits } from '../diff/edited-model';
import { malformedModel, realModel } from '../support/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'src', 'cli', 'main.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let tmp: string;
let home: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-diff-cli-'));
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-diff-home-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

function diffCli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'diff', ...args], { cwd: tmp, env: { ...process.env, IFC_RS_HOME: home } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const renamed = () => editedCopy('MultiZoneBuilding.ifc', tmp, 'MultiZoneBuilding-renamed.ifc', withEdits({ replace: "#229,'Office_06',", with: "#229,'Meeting_06'," }));

describe('ifc-room-schedule diff', () => {
  it('two identical models: exit 0, an empty report on stdout and a summary on stderr', async () => {
    const run = await diffCli(realModel('TwoZones.ifc'), realModel('TwoZones.ifc'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as RevisionDiff;
    expect({ added: report.added, removed: report.removed, changed: report.changed }).toEqual({ added: [], removed: [], changed: [] });
    expect(run.stderr).toMatch(/^TwoZones\.ifc → TwoZones\.ifc: 2 rooms → 2; no differences\. Rooms matched by GlobalId \(2 of 2 in common\)\. \([\d.]+ m?s\)\n$/);
  });

  it('a renamed room: exit 1 and the change in the JSON file given with -o', async () => {
    const run = await diffCli(realModel('MultiZoneBuilding.ifc'), renamed(), '-o', 'changes.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^→ changes\.json\nMultiZoneBuilding\.ifc → MultiZoneBuilding-renamed\.ifc: 13 rooms → 13; 0 added, 0 removed, 1 changed\./);
    const report = JSON.parse(fs.readFileSync(path.join(tmp, 'changes.json'), 'utf8')) as RevisionDiff;
    expect(report.header.old.file).toBe('MultiZoneBuilding.ifc');
    expect(report.header.new.file).toBe('MultiZoneBuilding-renamed.ifc');
    expect(report.changed).toEqual([{ globalId: '0ZS89wiqazG8UX_mlHhUSo', number: '', name: 'Meeting_06', changes: [{ field: 'longName', old: 'Office_06', new: 'Meeting_06' }] }]);
  });

  it('as XLSX: a Changes sheet with one row per changed field, and a Summary naming both files and the match', async () => {
    const run = await diffCli(realModel('MultiZoneBuilding.ifc'), renamed(), '-o', 'changes.xlsx', '-q');
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 1, stdout: '', stderr: '' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(tmp, 'changes.xlsx'));
    const rows = (name: string) => (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows('Changes')).toEqual([
      ['Change', 'Number', 'Name', 'Storey', 'GlobalId', 'Field', 'Old', 'New'],
      ['changed', '', 'Meeting_06', undefined, '0ZS89wiqazG8UX_mlHhUSo', 'longName', 'Office_06', 'Meeting_06'],
    ]);
    const summary = new Map(rows('Summary').map((r) => [r[0], r[1]]));
    expect(summary.get('Old')).toBe('MultiZoneBuilding.ifc');
    expect(summary.get('New')).toBe('MultiZoneBuilding-renamed.ifc');
    expect(summary.get('Matched by')).toBe('GlobalId');
    expect(summary.get('Changed')).toBe(1);
  });

  it('a model that cannot be read is trouble: exit 2, named in the message, and no report', async () => {
    const run = await diffCli(realModel('TwoZones.ifc'), malformedModel('syn_empty_0_bytes.ifc'), '-o', 'never.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: syn_empty_0_bytes.ifc: The file "syn_empty_0_bytes.ifc" is empty (0 bytes).');
    expect(fs.existsSync(path.join(tmp, 'never.json'))).toBe(false);
  });

  it('a bad tolerance is refused with exit 2 before any model is read', async () => {
    const run = await diffCli(realModel('TwoZones.ifc'), realModel('TwoZones.ifc'), '--tolerance', 'half');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: --tolerance takes a percentage of 0 or more, like 0.5 or 2, not “half”.\n');
    expect(run.stdout).toBe('');
  });

  it('--help documents the exit statuses', async () => {
    const run = await diffCli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit status (as diff(1)): 0 the rooms are the same, 1 they differ, 2 trouble');
  });

  it('Ctrl-C while the old model is read cancels it: exit 130, no report, and the process ends by itself', async () => {
    // ~40 MB built from MultiZoneBuilding.ifc (the same model the extract command's Ctrl-C story uses).
    const model = await generateLargeModel({ sample: realModel('MultiZoneBuilding.ifc'), targetMb: 40 });
    const child = spawn(process.execPath, [CLI, 'diff', model.path, model.path, '-o', 'never.json', '--verbose'], { cwd: tmp, env: { ...process.env, IFC_RS_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!stderr.includes(': Indexing') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    expect(await ended).toBe(130);
    expect(stderr).toContain('Cancelling…');
    expect(stderr).toContain('Cancelled; no report was written.');
    expect(fs.existsSync(path.join(tmp, 'never.json'))).toBe(false);
  }, 180_000);
});
