// Quantities of a room from its triangulated body (the mesh path, for Breps, CSG and
// tessellations), after the rules of IfcOpenShell's shape utilities, written anew:
// - vertices are welded first (exporters and triangulators repeat a vertex per face);
// - volume by signed tetrahedra, and only for a closed, consistently oriented mesh (every edge
//   walked once each way): an open mesh has no volume, and a number for it would be wrong;
// - footprint: the union of the downward-facing triangles projected on the plan (all non-vertical
//   triangles when the orientation is unknown); perimeter: its outer outline; height: the vertical extent.
import { PlanPolygon } from '../schedule/model';
import { footprintOfTriangles } from './mesh-footprint';
import { outerPerimeter, polygonsArea } from './plan-polygons';

export interface TriangleMesh {
  /** x, y, z per vertex: metres, project coordinates, z up. */
  positions: Float64Array;
  /** Three vertex indices per triangle. */
  indices: Uint32Array;
}

export interface MeshMeasure {
  triangles: number;
  /** Null with volumeIssue when the mesh is open or inconsistently oriented. */
  volume: number | null;
  volumeIssue: string | null;
  height: number;
  floorElevation: number;
  footprint: PlanPolygon[];
  area: number;
  perimeter: number;
}

/** Vertices closer than this (1/10 mm) are one vertex. */
const WELD = 1e-4;
/** A triangle whose normal's z is below this in magnitude counts as vertical. */
const VERTICAL = 1e-6;

export class MeshIssue extends Error {}

export function measureMesh(mesh: TriangleMesh): MeshMeasure {
  const { positions, indices } = mesh;
  if (indices.length < 3 || indices.length % 3 !== 0) throw new MeshIssue('the body has no triangles');
  for (let i = 0; i < positions.length; i++) if (!Number.isFinite(positions[i])) throw new MeshIssue('the body has coordinates that are not numbers');
  const { ids, points } = weld(positions);
  const tris: [number, number, number][] = [];
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [ids[indices[t]], ids[indices[t + 1]], ids[indices[t + 2]]];
    if (a === undefined || b === undefined || c === undefined) throw new MeshIssue('the body refers to vertices it does not have');
    if (a === b || b === c || a === c) continue; // degenerate after welding
    tris.push([a, b, c]);
  }
  if (tris.length === 0) throw new MeshIssue('the body has only degenerate triangles');

  let zMin = Infinity;
  let zMax = -Infinity;
  for (const t of tris) for (const v of t) {
    const z = points[3 * v + 2];
    if (z < zMin) zMin = z;
    if (z > zMax) zMax = z;
  }

  const orientation = edgeOrientation(tris);
  let volume: number | null = null;
  let volumeIssue: string | null = null;
  let sign = 0;
  if (orientation === 'consistent') {
    let six = 0;
    // Relative to a point on the mesh, which keeps the tetrahedra small (precision far from the origin).
    const [ox, oy, oz] = [points[0], points[1], points[2]];
    for (const [a, b, c] of tris) {
      const [ax, ay, az] = [points[3 * a] - ox, points[3 * a + 1] - oy, points[3 * a + 2] - oz];
      const [bx, by, bz] = [points[3 * b] - ox, points[3 * b + 1] - oy, points[3 * b + 2] - oz];
      const [cx, cy, cz] = [points[3 * c] - ox, points[3 * c + 1] - oy, points[3 * c + 2] - oz];
      six += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
    }
    volume = Math.abs(six) / 6;
    sign = Math.sign(six);
    if (volume < 1e-9) {
      volume = null;
      volumeIssue = 'the closed body encloses no volume';
    }
  } else {
    volumeIssue = orientation === 'open' ? 'the body is not closed (some edges belong to one face only), so it has no volume' : 'the body is closed but its faces are not consistently oriented, so its volume cannot be told';
  }

  // Downward faces: normal z < 0 for an outward-oriented mesh; flipped when the mesh is inward.
  const footprintTris: [number, number, number][] = [];
  for (const [a, b, c] of tris) {
    const [ax, ay] = [points[3 * a], points[3 * a + 1]];
    const [bx, by] = [points[3 * b], points[3 * b + 1]];
    const [cx, cy] = [points[3 * c], points[3 * c + 1]];
    const nz = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    if (Math.abs(nz) < VERTICAL) continue;
    if (sign !== 0 && nz * sign > 0) continue; // faces up
    footprintTris.push(nz > 0 ? [a, b, c] : [a, c, b]);
  }
  if (footprintTris.length === 0) throw new MeshIssue('the body has no horizontal extent (every face is vertical)');
  const xy: number[] = [];
  for (let i = 0; i < points.length; i += 3) xy.push(points[i], points[i + 1]);
  const footprint = footprintOfTriangles(xy, footprintTris);
  return { triangles: tris.length, volume, volumeIssue, height: zMax - zMin, floorElevation: zMin, footprint, area: polygonsArea(footprint), perimeter: outerPerimeter(footprint) };
}

/** Merges vertices within WELD of each other (on a grid, neighbours checked), returning new ids. */
function weld(positions: Float64Array): { ids: Int32Array; points: number[] } {
  const n = positions.length / 3;
  const ids = new Int32Array(n);
  const points: number[] = [];
  const grid = new Map<string, number[]>();
  const key = (x: number, y: number, z: number) => `${x},${y},${z}`;
  for (let i = 0; i < n; i++) {
    const [x, y, z] = [positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]];
    const [gx, gy, gz] = [Math.floor(x / WELD), Math.floor(y / WELD), Math.floor(z / WELD)];
    let found = -1;
    search: for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (let dz = -1; dz <= 1; dz++) {
      for (const j of grid.get(key(gx + dx, gy + dy, gz + dz)) ?? []) {
        if (Math.abs(points[3 * j] - x) <= WELD && Math.abs(points[3 * j + 1] - y) <= WELD && Math.abs(points[3 * j + 2] - z) <= WELD) {
          found = j;
          break search;
        }
      }
    }
    if (found < 0) {
      found = points.length / 3;
      points.push(x, y, z);
      const k = key(gx, gy, gz);
      const cell = grid.get(k);
      if (cell) cell.push(found);
      else grid.set(k, [found]);
    }
    ids[i] = found;
  }
  return { ids, points };
}

/**
 * 'consistent' when every directed edge is walked exactly once and its reverse exactly once;
 * 'inconsistent' when every edge has two faces but some walk it the same way; 'open' otherwise.
 */
function edgeOrientation(tris: readonly [number, number, number][]): 'consistent' | 'inconsistent' | 'open' {
  const directed = new Map<string, number>();
  for (const [a, b, c] of tris) for (const [p, q] of [[a, b], [b, c], [c, a]]) {
    const k = `${p}>${q}`;
    directed.set(k, (directed.get(k) ?? 0) + 1);
  }
  let consistent = true;
  for (const [k, count] of directed) {
    const [p, q] = k.split('>');
    const back = directed.get(`${q}>${p}`) ?? 0;
    if (count === 1 && back === 1) continue;
    consistent = false;
    if (count + back !== 2) return 'open';
  }
  return consistent ? 'consistent' : 'inconsistent';
}
