// Room labels for one scale: number (bold), name and net floor area, placed at the room's label
// point when the whole box fits inside the room's free area. A label that doesn't fit is set
// smaller, then shortened (the name cut with "…", then dropped, then the area), and dropped last;
// no label overlaps another. Placed in the drawing frame, so a pan moves them with the rooms.
import { PlanPolygon } from '../schedule/model';
import { polygonsContain } from './plan-geometry';
import { PlanRoom } from './plan-scene';
import { dejaVuWidth, TextMeasure } from './text-metrics';

export interface LabelLine {
  text: string;
  bold: boolean;
}

export interface PlacedLabel {
  spaceIndex: number;
  /** Centre of the label in the drawing frame (metres). */
  x: number;
  y: number;
  lines: LabelLine[];
  fontPx: number;
  lineHeightPx: number;
  widthPx: number;
  heightPx: number;
  /** Something of the full label (name or area) was left out. */
  shortened: boolean;
}

export interface LabelLayout {
  labels: PlacedLabel[];
  shortened: number;
  /** Rooms whose label did not fit at all (hover and the list still name them). */
  dropped: number;
}

export interface LabelStyle {
  /** Font sizes tried, largest first. */
  fontSizes: readonly number[];
  /** Clear space between the text and the room's outline or another label, pixels. */
  paddingPx: number;
  lineHeight: number;
}

export const LABEL_STYLE: LabelStyle = { fontSizes: [12, 10, 8], paddingPx: 2, lineHeight: 1.2 };

interface Candidate {
  lines: LabelLine[];
  shortened: boolean;
}

/** Does the segment ab cross the open box? (Liang–Barsky clipping.) */
function segmentCrossesBox(ax: number, ay: number, bx: number, by: number, minX: number, minY: number, maxX: number, maxY: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const edges: [number, number][] = [[-dx, ax - minX], [dx, maxX - ax], [-dy, ay - minY], [dy, maxY - ay]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t1 - t0 > 1e-9;
}

/** The box lies inside the area: its centre is inside, no outline edge enters it and no hole lies within it. */
export function boxFits(area: readonly PlanPolygon[], cx: number, cy: number, hw: number, hh: number): boolean {
  if (!polygonsContain(area, cx, cy)) return false;
  const [minX, minY, maxX, maxY] = [cx - hw, cy - hh, cx + hw, cy + hh];
  for (const p of area) {
    for (const ring of [p.outer, ...p.holes]) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x, y] = ring[i];
        if (x > minX && x < maxX && y > minY && y < maxY) return false;
        if (segmentCrossesBox(ring[j][0], ring[j][1], ring[i][0], ring[i][1], minX, minY, maxX, maxY)) return false;
      }
    }
  }
  return true;
}

function measureLines(lines: LabelLine[], fontPx: number, measure: TextMeasure): number {
  return Math.max(...lines.map((l) => measure(l.text, fontPx, l.bold)));
}

export function placeLabels(rooms: readonly PlanRoom[], scale: number, measure: TextMeasure = dejaVuWidth, style: LabelStyle = LABEL_STYLE): LabelLayout {
  const placed: PlacedLabel[] = [];
  const boxes: [number, number, number, number][] = [];
  let shortened = 0;
  let dropped = 0;
  const byArea = [...rooms].sort((a, b) => b.outlineArea - a.outlineArea || a.spaceIndex - b.spaceIndex);
  for (const room of byArea) {
    const label = placeOne(room, scale, measure, style, boxes);
    if (!label) {
      dropped++;
      continue;
    }
    if (label.shortened) shortened++;
    placed.push(label);
    const [hw, hh] = [label.widthPx / 2 / scale, label.heightPx / 2 / scale];
    boxes.push([label.x - hw, label.y - hh, label.x + hw, label.y + hh]);
  }
  return { labels: placed, shortened, dropped };
}

function placeOne(room: PlanRoom, scale: number, measure: TextMeasure, style: LabelStyle, taken: readonly [number, number, number, number][]): PlacedLabel | undefined {
  const [cx, cy] = room.labelAt;
  const pad = style.paddingPx;
  // Smaller than the smallest font's line: nothing can fit, skip the measuring.
  const smallest = style.fontSizes[style.fontSizes.length - 1] * style.lineHeight + 2 * pad;
  if (room.labelRadius * scale * 2 < smallest) return undefined;
  const tryLines = (c: Candidate, fontPx: number): PlacedLabel | undefined => {
    const lineHeightPx = fontPx * style.lineHeight;
    const widthPx = measureLines(c.lines, fontPx, measure) + 2 * pad;
    const heightPx = c.lines.length * lineHeightPx + 2 * pad;
    const [hw, hh] = [widthPx / 2 / scale, heightPx / 2 / scale];
    // Inside the largest circle that fits the room: sure to fit, no edge to test.
    const inCircle = hw * hw + hh * hh <= room.labelRadius * room.labelRadius;
    if (!inCircle && !boxFits(room.labelArea, cx, cy, hw, hh)) return undefined;
    if (taken.some(([x0, y0, x1, y1]) => cx - hw < x1 && x0 < cx + hw && cy - hh < y1 && y0 < cy + hh)) return undefined;
    return { spaceIndex: room.spaceIndex, x: cx, y: cy, lines: c.lines, fontPx, lineHeightPx, widthPx, heightPx, shortened: c.shortened };
  };
  const number = room.number ? [{ text: room.number, bold: true }] : [];
  const area = room.areaText ? [{ text: room.areaText, bold: false }] : [];
  const name = (text: string) => (text ? [{ text, bold: !room.number }] : []);
  const full: Candidate = { lines: [...number, ...name(room.name), ...area], shortened: false };
  for (const fontPx of style.fontSizes) {
    const l = tryLines(full, fontPx);
    if (l) return l;
  }
  // The name cut to the longest prefix that fits (at the largest size where any prefix does).
  if (room.name.length > 2) {
    for (const fontPx of style.fontSizes) {
      const cut = (k: number): Candidate => ({ lines: [...number, ...name(`${room.name.slice(0, k).trimEnd()}…`), ...area], shortened: true });
      let [lo, hi] = [2, room.name.length - 1];
      let best: PlacedLabel | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const l = tryLines(cut(mid), fontPx);
        if (l) {
          best = l;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (best) return best;
    }
  }
  const fallbacks: Candidate[] = room.number
    ? [{ lines: [...number, ...area], shortened: true }, { lines: number, shortened: true }]
    : []; // an area alone names no room: better no label than a riddle
  for (const c of fallbacks) {
    for (const fontPx of style.fontSizes) {
      const l = tryLines(c, fontPx);
      if (l) return l;
    }
  }
  return undefined;
}
