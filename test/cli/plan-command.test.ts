// `ifc-room-schedule plan` as a user runs it (a real process): one storey to SVG or PNG, every
// storey into a folder, and a clear message when the storey is not said or not found.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PNG } from 'pngjs';
import { realModel } from '../support/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'src', 'cli', 'main.js');

let tmp: string;
let home: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-plan-cli-'));
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-plan-home-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

function planCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'plan', ...args], { cwd: tmp, env: { ...process.env, IFC_RS_HOME: home } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const ids = (svg: string) => [...svg.matchAll(/<path class="room" data-global-id="([^"]+)"/g)].map((m) => m[1]).sort();

describe('ifc-room-schedule plan', () => {
  it('--all into a folder: one SVG per storey of SWW-5_SB, 4 and 5 rooms, each room once', async () => {
    const run = await planCli(realModel('SWW-5_SB.ifc'), '--all', '-o', 'plans/');
    expect(run.stderr).toMatch(/^SWW-5_SB\.ifc: 2 plans, 9 rooms \([\d.]+ m?s\)\n$/);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('→ plans/SWW-5_SB.Ground_Floor.svg (Ground Floor: 4 rooms)\n→ plans/SWW-5_SB.Unnamed_storey_at_4.00_m.svg (Unnamed storey at 4.00 m: 5 rooms)\n');
    const ground = ids(fs.readFileSync(path.join(tmp, 'plans', 'SWW-5_SB.Ground_Floor.svg'), 'utf8'));
    const upper = ids(fs.readFileSync(path.join(tmp, 'plans', 'SWW-5_SB.Unnamed_storey_at_4.00_m.svg'), 'utf8'));
    expect([ground.length, upper.length]).toEqual([4, 5]);
    expect(new Set([...ground, ...upper]).size).toBe(9);
  });

  it('a PNG of LargeBuilding (Revit) by area: decoded, it is drawn, each of its three area bands in its own colour', async () => {
    const run = await planCli(realModel('LargeBuilding.ifc'), '-o', 'large.png', '--color-by', 'area', '-q');
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    const png = PNG.sync.read(fs.readFileSync(path.join(tmp, 'large.png')));
    expect(png.width).toBe(1400);
    // Under 30 m² (2 rooms), 30–40 m² (4), 40 m² and more (2): YlOrBr's light, middle and dark ends.
    const bands = { '#FFF7BC': 0, '#FB9A29': 0, '#CC4C02': 0 };
    let drawn = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      if (r < 250 || g < 250 || b < 250) drawn++;
      for (const hex of Object.keys(bands) as (keyof typeof bands)[]) {
        const [er, eg, eb] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
        if (Math.abs(r - er) < 3 && Math.abs(g - eg) < 3 && Math.abs(b - eb) < 3) bands[hex]++;
      }
    }
    const pixels = png.width * png.height;
    expect(drawn / pixels).toBeGreaterThan(0.2);
    for (const count of Object.values(bands)) expect(count / pixels).toBeGreaterThan(0.02);
    expect(bands['#FB9A29']).toBeGreaterThan(bands['#CC4C02']);
  });

  it('a model with two storeys and no --storey: exit 2, naming the storeys to choose from', async () => {
    const run = await planCli(realModel('SWW-5_SB.ifc'), '-o', 'one.svg', '-q');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: SWW-5_SB.ifc has 2 storeys with rooms: “Ground Floor”, “Unnamed storey at 4.00 m”. Choose one with --storey NAME, or draw all with --all.\n');
    expect(fs.existsSync(path.join(tmp, 'one.svg'))).toBe(false);
  });

  it('a storey that does not exist, or a file that is not .svg/.png: exit 2 and what to write instead', async () => {
    const missing = await planCli(realModel('SWW-5_SB.ifc'), '--storey', 'Roof', '-o', 'roof.svg', '-q');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: No storey “Roof”. The storeys with rooms are: “Ground Floor”, “Unnamed storey at 4.00 m”.\n');
    const pdf = await planCli(realModel('SWW-5_SB.ifc'), '-o', 'plan.pdf');
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toBe('error: -o plan.pdf: a plan is written as .svg or .png (or give a folder ending in /).\n');
  });

  it('--storey by name writes that storey only', async () => {
    const run = await planCli(realModel('SWW-5_SB.ifc'), '--storey', 'ground floor', '-o', 'ground.svg', '--color-by', 'findings');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('→ ground.svg (Ground Floor: 4 rooms)\n');
    expect(ids(fs.readFileSync(path.join(tmp, 'ground.svg'), 'utf8'))).toHaveLength(4);
  });
});
