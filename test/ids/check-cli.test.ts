// `ifc-room-schedule check` as a script or a user runs it (a real process): exit 0 / 1 / 2, the
// summary, the JSON and XLSX reports, and a specific message when the IDS or the model is unusable.
import { execFile } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { realModel } from '../support/fixtures';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'out', 'src', 'cli', 'main.js');
const CASES = path.resolve(REPO, '..', 'shared', 'ids-testcases');
const ROOM_IDS = path.join(REPO, 'test', 'fixtures', 'ids', 'room-data.ids');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-check-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function checkCli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'check', ...args], { cwd: tmp, env: { ...process.env, IFC_RS_HOME: tmp } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const testCase = (name: string) => [path.join(CASES, `${name}.ifc`), '--ids', path.join(CASES, `${name}.ids`)];
const haveCases = fs.existsSync(CASES);

describe('ifc-room-schedule check', () => {
  (haveCases ? it : it.skip)('buildingSMART cases through the real command: 0 for pass, 1 for fail, 2 for invalid', async () => {
    const [pass, fail, invalid] = await Promise.all([
      checkCli(...testCase('property/pass-a_number_specified_as_a_string_is_treated_as_a_string')),
      checkCli(...testCase('property/fail-unit_conversions_shall_take_place_to_ids_nominated_standard_units_1_2')),
      checkCli(...testCase('attribute/invalid-booleans_must_be_specified_as_lowercase_strings_2_3')),
    ]);
    expect([pass.code, fail.code, invalid.code]).toEqual([0, 1, 2]);
    expect(pass.stdout).toMatch(/1 specification, 1 pass, 0 fail\n  ✓ /);
    expect(fail.stdout).toContain("IFCWALL #7 (2nJrDaLQfJ1QPhdJR0o97J): Foo_Bar.Foo is 0.002, expected '2'");
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('error: "invalid-booleans_must_be_specified_as_lowercase_strings_2_3.ids" is not a valid IDS 1.0 file: specification "Booleans must be specified as lowercase strings 2/3": attribute IsMilestone: booleans are written "true" or "false", not "FALSE".');
  }, 60_000);

  it('MultiZoneBuilding.ifc against the room IDS: exit 1, the unnumbered rooms listed, every result in the XLSX report', async () => {
    const run = await checkCli(realModel('MultiZoneBuilding.ifc'), '--ids', ROOM_IDS, '-o', 'report.xlsx');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^→ report\.xlsx\nMultiZoneBuilding\.ifc \(IFC2X3\) against "Room data for handover": 4 specifications, 3 pass, 1 fail; 12 entities fail\n  ✗ Every room has a number: 13 applicable, 12 fail\n/);
    expect(run.stdout).toContain("IFCSPACE #232 'Office_06' (0ZS89wiqazG8UX_mlHhUSo): has no value for attribute Name");
    expect(run.stdout).toContain('… and 2 more');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(tmp, 'report.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Specifications', 'Failures', 'Summary']);
    const failures = book.getWorksheet('Failures')!;
    expect(failures.rowCount).toBe(13);
    expect(failures.getRow(1).values).toEqual([undefined, 'Specification', 'Class', 'Name', 'Long name', 'GlobalId', 'Express id', 'Reason']);
    const specs = book.getWorksheet('Specifications')!;
    expect(specs.getRow(2).values).toEqual([undefined, 'Every room has a number', 'fail', 'required', 13, 1, 12, '12 of 13 applicable entities fail']);
  }, 60_000);

  it('-o report.json: the whole report with the failing rooms per entity, for scripts', async () => {
    const run = await checkCli(realModel('MultiZoneBuilding.ifc'), '--ids', ROOM_IDS, '-o', 'report.json', '-q');
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', '']);
    const report = JSON.parse(fs.readFileSync(path.join(tmp, 'report.json'), 'utf8')) as { status: string; summary: unknown; failingEntities: { entity: { longName: string }; failures: { specification: string }[] }[] };
    expect(report.status).toBe('fail');
    expect(report.summary).toEqual({ specifications: 4, passed: 3, failed: 1, failedEntities: 12 });
    expect(report.failingEntities.map((e) => e.entity.longName)).toContain('Kitchen_13');
    expect(new Set(report.failingEntities.flatMap((e) => e.failures.map((f) => f.specification)))).toEqual(new Set(['Every room has a number']));
  }, 60_000);

  it('an IDS file that does not exist, a model that is not IFC, or no --ids: exit 2 with what to do', async () => {
    const [noIds, notIfc, missing] = await Promise.all([
      checkCli(realModel('OneZone.ifc'), '--ids', 'nowhere.ids'),
      checkCli(ROOM_IDS, '--ids', ROOM_IDS),
      checkCli(realModel('OneZone.ifc')),
    ]);
    expect(noIds.code).toBe(2);
    expect(noIds.stderr).toContain('error: "nowhere.ids" is not a valid IDS 1.0 file: the file does not exist.');
    expect(notIfc.code).toBe(2);
    expect(notIfc.stderr).toMatch(/^error: .*room-data\.ids/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--ids <file>' not specified");
  }, 60_000);
});
