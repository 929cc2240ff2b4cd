// The outline in plan of a set of triangles (a room body's downward faces), fast. A floor's
// triangles tile it without overlapping, so its outline is simply the edges no neighbour shares,
// walked into loops: O(n), where polygon-clipping's union took 100–350 ms for the 26–76 floor
// triangles of one RooftopBuilding room (measured). When the tiling is not clean (triangles
// overlap, loops pinch at a vertex), the union is the answer after all.
import { PlanPoint, PlanPolygon } from '../schedule/model';
import { pointInRing, ringArea, tidyPolygons, unionMany, unionPolygons } from './plan-polygons';

/** Triangles as vertex indices into `xy` (x, y per vertex), counter-clockwise in plan. */
export function footprintOfTriangles(xy: readonly number[], triangles: readonly [number, number, number][]): PlanPolygon[] {
  const whole = fromBoundaryLoops(xy, triangles);
  if (whole) return whole;
  // Overlaps (a floor under an overhang, a step): each connected patch of faces still tiles
  // cleanly; the union of a few patch outlines is quick where that of all triangles was not.
  const patches = connectedPatches(triangles).map((patch) => fromBoundaryLoops(xy, patch) ?? unionMany(patch.map(([a, b, c]) => ({ outer: [point(xy, a), point(xy, b), point(xy, c)], holes: [] }))));
  return patches.length === 1 ? patches[0] : unionPolygons(patches.flat());
}

/** Triangles grouped by shared edges. */
function connectedPatches(triangles: readonly [number, number, number][]): [number, number, number][][] {
  const parent = triangles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const byEdge = new Map<string, number>();
  triangles.forEach(([a, b, c], t) => {
    for (const [p, q] of [[a, b], [b, c], [c, a]]) {
      const k = p < q ? `${p},${q}` : `${q},${p}`;
      const other = byEdge.get(k);
      if (other === undefined) byEdge.set(k, t);
      else parent[find(t)] = find(other);
    }
  });
  const groups = new Map<number, [number, number, number][]>();
  triangles.forEach((tri, t) => {
    const root = find(t);
    const g = groups.get(root);
    if (g) g.push(tri);
    else groups.set(root, [tri]);
  });
  return [...groups.values()];
}

function point(xy: readonly number[], i: number): PlanPoint {
  return [xy[2 * i], xy[2 * i + 1]];
}

/** The loops of unshared edges as polygons with holes; null when the triangles do not tile cleanly. */
function fromBoundaryLoops(xy: readonly number[], triangles: readonly [number, number, number][]): PlanPolygon[] | null {
  const edges = new Map<string, number>();
  const key = (a: number, b: number) => `${a},${b}`;
  let tiled = 0;
  for (const [a, b, c] of triangles) {
    tiled += ringArea([point(xy, a), point(xy, b), point(xy, c)]);
    for (const [p, q] of [[a, b], [b, c], [c, a]]) {
      const k = key(p, q);
      if (edges.has(k)) return null; // the same edge walked twice the same way: triangles overlap
      edges.set(k, q);
    }
  }
  const next = new Map<number, number>();
  for (const k of edges.keys()) {
    const [p, q] = k.split(',').map(Number);
    if (edges.has(key(q, p))) continue;
    if (next.has(p)) return null; // two outlines pinch at p
    next.set(p, q);
  }
  const loops: PlanPoint[][] = [];
  const seen = new Set<number>();
  for (const start of next.keys()) {
    if (seen.has(start)) continue;
    const loop: PlanPoint[] = [];
    let v = start;
    while (!seen.has(v)) {
      seen.add(v);
      loop.push(point(xy, v));
      const w = next.get(v);
      if (w === undefined) return null; // an outline that does not close
      v = w;
    }
    if (v !== start) return null;
    loops.push(loop);
  }
  // Loops must enclose exactly what the triangles cover; otherwise they overlap somewhere.
  const enclosed = loops.reduce((s, l) => s + ringArea(l), 0);
  if (Math.abs(enclosed - tiled) > 1e-9 * Math.max(1, Math.abs(tiled))) return null;
  const outers = loops.filter((l) => ringArea(l) > 0).sort((a, b) => ringArea(a) - ringArea(b));
  const polygons: PlanPolygon[] = outers.map((outer) => ({ outer, holes: [] }));
  for (const hole of loops.filter((l) => ringArea(l) < 0)) {
    // The smallest outline around the hole owns it.
    const owner = polygons.find((p) => pointInRing(hole[0], p.outer) || hole.some((h) => pointInRing(h, p.outer)));
    if (!owner) return null;
    owner.holes.push(hole);
  }
  return tidyPolygons(polygons);
}
