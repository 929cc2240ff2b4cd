// Memory growth across settled snapshots (taken after a GC, with no operation running). A leak shows
// as settled RSS that keeps rising while the user works; one big model opened and closed shows as a
// spike that comes back down, which is no warning — and a sample taken right after a cancel, with
// the worker's heap still being unmapped, says nothing about a trend. So a warning needs at least
// three settled samples spanning at least a minute.
export interface RssPoint {
  atMs: number;
  rss: number;
}

export interface MemoryTrend {
  /** RSS of the newest snapshot minus the oldest, in MB. */
  growthMb: number;
  /** Least-squares slope over all snapshots, in MB per minute. */
  mbPerMin: number;
  spanMs: number;
  samples: number;
  /** Set when growth passes the threshold while the trend still rises, over enough settled samples. */
  warning?: string;
}

export interface TrendRules {
  thresholdMb: number;
  /** Fewer settled samples than this never warn. */
  minSamples: number;
  /** Settled samples spanning less than this never warn. */
  minSpanMs: number;
}

export const DEFAULT_TREND_RULES: TrendRules = { thresholdMb: 50, minSamples: 3, minSpanMs: 60_000 };

const MB = 1024 * 1024;

export function memoryTrend(points: readonly RssPoint[], rules: Partial<TrendRules> = {}): MemoryTrend {
  const { thresholdMb, minSamples, minSpanMs } = { ...DEFAULT_TREND_RULES, ...rules };
  if (points.length < 2) return { growthMb: 0, mbPerMin: 0, spanMs: 0, samples: points.length };
  const first = points[0];
  const last = points[points.length - 1];
  const spanMs = last.atMs - first.atMs;
  const growthMb = round((last.rss - first.rss) / MB);
  const mbPerMin = round(slopePerMs(points) * 60_000 / MB);
  const trend: MemoryTrend = { growthMb, mbPerMin, spanMs, samples: points.length };
  if (points.length >= minSamples && spanMs >= minSpanMs && growthMb > thresholdMb && mbPerMin > 0) {
    trend.warning = `Memory grew by ${growthMb.toFixed(1)} MB over the last ${formatSpan(spanMs)} (${mbPerMin.toFixed(1)} MB/min, ${points.length} settled samples). If it keeps growing, free memory or restart the application, and save a diagnostics report.`;
  }
  return trend;
}

function slopePerMs(points: readonly RssPoint[]): number {
  const n = points.length;
  const t0 = points[0].atMs;
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const p of points) {
    const x = p.atMs - t0;
    sx += x;
    sy += p.rss;
    sxx += x * x;
    sxy += x * p.rss;
  }
  const d = n * sxx - sx * sx;
  return d === 0 ? 0 : (n * sxy - sx * sy) / d;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : `${(s / 60).toFixed(1)} min`;
}
