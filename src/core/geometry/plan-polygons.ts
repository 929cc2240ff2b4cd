// Polygons in plan (metres): union, area and outline length, on polygon-clipping (Martinez-Rueda
// sweep line, the library turf uses). Chosen over Clipper2's JS ports because it takes floating
// coordinates as they are: Clipper works on integers, so every room outline would have to be scaled
// and rounded, and the rounding shows in small rooms' areas.
import polygonClipping, { MultiPolygon, Polygon, Ring } from 'polygon-clipping';
import { PlanPoint, PlanPolygon } from '../schedule/model';

/** Signed area of an open or closed ring (counter-clockwise positive). */
export function ringArea(ring: readonly PlanPoint[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Length of a ring's outline, closing edge included. */
export function ringLength(ring: readonly PlanPoint[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    sum += Math.hypot(x2 - x1, y2 - y1);
  }
  return sum;
}

/** Area of polygons with holes (outer minus holes). */
export function polygonsArea(polygons: readonly PlanPolygon[]): number {
  return polygons.reduce((s, p) => s + Math.abs(ringArea(p.outer)) - p.holes.reduce((h, r) => h + Math.abs(ringArea(r)), 0), 0);
}

/**
 * Outline length of the outer rings (a room's gross perimeter: voids are not walked round). Where
 * two pieces touch along an edge that the union could not dissolve (a vertex a hair off its
 * neighbour's edge: grf005's IFC4 sample, +4 m on a 42.8 m room), that edge is inside the room:
 * overlapping, opposite edges within a millimetre are taken out of the length.
 */
export function outerPerimeter(polygons: readonly PlanPolygon[]): number {
  const total = polygons.reduce((s, p) => s + ringLength(p.outer), 0);
  if (polygons.length < 2) return total;
  const edges = polygons.flatMap((p, k) => p.outer.map((a, i) => ({ k, a, b: p.outer[(i + 1) % p.outer.length] })));
  let shared = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      if (edges[i].k !== edges[j].k) shared += touchingLength(edges[i].a, edges[i].b, edges[j].a, edges[j].b);
    }
  }
  return total - 2 * shared;
}

const TOUCH = 1e-3;

/** Length over which segment cd runs back along ab within TOUCH; 0 when they do not touch. */
function touchingLength(a: PlanPoint, b: PlanPoint, c: PlanPoint, d: PlanPoint): number {
  const [ux, uy] = [b[0] - a[0], b[1] - a[1]];
  const len = Math.hypot(ux, uy);
  if (len === 0) return 0;
  const [tx, ty] = [ux / len, uy / len];
  const off = (p: PlanPoint) => Math.abs((p[0] - a[0]) * ty - (p[1] - a[1]) * tx);
  if (off(c) > TOUCH || off(d) > TOUCH) return 0;
  const along = (p: PlanPoint) => (p[0] - a[0]) * tx + (p[1] - a[1]) * ty;
  const [s1, s2] = [along(c), along(d)];
  if (s2 >= s1) return 0; // same direction: not two sides of one seam
  return Math.max(0, Math.min(len, s1) - Math.max(0, s2));
}

function toRing(ring: readonly PlanPoint[]): Ring {
  const out = ring.map(([x, y]) => [x, y] as [number, number]);
  if (out.length) out.push([out[0][0], out[0][1]]);
  return out;
}

function toPolygon(p: PlanPolygon): Polygon {
  return [toRing(p.outer), ...p.holes.map(toRing)];
}

/** polygon-clipping's closed rings back to open, counter-clockwise outers and clockwise holes. */
function fromMulti(multi: MultiPolygon): PlanPolygon[] {
  const open = (r: Ring): PlanPoint[] => r.slice(0, r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? -1 : r.length).map(([x, y]) => [x, y]);
  return tidyPolygons(multi.map((poly) => ({ outer: open(poly[0]), holes: poly.slice(1).map(open) })));
}

