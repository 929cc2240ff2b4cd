// Geometry the plan needs on room outlines: bounds, point in polygon (holes included), distance to
// the outline, rotation, and the label point: the pole of inaccessibility (the inside point farthest
// from the outline, Mapbox's polylabel algorithm), which stays inside L- and U-shaped rooms where
// the centroid falls outside.
import { PlanPoint, PlanPolygon } from '../schedule/model';

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export const EMPTY_BOX: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };

export function boxOf(polygons: readonly PlanPolygon[]): Box {
  let { minX, minY, maxX, maxY } = EMPTY_BOX;
  for (const p of polygons) {
    for (const [x, y] of p.outer) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { minX, minY, maxX, maxY };
}

export function unionBox(a: Box, b: Box): Box {
  return { minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) };
}

export function boxContains(b: Box, x: number, y: number): boolean {
  return x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

export function isEmptyBox(b: Box): boolean {
  return !(b.maxX >= b.minX && b.maxY >= b.minY);
}

// The functions below run for every cell of every label search and every pointer move: plain
// index loops without destructuring or spread, which kept the collector busy for half the time.

/** Crossing-number test on one ring (open or closed). */
function insideRing(ring: readonly PlanPoint[], x: number, y: number): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const pi = ring[i];
    const pj = ring[j];
    const yi = pi[1];
    const yj = pj[1];
    if (yi > y !== yj > y && x < ((pj[0] - pi[0]) * (y - yi)) / (yj - yi) + pi[0]) inside = !inside;
  }
  return inside;
}

/** Inside one of the polygons' outer rings and inside none of that polygon's holes. */
export function polygonsContain(polygons: readonly PlanPolygon[], x: number, y: number): boolean {
  for (let k = 0; k < polygons.length; k++) {
    const p = polygons[k];
    if (!insideRing(p.outer, x, y)) continue;
    let inHole = false;
    for (let h = 0; h < p.holes.length && !inHole; h++) inHole = insideRing(p.holes[h], x, y);
    if (!inHole) return true;
  }
  return false;
}

function ringDistanceSq(ring: readonly PlanPoint[], px: number, py: number, best: number): number {
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[j];
    const b = ring[i];
    let x = a[0];
    let y = a[1];
    let dx = b[0] - x;
    let dy = b[1] - y;
    if (dx !== 0 || dy !== 0) {
      const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
      if (t > 1) {
        x = b[0];
        y = b[1];
      } else if (t > 0) {
        x += dx * t;
        y += dy * t;
      }
    }
    dx = px - x;
    dy = py - y;
    const d = dx * dx + dy * dy;
    if (d < best) best = d;
  }
  return best;
}

/** Distance from (x, y) to the nearest edge of any ring; positive inside, negative outside. */
export function signedDistance(polygons: readonly PlanPolygon[], x: number, y: number): number {
  let best = Infinity;
  for (let k = 0; k < polygons.length; k++) {
    const p = polygons[k];
    best = ringDistanceSq(p.outer, x, y, best);
    for (let h = 0; h < p.holes.length; h++) best = ringDistanceSq(p.holes[h], x, y, best);
  }
  const d = Math.sqrt(best);
  return polygonsContain(polygons, x, y) ? d : -d;
}

interface Cell {
  x: number;
  y: number;
  h: number;
  d: number;
  max: number;
}

function cell(polygons: readonly PlanPolygon[], x: number, y: number, h: number): Cell {
  const d = signedDistance(polygons, x, y);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** A max-heap of cells by their potential distance. */
class CellQueue {
  private readonly items: Cell[] = [];

  get size(): number {
    return this.items.length;
  }

  push(c: Cell): void {
    const a = this.items;
    a.push(c);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent].max >= c.max) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = c;
  }

  pop(): Cell {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let best = last.max;
        if (l < a.length && a[l].max > best) {
          m = l;
          best = a[l].max;
        }
        if (r < a.length && a[r].max > best) m = r;
        if (m === i) break;
        a[i] = a[m];
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}

/**
 * The point inside `polygons` farthest from their outline, with that distance (the radius of the
 * largest circle that fits). Found to within 4 % of the room's smaller side (at least 1 cm): a
 * label's place needs no more, and a finer search cost 0.7 ms per room on an 800-room floor.
 * Rectangles, most rooms, are answered directly.
 */
