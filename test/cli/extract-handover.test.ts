// The extract command's handover options, run as a user runs them (a real CLI process each):
// a PDF, a template by name or file, CSV for Excel, and the notes written back into a copy.
import { spawnSync } from 'child_process';
import { parse } from 'csv-parse/sync';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { realModel } from '../support/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'src', 'cli', 'main.js');

function cli(args: string[], cwd: string, home: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, IFC_RS_HOME: home }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('extract for handing over', () => {
  let tmp: string;
  let home: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-handover-'));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-handover-home-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('-o rooms.pdf writes a PDF room schedule', () => {
    const run = cli(['extract', realModel('SWW-5_SB.ifc'), '-o', 'rooms.pdf'], tmp, home);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/SWW-5_SB\.ifc: 9 spaces.* → rooms\.pdf/);
    expect(fs.readFileSync(path.join(tmp, 'rooms.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('--template takes a built-in name, or a JSON file of one\'s own; a broken file is named with what is wrong', () => {
    const byName = cli(['extract', realModel('SWW-5_SB.ifc'), '-o', 'ft.csv', '--table', 'rooms', '--template', 'Room schedule (ft²)'], tmp, home);
    expect(byName.code).toBe(0);
    expect((parse(fs.readFileSync(path.join(tmp, 'ft.csv'), 'utf8')) as string[][])[0]).toContain('Net floor area (ft²)');

    fs.writeFileSync(path.join(tmp, 'finishes.json'), JSON.stringify({ name: 'Finishes', columns: ['number', 'name', { field: 'floorFinish', header: 'Boden' }, 'notes'], groupBy: 'none' }));
    const byFile = cli(['extract', realModel('SWW-5_SB.ifc'), '-o', 'f.csv', '--table', 'rooms', '--template', 'finishes.json'], tmp, home);
    expect(byFile.code).toBe(0);
    expect((parse(fs.readFileSync(path.join(tmp, 'f.csv'), 'utf8')) as string[][])[0]).toEqual(['Number', 'Name', 'Boden', 'Notes', 'GlobalId']);

    // Templates in the settings folder are found by name.
    fs.mkdirSync(path.join(home, 'config', 'templates'), { recursive: true });
    fs.copyFileSync(path.join(tmp, 'finishes.json'), path.join(home, 'config', 'templates', 'finishes.json'));
    expect(cli(['extract', realModel('SWW-5_SB.ifc'), '-o', 'g.csv', '--table', 'rooms', '--template', 'Finishes'], tmp, home).code).toBe(0);

    fs.writeFileSync(path.join(tmp, 'bad.json'), JSON.stringify({ columns: ['number', 'area'] }));
    const bad = cli(['extract', realModel('SWW-5_SB.ifc'), '-o', 'b.xlsx', '--template', 'bad.json'], tmp, home);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('The template “bad.json” cannot be used: columns[1]: "area" is not a column');
    const unknown = cli(['extract', realModel('SWW-5_SB.ifc'), '-o', 'b.xlsx', '--template', 'Nope'], tmp, home);
    expect(unknown.stderr).toContain('There is no template named “Nope”');
    expect(unknown.stderr).toContain('"Room schedule"');
    expect(fs.existsSync(path.join(tmp, 'b.xlsx'))).toBe(false);
  });

  it('--bom and --separator ";" give the CSV Excel opens right in a German locale', () => {
    const run = cli(['extract', realModel('SWW-5_SB.ifc'), '-o', 'de.csv', '--table', 'rooms', '--bom', '--separator', ';'], tmp, home);
    expect(run.code).toBe(0);
    const bytes = fs.readFileSync(path.join(tmp, 'de.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { delimiter: ';' }) as string[][];
    const areas = rows.slice(1).map((r) => r[rows[0].indexOf('Net floor area (m²)')]);
    expect(areas.filter((a) => /^\d+,\d+$/.test(a)).length).toBeGreaterThan(0);
    expect(areas.filter((a) => a.includes('.'))).toEqual([]);
    expect(cli(['extract', realModel('SWW-5_SB.ifc'), '-o', 'x.xlsx', '--bom'], tmp, home).code).toBe(2);
  });

  it('--write-ifc writes a copy with the notes as IfcRoomSchedule_Notes; the original is untouched, and is refused as the target', () => {
    const model = path.join(tmp, 'TwoZones.ifc');
    fs.copyFileSync(realModel('TwoZones.ifc'), model);
    const before = crypto.createHash('sha256').update(fs.readFileSync(model)).digest('hex');
    const first = JSON.parse(cli(['extract', model, '-o', '-', '-q'], tmp, home).stdout) as { spaces: { globalId: string }[] };
    fs.writeFileSync(path.join(tmp, 'notes.json'), JSON.stringify({ spaces: { [first.spaces[1].globalId]: 'Heizkörper fehlt' }, boundaries: {} }));
    const run = cli(['extract', model, '--annotations', 'notes.json', '--write-ifc', 'annotated.ifc', '-o', 'rooms.json'], tmp, home);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('TwoZones.ifc: 1 room note and 0 surface notes written into annotated.ifc');
    expect(crypto.createHash('sha256').update(fs.readFileSync(model)).digest('hex')).toBe(before);
    const copy = JSON.parse(cli(['extract', 'annotated.ifc', '-o', '-', '-q'], tmp, home).stdout) as { spaces: { globalId: string; propertySets: { name: string; properties: { name: string; value: unknown }[] }[] }[] };
    const set = copy.spaces.find((s) => s.globalId === first.spaces[1].globalId)!.propertySets.find((p) => p.name === 'IfcRoomSchedule_Notes')!;
    expect(set.properties).toEqual([expect.objectContaining({ name: 'Note', value: 'Heizkörper fehlt' })]);

    const refused = cli(['extract', model, '--write-ifc', model, '-o', 'r.json'], tmp, home);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the original model is never overwritten');
  });
});
