// The Diagnostics memory/CPU chart as SVG text (shown in a QSvgWidget): RSS and JS heap in MB on
// the left axis, CPU % on the right, one point per monitor snapshot. Pure string building, so it is
// tested without Qt.

export interface ChartPoint {
  at: number; // epoch ms
  rssMb: number;
  heapMb: number;
  cpuPercent: number;
}

const W = 560;
const H = 200;
const PAD = { left: 48, right: 44, top: 14, bottom: 26 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function esc(s: string): string {
  return s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
}

export function memoryChartSvg(points: readonly ChartPoint[], title = 'Memory and CPU (last snapshots)'): string {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, sans-serif" font-size="10">`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${PAD.left}" y="10" fill="#333">${esc(title)}</text>`);
  if (points.length === 0) {
    parts.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle" fill="#777">No snapshots yet: the monitor samples every interval.</text></svg>`);
    return parts.join('');
  }
  const memMax = niceMax(Math.max(...points.map((p) => Math.max(p.rssMb, p.heapMb))) * 1.1);
  const cpuMax = niceMax(Math.max(5, ...points.map((p) => p.cpuPercent)) * 1.1);
  const t0 = points[0].at;
  const t1 = points[points.length - 1].at;
  const x = (t: number) => PAD.left + (t1 === t0 ? innerW / 2 : ((t - t0) / (t1 - t0)) * innerW);
  const yMem = (v: number) => PAD.top + innerH - (v / memMax) * innerH;
  const yCpu = (v: number) => PAD.top + innerH - (v / cpuMax) * innerH;
  for (let i = 0; i <= 4; i++) {
    const y = PAD.top + (innerH * i) / 4;
    parts.push(`<line x1="${PAD.left}" y1="${y}" x2="${W - PAD.right}" y2="${y}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${PAD.left - 4}" y="${y + 3}" text-anchor="end" fill="#2d6cb5">${Math.round(memMax * (1 - i / 4))}</text>`);
    parts.push(`<text x="${W - PAD.right + 4}" y="${y + 3}" fill="#c0392b">${(cpuMax * (1 - i / 4)).toFixed(cpuMax < 10 ? 1 : 0)}</text>`);
  }
  parts.push(`<text x="6" y="${PAD.top + innerH / 2}" fill="#2d6cb5" transform="rotate(-90 10 ${PAD.top + innerH / 2})">MB</text>`);
  parts.push(`<text x="${W - 8}" y="${PAD.top + innerH / 2}" fill="#c0392b" transform="rotate(90 ${W - 8} ${PAD.top + innerH / 2})">CPU %</text>`);
  const line = (f: (p: ChartPoint) => number, y: (v: number) => number, color: string, dash = '') => {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(f(p)).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    for (const p of points) parts.push(`<circle cx="${x(p.at).toFixed(1)}" cy="${y(f(p)).toFixed(1)}" r="2.5" fill="${color}"/>`);
  };
  line((p) => p.rssMb, yMem, '#2d6cb5');
  line((p) => p.heapMb, yMem, '#5fa55a', '4 3');
  line((p) => p.cpuPercent, yCpu, '#c0392b', '2 2');
  const span = Math.round((t1 - t0) / 1000);
  parts.push(`<text x="${PAD.left}" y="${H - 8}" fill="#555">${points.length} snapshot${points.length === 1 ? '' : 's'} over ${span} s</text>`);
  const legendX = W - PAD.right - 230;
  const legend: [string, string, string][] = [['RSS', '#2d6cb5', ''], ['JS heap', '#5fa55a', '4 3'], ['CPU %', '#c0392b', '2 2']];
  legend.forEach(([name, color, dash], i) => {
    const lx = legendX + i * 78;
    parts.push(`<line x1="${lx}" y1="${H - 11}" x2="${lx + 18}" y2="${H - 11}" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    parts.push(`<text x="${lx + 22}" y="${H - 8}" fill="${color}">${name}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
