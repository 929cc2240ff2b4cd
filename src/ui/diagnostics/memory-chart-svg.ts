// The Diagnostics memory/CPU chart as SVG text (shown in a QSvgWidget): RSS and JS heap in MB on
// the left axis, CPU % on the right, over a clock-time axis; each operation as a shaded span with
// its name, each cancel or failure as a marked line, and the highest RSS of each operation labelled
// (a 200 MB load peaks for a few seconds: the 1 s samples while it runs catch it). Pure string
// building, so it is tested without Qt.

export interface ChartPoint {
  at: number; // epoch ms
  rssMb: number;
  heapMb: number;
  cpuPercent: number;
}

export interface ChartOperation {
  label: string;
  kind: string;
  startedAtMs: number;
  /** Missing while it runs. */
  endedAtMs?: number;
  outcome?: string;
}

export interface ChartPeak {
  at: number;
  rssMb: number;
  /** The operation it belongs to, or "peak" for the highest sample outside every operation. */
  of: string;
}

const W = 900;
const H = 230;
const PAD = { left: 48, right: 44, top: 30, bottom: 34 };
const TICK_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
const MAX_PEAK_LABELS = 5;

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function esc(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "14:05" or "14:05:30" (seconds when the ticks are closer than a minute). */
export function clockLabel(ms: number, withSeconds: boolean): string {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}${withSeconds ? `:${two(d.getSeconds())}` : ''}`;
}

/** Tick times for a span: at most ~7, on round clock values. */
export function timeTicks(t0: number, t1: number): { at: number[]; stepS: number } {
  const spanS = Math.max(1, (t1 - t0) / 1000);
  const stepS = TICK_STEPS_S.find((s) => spanS / s <= 7) ?? TICK_STEPS_S[TICK_STEPS_S.length - 1];
  const step = stepS * 1000;
  const at: number[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) at.push(t);
  return { at, stepS };
}

/** The highest RSS sample of each operation (while it ran, and 2 s after: teardown), highest first. */
export function operationPeaks(points: readonly ChartPoint[], operations: readonly ChartOperation[]): ChartPeak[] {
  const peaks: ChartPeak[] = [];
  const used = new Set<ChartPoint>();
  for (const op of operations) {
    const end = (op.endedAtMs ?? Infinity) + 2000;
    let best: ChartPoint | undefined;
    for (const p of points) if (p.at >= op.startedAtMs && p.at <= end && (!best || p.rssMb > best.rssMb)) best = p;
    if (best && !used.has(best)) {
      used.add(best);
      peaks.push({ at: best.at, rssMb: best.rssMb, of: op.label });
    }
  }
  const top = points.reduce<ChartPoint | undefined>((a, p) => (!a || p.rssMb > a.rssMb ? p : a), undefined);
  if (top && !used.has(top)) peaks.push({ at: top.at, rssMb: top.rssMb, of: 'peak' });
  return peaks.sort((a, b) => b.rssMb - a.rssMb).slice(0, MAX_PEAK_LABELS);
}

export function memoryChartSvg(points: readonly ChartPoint[], operations: readonly ChartOperation[] = [], title = 'Memory and CPU'): string {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, sans-serif" font-size="10">`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${PAD.left}" y="11" fill="#333" font-weight="bold">${esc(title)}</text>`);
  if (points.length === 0) {
    parts.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle" fill="#777">No samples yet: the monitor samples every 30 s, and every second while an operation runs.</text></svg>`);
    return parts.join('');
  }
  const memMax = niceMax(Math.max(...points.map((p) => Math.max(p.rssMb, p.heapMb))) * 1.15);
  const cpuMax = niceMax(Math.max(5, ...points.map((p) => p.cpuPercent)) * 1.1);
  const t0 = points[0].at;
  const t1 = Math.max(points[points.length - 1].at, t0 + 1000);
  const x = (t: number) => PAD.left + ((Math.min(t1, Math.max(t0, t)) - t0) / (t1 - t0)) * innerW;
  const yMem = (v: number) => PAD.top + innerH - (v / memMax) * innerH;
  const yCpu = (v: number) => PAD.top + innerH - (v / cpuMax) * innerH;
  const bottom = PAD.top + innerH;

  // Operations first, under the lines: a shaded span each, its name at the top.
  const shown = operations.filter((op) => (op.endedAtMs ?? t1) >= t0 && op.startedAtMs <= t1);
  shown.forEach((op, i) => {
    const x0 = x(op.startedAtMs);
    const x1 = Math.max(x0 + 2, x(op.endedAtMs ?? t1));
    const fill = op.kind === 'extract' ? '#f3e7c6' : '#dbe7f4';
    parts.push(`<rect x="${x0.toFixed(1)}" y="${PAD.top}" width="${(x1 - x0).toFixed(1)}" height="${innerH}" fill="${fill}" fill-opacity="0.7"/>`);
    const room = Math.max(0, Math.floor((x1 - x0) / 5.6));
    const name = op.label.length > room ? `${op.label.slice(0, Math.max(0, room - 1))}…` : op.label;
    if (room >= 4) parts.push(`<text x="${(x0 + 2).toFixed(1)}" y="${PAD.top - 4 - (i % 2) * 9}" fill="#6b5a2e">${esc(name)}</text>`);
    if (op.outcome === 'cancelled' || op.outcome === 'failed' || op.outcome === 'timed-out') {
      const what = op.outcome === 'cancelled' ? '✕ cancel' : `✕ ${op.outcome}`;
      parts.push(`<line x1="${x1.toFixed(1)}" y1="${PAD.top}" x2="${x1.toFixed(1)}" y2="${bottom}" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="3 2"/>`);
      parts.push(`<text x="${(x1 + 2).toFixed(1)}" y="${bottom - 4}" fill="#c0392b">${what}</text>`);
    }
  });

  for (let i = 0; i <= 4; i++) {
    const y = PAD.top + (innerH * i) / 4;
    parts.push(`<line x1="${PAD.left}" y1="${y}" x2="${W - PAD.right}" y2="${y}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${PAD.left - 4}" y="${y + 3}" text-anchor="end" fill="#2d6cb5">${Math.round(memMax * (1 - i / 4))}</text>`);
    parts.push(`<text x="${W - PAD.right + 4}" y="${y + 3}" fill="#c0392b">${(cpuMax * (1 - i / 4)).toFixed(cpuMax < 10 ? 1 : 0)}</text>`);
  }
  parts.push(`<text x="6" y="${PAD.top + innerH / 2}" fill="#2d6cb5" transform="rotate(-90 10 ${PAD.top + innerH / 2})">MB</text>`);
  parts.push(`<text x="${W - 8}" y="${PAD.top + innerH / 2}" fill="#c0392b" transform="rotate(90 ${W - 8} ${PAD.top + innerH / 2})">CPU %</text>`);

  // The time axis: clock times on round values.
  const ticks = timeTicks(t0, t1);
  parts.push(`<line x1="${PAD.left}" y1="${bottom}" x2="${W - PAD.right}" y2="${bottom}" stroke="#999"/>`);
  for (const t of ticks.at) {
    const tx = x(t).toFixed(1);
    parts.push(`<line x1="${tx}" y1="${bottom}" x2="${tx}" y2="${bottom + 4}" stroke="#999"/>`);
    parts.push(`<text x="${tx}" y="${bottom + 14}" text-anchor="middle" fill="#555">${clockLabel(t, ticks.stepS < 60)}</text>`);
  }

  const line = (f: (p: ChartPoint) => number, y: (v: number) => number, color: string, dash = '') => {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(f(p)).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    if (points.length <= 60) for (const p of points) parts.push(`<circle cx="${x(p.at).toFixed(1)}" cy="${y(f(p)).toFixed(1)}" r="2.2" fill="${color}"/>`);
  };
  line((p) => p.cpuPercent, yCpu, '#c0392b', '2 2');
  line((p) => p.heapMb, yMem, '#5fa55a', '4 3');
  line((p) => p.rssMb, yMem, '#2d6cb5');

  for (const peak of operationPeaks(points, shown)) {
    const px = x(peak.at);
    const py = yMem(peak.rssMb);
    const anchor = px > W - PAD.right - 60 ? 'end' : px < PAD.left + 40 ? 'start' : 'middle';
    parts.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3.5" fill="none" stroke="#1b4f8f" stroke-width="1.5"/>`);
    parts.push(`<text x="${px.toFixed(1)}" y="${(py - 6).toFixed(1)}" text-anchor="${anchor}" fill="#1b4f8f" font-weight="bold">${Math.round(peak.rssMb)} MB</text>`);
  }

  const span = Math.round((t1 - t0) / 1000);
  parts.push(`<text x="${PAD.left}" y="${H - 4}" fill="#555">${points.length} sample${points.length === 1 ? '' : 's'} over ${span < 120 ? `${span} s` : `${(span / 60).toFixed(1)} min`}</text>`);
  const legendX = W - PAD.right - 330;
  const legend: [string, string, string][] = [['RSS', '#2d6cb5', ''], ['JS heap', '#5fa55a', '4 3'], ['CPU %', '#c0392b', '2 2']];
  legend.forEach(([name, color, dash], i) => {
    const lx = legendX + i * 78;
    parts.push(`<line x1="${lx}" y1="${H - 7}" x2="${lx + 18}" y2="${H - 7}" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    parts.push(`<text x="${lx + 22}" y="${H - 4}" fill="${color}">${name}</text>`);
  });
  parts.push(`<rect x="${legendX + 236}" y="${H - 12}" width="14" height="9" fill="#f3e7c6"/><text x="${legendX + 254}" y="${H - 4}" fill="#6b5a2e">operation</text>`);
  parts.push('</svg>');
  return parts.join('');
}
