// The benchmark's one table: every figure with its goal beside it and whether it was met, plus the
// machine it was measured on, as text for the terminal and docs/performance.md.
import * as os from 'os';

export interface BenchRow {
  area: string;
  figure: string;
  measured: string;
  goal: string;
  /** undefined: a figure shown for context, with no goal of its own. */
  pass?: boolean;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function describeMachine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverage.join(' / ')}`;
}

const verdict = (r: BenchRow) => (r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS');

/** A plain-text table for the terminal. */
export function formatTable(rows: BenchRow[]): string {
  const header: BenchRow = { area: 'area', figure: 'figure', measured: 'measured', goal: 'goal' };
  const cells = [header, ...rows].map((r) => [r.area, r.figure, r.measured, r.goal, r === header ? 'result' : verdict(r)]);
  const widths = cells[0].map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/** The same table in Markdown. */
export function formatMarkdownTable(rows: BenchRow[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = ['| area | figure | measured | goal | result |', '|---|---|---|---|---|'];
  for (const r of rows) out.push(`| ${esc(r.area)} | ${esc(r.figure)} | ${esc(r.measured)} | ${esc(r.goal)} | ${r.pass === undefined ? '' : r.pass ? 'pass' : '**miss**'} |`);
  return out.join('\n');
}

export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
export const sizeMb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
export const msText = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