export function poleOfInaccessibility(polygons: readonly PlanPolygon[]): { point: PlanPoint; radius: number } {
  const rectangle = rectanglePole(polygons);
  if (rectangle) return rectangle;
  const box = boxOf(polygons);
  const width = box.maxX - box.minX;
  const height = box.maxY - box.minY;
  const size = Math.min(width, height);
  if (!(size > 0)) return { point: [box.minX, box.minY], radius: 0 };
  const precision = Math.max(0.01, size * 0.04);
  const h = size / 2;
  const queue = new CellQueue();
  for (let x = box.minX; x < box.maxX; x += size) for (let y = box.minY; y < box.maxY; y += size) queue.push(cell(polygons, x + h, y + h, h));
  let best = cell(polygons, (box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2, 0);
  // A vertex-average start helps thin shapes whose box centre lies outside.
  for (const p of polygons) {
    const n = p.outer.length;
    const c = cell(polygons, p.outer.reduce((s, q) => s + q[0], 0) / n, p.outer.reduce((s, q) => s + q[1], 0) / n, 0);
    if (c.d > best.d) best = c;
  }
  while (queue.size) {
    const c = queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const q = c.h / 2;
    queue.push(cell(polygons, c.x - q, c.y - q, q));
    queue.push(cell(polygons, c.x + q, c.y - q, q));
    queue.push(cell(polygons, c.x - q, c.y + q, q));
    queue.push(cell(polygons, c.x + q, c.y + q, q));
  }
  return { point: [best.x, best.y], radius: Math.max(0, best.d) };
}

/** A single rectangle without holes: its centre, half its shorter side. */
function rectanglePole(polygons: readonly PlanPolygon[]): { point: PlanPoint; radius: number } | undefined {
  if (polygons.length !== 1 || polygons[0].holes.length || polygons[0].outer.length !== 4) return undefined;
  const [a, b, c, d] = polygons[0].outer;
  const dot = (p: PlanPoint, q: PlanPoint, r: PlanPoint) => (p[0] - q[0]) * (r[0] - q[0]) + (p[1] - q[1]) * (r[1] - q[1]);
  const len = (p: PlanPoint, q: PlanPoint) => Math.hypot(p[0] - q[0], p[1] - q[1]);
  const [ab, bc] = [len(a, b), len(b, c)];
  const square = (p: PlanPoint, q: PlanPoint, r: PlanPoint) => Math.abs(dot(p, q, r)) <= 1e-6 * len(p, q) * len(q, r);
  if (!(ab > 0 && bc > 0) || !square(a, b, c) || !square(b, c, d) || !square(c, d, a)) return undefined;
  return { point: [(a[0] + c[0]) / 2, (a[1] + c[1]) / 2], radius: Math.min(ab, bc) / 2 };
}

/** Rotates points counter-clockwise by `deg` about the origin. */
export function rotatePolygons(polygons: readonly PlanPolygon[], deg: number): PlanPolygon[] {
  if (deg === 0) return polygons.map((p) => ({ outer: p.outer.map(([x, y]) => [x, y]), holes: p.holes.map((h) => h.map(([x, y]) => [x, y])) }));
  const r = (deg * Math.PI) / 180;
  const [c, s] = [Math.cos(r), Math.sin(r)];
  const rot = (ring: PlanPoint[]): PlanPoint[] => ring.map(([x, y]) => [x * c - y * s, x * s + y * c]);
  return polygons.map((p) => ({ outer: rot(p.outer), holes: p.holes.map(rot) }));
}

/**
 * The angle (degrees, in (-45, 45]) of the outlines' prevailing direction, weighted by edge length:
 * the building's grid. Rotating by its negative squares the plan up on the screen.
 */
export function prevailingAngle(polygons: readonly PlanPolygon[]): number {
  // Length-weighted mean of 4θ on the unit circle: edges at θ and θ + 90° count as one direction.
  let sx = 0;
  let sy = 0;
  for (const p of polygons) {
    const ring = p.outer;
    for (let i = 0; i < ring.length; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[(i + 1) % ring.length];
      const len = Math.hypot(x2 - x1, y2 - y1);
      const a = 4 * Math.atan2(y2 - y1, x2 - x1);
      sx += len * Math.cos(a);
      sy += len * Math.sin(a);
    }
  }
  if (Math.hypot(sx, sy) < 1e-9) return 0;
  const deg = (Math.atan2(sy, sx) * 180) / Math.PI / 4;
  return deg <= -45 ? deg + 90 : deg;
}
