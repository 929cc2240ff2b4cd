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
  const minX = cx - hw;
  const minY = cy - hh;
  const maxX = cx + hw;
  const maxY = cy + hh;
  const ringClear = (ring: readonly [number, number][]) => {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const b = ring[i];
      const a = ring[j];
      if (b[0] > minX && b[0] < maxX && b[1] > minY && b[1] < maxY) return false;
      if (segmentCrossesBox(a[0], a[1], b[0], b[1], minX, minY, maxX, maxY)) return false;
    }
    return true;
  };
  for (const p of area) {
    if (!ringClear(p.outer)) return false;
    for (const h of p.holes) if (!ringClear(h)) return false;
  }
  return true;
}

/** A room's label texts with their widths at 1 px (widths scale with the font size). */
interface Texts {
  number: LabelLine[];
  area: LabelLine[];
  name: string;
  nameBold: boolean;
  numberW: number;
  areaW: number;
  /** Width of the name's first k characters, for k = 0 … length. */
  namePrefixW: number[];
  ellipsisW: number;
}

function textsOf(room: PlanRoom, measure: TextMeasure): Texts {
  const nameBold = !room.number;
  const namePrefixW = [0];
  // Advance widths add up (no kerning in the plan's text), so prefixes are measured once.
  for (const ch of room.name) namePrefixW.push(namePrefixW[namePrefixW.length - 1] + measure(ch, 1, nameBold));
  return {
    number: room.number ? [{ text: room.number, bold: true }] : [],
    area: room.areaText ? [{ text: room.areaText, bold: false }] : [],
    name: room.name,
    nameBold,
    numberW: room.number ? measure(room.number, 1, true) : 0,
    areaW: room.areaText ? measure(room.areaText, 1) : 0,
    namePrefixW,
    ellipsisW: measure('…', 1, nameBold),
  };
}

export function placeLabels(rooms: readonly PlanRoom[], scale: number, measure: TextMeasure = dejaVuWidth, style: LabelStyle = LABEL_STYLE): LabelLayout {
  const placed: PlacedLabel[] = [];
  const boxes = new Map<number, [number, number, number, number]>();
  let shortened = 0;
  let dropped = 0;
  const byArea = [...rooms].sort((a, b) => b.outlineArea - a.outlineArea || a.spaceIndex - b.spaceIndex);
  for (const room of byArea) {
    const taken = room.overlaps.map((i) => boxes.get(i)).filter((b): b is [number, number, number, number] => b !== undefined);
    const label = placeOne(room, scale, measure, style, taken);
    if (!label) {
      dropped++;
      continue;
    }
    if (label.shortened) shortened++;
    placed.push(label);
    const [hw, hh] = [label.widthPx / 2 / scale, label.heightPx / 2 / scale];
    boxes.set(room.spaceIndex, [label.x - hw, label.y - hh, label.x + hw, label.y + hh]);
  }
  return { labels: placed, shortened, dropped };
}

function placeOne(room: PlanRoom, scale: number, measure: TextMeasure, style: LabelStyle, taken: readonly [number, number, number, number][]): PlacedLabel | undefined {
  const [cx, cy] = room.labelAt;
  const pad = style.paddingPx;
  // Smaller than the smallest font's line: nothing can fit, skip the measuring.
  const oneLine = style.fontSizes[style.fontSizes.length - 1] * style.lineHeight + 2 * pad;
  if (room.labelRadius * scale * 2 < oneLine) return undefined;
  const roomW = (room.box.maxX - room.box.minX) * scale;
  const roomH = (room.box.maxY - room.box.minY) * scale;
  const t = textsOf(room, measure);
  const tryLines = (lines: LabelLine[], width1px: number, fontPx: number, shortened: boolean): PlacedLabel | undefined => {
    const lineHeightPx = fontPx * style.lineHeight;
    const widthPx = width1px * fontPx + 2 * pad;
    const heightPx = lines.length * lineHeightPx + 2 * pad;
    if (widthPx > roomW || heightPx > roomH) return undefined;
    const hw = widthPx / 2 / scale;
    const hh = heightPx / 2 / scale;
    // Inside the largest circle that fits the room: sure to fit, no edge to test.
    const inCircle = hw * hw + hh * hh <= room.labelRadius * room.labelRadius;
    if (!inCircle && !boxFits(room.labelArea, cx, cy, hw, hh)) return undefined;
    for (const [x0, y0, x1, y1] of taken) if (cx - hw < x1 && x0 < cx + hw && cy - hh < y1 && y0 < cy + hh) return undefined;
    return { spaceIndex: room.spaceIndex, x: cx, y: cy, lines, fontPx, lineHeightPx, widthPx, heightPx, shortened };
  };
  const nameLine = (text: string) => (text ? [{ text, bold: t.nameBold }] : []);
  const fullW = Math.max(t.numberW, t.areaW, t.namePrefixW[t.name.length]);
  const full = [...t.number, ...nameLine(t.name), ...t.area];
  const cut = (fontPx: number, keep: number): PlacedLabel | undefined => {
    // The longest prefix of the name (at least `keep` characters) that fits.
    let [lo, hi] = [keep, t.name.length - 1];
    let best: PlacedLabel | undefined;
    while (lo <= hi) {
      const k = (lo + hi) >> 1;
      const l = tryLines([...t.number, ...nameLine(`${t.name.slice(0, k).trimEnd()}…`), ...t.area], Math.max(t.numberW, t.areaW, t.namePrefixW[k] + t.ellipsisW), fontPx, true);
      if (l) {
        best = l;
        lo = k + 1;
      } else hi = k - 1;
    }
    return best;
  };
  // Readable before complete: the larger sizes, whole and then with the name cut (to no fewer than
  // four letters), before the smallest size; mixing 8 px full labels with 12 px cut ones looked untidy.
  const sizes = style.fontSizes;
  const larger = sizes.slice(0, -1);
  const smallest = sizes[sizes.length - 1];
  for (const f of larger) {
    const l = tryLines(full, fullW, f, false);
    if (l) return l;
  }
  for (const f of larger) {
    const l = t.name.length > 4 ? cut(f, 4) : undefined;
    if (l) return l;
  }
  const small = tryLines(full, fullW, smallest, false) ?? (t.name.length > 2 ? cut(smallest, 2) : undefined);
  if (small) return small;
  // An area alone names no room: without a number, better no label than a riddle.
  const fallbacks: [LabelLine[], number][] = room.number ? [[[...t.number, ...t.area], Math.max(t.numberW, t.areaW)], [t.number, t.numberW]] : [];
  for (const [lines, w] of fallbacks) {
    for (const fontPx of style.fontSizes) {
      const l = tryLines(lines, w, fontPx, true);
      if (l) return l;
    }
  }
  return undefined;
}
