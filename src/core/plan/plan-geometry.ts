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

/** Crossing-number test on one ring (open or closed). */
function insideRing(ring: readonly PlanPoint[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside one of the polygons' outer rings and inside none of that polygon's holes. */
export function polygonsContain(polygons: readonly PlanPolygon[], x: number, y: number): boolean {
  return polygons.some((p) => insideRing(p.outer, x, y) && !p.holes.some((h) => insideRing(h, x, y)));
}

function segmentDistanceSq(px: number, py: number, a: PlanPoint, b: PlanPoint): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Distance from (x, y) to the nearest edge of any ring; positive inside, negative outside. */
export function signedDistance(polygons: readonly PlanPolygon[], x: number, y: number): number {
  let best = Infinity;
  for (const p of polygons) {
    for (const ring of [p.outer, ...p.holes]) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) best = Math.min(best, segmentDistanceSq(x, y, ring[i], ring[j]));
    }
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

/**
 * The point inside `polygons` farthest from their outline, within `precision` (metres), with that
 * distance (the radius of the largest circle that fits). For several pieces, the largest piece's.
 */
export function poleOfInaccessibility(polygons: readonly PlanPolygon[], precision = 0.05): { point: PlanPoint; radius: number } {
  const box = boxOf(polygons);
  const width = box.maxX - box.minX;
  const height = box.maxY - box.minY;
  const size = Math.min(width, height);
  if (!(size > 0)) return { point: [box.minX, box.minY], radius: 0 };
  const h = size / 2;
  const queue: Cell[] = [];
  for (let x = box.minX; x < box.maxX; x += size) for (let y = box.minY; y < box.maxY; y += size) queue.push(cell(polygons, x + h, y + h, h));
  let best = cell(polygons, (box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2, 0);
  // A vertex-average start helps thin shapes whose box centre lies outside.
  for (const p of polygons) {
    const n = p.outer.length;
    const c = cell(polygons, p.outer.reduce((s, q) => s + q[0], 0) / n, p.outer.reduce((s, q) => s + q[1], 0) / n, 0);
    if (c.d > best.d) best = c;
  }
  let guard = 0;
  while (queue.length && guard++ < 20000) {
    // Largest potential first; the queues here hold tens of cells, a scan is cheaper than a heap.
    let at = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[at].max) at = i;
    const c = queue[at];
    queue[at] = queue[queue.length - 1];
    queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const q = c.h / 2;
    queue.push(cell(polygons, c.x - q, c.y - q, q), cell(polygons, c.x + q, c.y - q, q), cell(polygons, c.x - q, c.y + q, q), cell(polygons, c.x + q, c.y + q, q));
  }
  return { point: [best.x, best.y], radius: Math.max(0, best.d) };
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