/** Outers counter-clockwise and holes clockwise, spikes and slivers gone. */
export function tidyPolygons(polygons: readonly PlanPolygon[]): PlanPolygon[] {
  const oriented = (r: PlanPoint[], ccw: boolean) => ((ringArea(r) > 0) === ccw ? r : [...r].reverse());
  return polygons
    .map((p) => ({
      outer: oriented(withoutSpikes(p.outer), true),
      holes: p.holes.map((h) => withoutSpikes(h)).filter((h) => h.length >= 3 && !isSliver(h)).map((h) => oriented(h, false)),
    }))
    .filter((p) => p.outer.length >= 3 && !isSliver(p.outer));
}

/** Whether a point lies inside a ring (even-odd rule; points on the outline count either way). */
export function pointInRing(p: PlanPoint, ring: readonly PlanPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The union of polygons (overlaps merged, shared edges dissolved). */
export function unionPolygons(polygons: readonly PlanPolygon[]): PlanPolygon[] {
  if (polygons.length === 0) return [];
  const [first, ...rest] = polygons.map(toPolygon);
  return fromMulti(polygonClipping.union(first, ...rest));
}

/**
 * Rings whose nesting is not stated (a FootPrint curve set lists outline and voids alike): the
 * even-odd rule, so a ring inside another is a hole.
 */
export function evenOddPolygons(rings: readonly PlanPoint[][]): PlanPolygon[] {
  if (rings.length === 0) return [];
  const [first, ...rest] = rings.map((r) => [toRing(r)] as Polygon);
  return fromMulti(rest.length ? polygonClipping.xor(first, ...rest) : polygonClipping.union(first));
}

/**
 * Union of many small polygons (a mesh's triangles): merged eight at a time, level by level, so
 * each sweep works on few edges (most of a floor's triangles share edges that dissolve early).
 */
export function unionMany(polygons: readonly PlanPolygon[]): PlanPolygon[] {
  let level: MultiPolygon[] = polygons.map((p) => [toPolygon(p)]);
  if (level.length === 0) return [];
  while (level.length > 1) {
    const next: MultiPolygon[] = [];
    for (let i = 0; i < level.length; i += 8) {
      const [a, ...b] = level.slice(i, i + 8);
      next.push(polygonClipping.union(a, ...b));
    }
    level = next;
  }
  return fromMulti(level[0]);
}

/**
 * Drops zero-width spikes: a vertex where the outline runs out and straight back along itself.
 * grf005's IFC4 sample has a 2 m one in a room profile (4 m of perimeter, no area), and the union
 * of a mesh's triangles leaves hairline slits where a vertex sits on a neighbour's edge. Points on a
 * straight run are kept. Works on x and y; any further coordinates ride along.
 */
export function withoutSpikes<P extends readonly number[]>(ring: readonly P[]): P[] {
  const out = [...ring];
  let changed = true;
  while (changed && out.length > 3) {
    changed = false;
    for (let i = 0; i < out.length && out.length > 3; i++) {
      const a = out[(i + out.length - 1) % out.length];
      const b = out[i];
      const c = out[(i + 1) % out.length];
      const [ux, uy] = [a[0] - b[0], a[1] - b[1]];
      const [vx, vy] = [c[0] - b[0], c[1] - b[1]];
      const lu = Math.hypot(ux, uy);
      const lv = Math.hypot(vx, vy);
      if (lu === 0 || lv === 0) {
        out.splice(i, 1);
        changed = true;
        continue;
      }
      // Both neighbours on the same side of b and on one line through it: b is a spike's tip.
      if (Math.abs((ux * vy - uy * vx) / (lu * lv)) < 1e-7 && (ux * vx + uy * vy) > 0) {
        out.splice(i, 1);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * A ring whose mean width (2 · area / perimeter) is under a millimetre is a sliver the union left
 * (web-ifc triangulates a profile's zero-width spike into two needle triangles), not part of a room.
 */
const SLIVER_WIDTH = 1e-3;

function isSliver(ring: readonly PlanPoint[]): boolean {
  const perimeter = ringLength(ring);
  return perimeter === 0 || (2 * Math.abs(ringArea(ring))) / perimeter < SLIVER_WIDTH;
}
