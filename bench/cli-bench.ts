// The CLI end to end against raw web-ifc: each a process of its own, timed from spawn until it
// exits (for the CLI: the JSON written), the three alternated so all see the same machine state.
// Raw web-ifc (raw-open-process.ts) is Init, read, OpenModel, count spaces: the parser's floor,
// which the fast engine is meant to beat by not parsing what the schedule does not need.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median } from './stats';

export type CliMode = 'raw' | 'fast' | 'web-ifc';

export interface CliRun {
  mode: CliMode;
  ms: number;
  /** Peak RSS of the process (GNU time's %M), when /usr/bin/time is there. */
  peakRssBytes: number | null;
}

export interface CliMeasurement {
  model: string;
  modelBytes: number;
  runs: number;
  /** Medians. */
  rawMs: number;
  fastMs: number;
  webIfcMs: number;
  fastRatio: number;
  webIfcRatio: number;
  /** Highest over the runs. */
  fastPeakRssBytes: number | null;
  rawPeakRssBytes: number | null;
  spaces: number;
}

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'out', 'src', 'cli', 'main.js');
/** Raw web-ifc in a process of its own: the reference of the CLI's and the GUI's end-to-end figures. */
export const RAW = path.join(__dirname, 'raw-open-process.js');
const TIME = '/usr/bin/time';

export function spawnTimed(args: string[]): Promise<{ ms: number; peakRssBytes: number | null; stdout: string }> {
  const withTime = fs.existsSync(TIME);
  const [cmd, argv] = withTime ? [TIME, ['-f', 'peak-kb %M', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(cmd, argv, { maxBuffer: 64 * 1024 * 1024, timeout: 30 * 60_000 }, (error, stdout, stderr) => {
      const ms = performance.now() - started;
      if (error) return reject(new Error(`${path.basename(args[0])} ${args.slice(1).join(' ')} failed: ${error.message}\n${stderr}`));
      const kb = /peak-kb (\d+)/.exec(stderr);
      resolve({ ms, peakRssBytes: kb ? Number(kb[1]) * 1024 : null, stdout });
    });
  });
}

async function runOnce(mode: CliMode, file: string, out: string): Promise<CliRun & { spaces: number }> {
  if (mode === 'raw') {
    const r = await spawnTimed([RAW, file]);
    return { mode, ms: r.ms, peakRssBytes: r.peakRssBytes, spaces: (JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { spaces: number }).spaces };
  }
  fs.rmSync(out, { force: true });
  const r = await spawnTimed([CLI, 'extract', file, '-o', out, '-q', '--engine', mode]);
  const schedule = JSON.parse(fs.readFileSync(out, 'utf8')) as { spaces: unknown[]; metadata: { engine: { name: string } } };
  if (schedule.metadata.engine.name !== mode) throw new Error(`--engine ${mode} read ${path.basename(file)} with ${schedule.metadata.engine.name}`);
  return { mode, ms: r.ms, peakRssBytes: r.peakRssBytes, spaces: schedule.spaces.length };
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function measureCli(file: string, runs: number, onRun?: (r: CliRun) => void): Promise<CliMeasurement> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bench-'));
  const modes: CliMode[] = ['raw', 'fast', 'web-ifc'];
  const all: (CliRun & { spaces: number })[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // Rotate which goes first, so a slow phase of the machine does not always hit the same side.
      for (let k = 0; k < modes.length; k++) {
        const r = await runOnce(modes[(k + i) % modes.length], file, path.join(dir, 'schedule.json'));
        all.push(r);
        onRun?.(r);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const of = (mode: CliMode) => all.filter((r) => r.mode === mode);
  const counts = new Set(all.map((r) => r.spaces));
  if (counts.size !== 1) throw new Error(`raw web-ifc and the engines count different spaces in ${path.basename(file)}: ${[...counts].join(', ')}`);
  const ms = (mode: CliMode) => median(of(mode).map((r) => r.ms));
  const peak = (mode: CliMode) => {
    const values = of(mode).map((r) => r.peakRssBytes).filter((v): v is number => v !== null);
    return values.length ? Math.max(...values) : null;
  };
  const rawMs = ms('raw');
  return {
    model: path.basename(file),
    modelBytes: fs.statSync(file).size,
    runs,
    rawMs: round(rawMs),
    fastMs: round(ms('fast')),
    webIfcMs: round(ms('web-ifc')),
    fastRatio: round(ms('fast') / rawMs, 2),
    webIfcRatio: round(ms('web-ifc') / rawMs, 2),
    fastPeakRssBytes: peak('fast'),
    rawPeakRssBytes: peak('raw'),
    spaces: all[0].spaces,
  };
}
