import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planOutputs, resolveFormat, UsageError } from '../../src/cli/output-plan';

describe('where extract writes its exports', () => {
  let cwd: string;
  beforeEach(() => (cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-plan-'))));
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('without -o, the export lands in the current folder, named after the model', () => {
    const [plan] = planOutputs({ inputs: ['/models/MultiZoneBuilding.ifc'], cwd }, 'json');
    expect(plan.files).toEqual([path.join(cwd, 'MultiZoneBuilding.json')]);
  });

  it('a zipped model gets the same name without its .ifczip', () => {
    const [plan] = planOutputs({ inputs: ['/m/Schependomlaan.ifczip'], cwd }, 'xlsx');
    expect(plan.files).toEqual([path.join(cwd, 'Schependomlaan.xlsx')]);
  });

  it('CSV writes a rooms table and a boundaries table beside each other, or one table to the exact -o file', () => {
    expect(planOutputs({ inputs: ['a.ifc'], out: 'out/schedule.csv', cwd }, 'csv')[0].files).toEqual([path.join(cwd, 'out/schedule.rooms.csv'), path.join(cwd, 'out/schedule.boundaries.csv')]);
    expect(planOutputs({ inputs: ['a.ifc'], out: 'rooms.csv', tables: ['rooms'], cwd }, 'csv')[0].files).toEqual([path.join(cwd, 'rooms.csv')]);
  });

  it('-o names the file for one input, and a folder for several or when it is an existing folder', () => {
    expect(planOutputs({ inputs: ['a.ifc'], out: 'x.json', cwd }, 'json')[0].files).toEqual([path.join(cwd, 'x.json')]);
    expect(planOutputs({ inputs: ['m/a.ifc', 'm/b.ifc'], out: 'out', cwd }, 'json').map((p) => p.files[0])).toEqual([path.join(cwd, 'out', 'a.json'), path.join(cwd, 'out', 'b.json')]);
    fs.mkdirSync(path.join(cwd, 'existing'));
    expect(planOutputs({ inputs: ['a.ifc'], out: 'existing', cwd }, 'xlsx')[0].files).toEqual([path.join(cwd, 'existing', 'a.xlsx')]);
  });

  it('refuses plans that cannot work, before any model is read', () => {
    expect(() => planOutputs({ inputs: ['a.ifc', 'b.ifc'], out: '-', cwd }, 'json')).toThrow(UsageError);
    expect(() => planOutputs({ inputs: ['a.ifc'], out: '-', cwd }, 'xlsx')).toThrow(/cannot go to stdout/);
    expect(() => planOutputs({ inputs: ['a.ifc'], out: '-', cwd }, 'csv')).toThrow(/--table/);
    expect(() => planOutputs({ inputs: ['one/a.ifc', 'two/a.ifc'], out: 'out', cwd }, 'json')).toThrow(/both be written to/);
    fs.writeFileSync(path.join(cwd, 'file'), 'x');
    expect(() => planOutputs({ inputs: ['a.ifc', 'b.ifc'], out: 'file', cwd }, 'json')).toThrow(/is a file/);
  });

  it('the format follows --format, else the extension of -o, else JSON', () => {
    expect(resolveFormat('csv', 'x.xlsx')).toBe('csv');
    expect(resolveFormat(undefined, 'rooms.XLSX')).toBe('xlsx');
    expect(resolveFormat(undefined, 'out/')).toBe('json');
    expect(resolveFormat(undefined, undefined)).toBe('json');
  });
});
