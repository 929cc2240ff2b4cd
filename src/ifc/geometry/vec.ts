// Small 3D vector and rigid-transform helpers for boundary geometry (no dependencies, plain tuples).

export type Vec3 = [number, number, number];

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);

/** Unit vector, or null for a (near) zero vector. */
export function normalize(a: Vec3): Vec3 | null {
  const l = length(a);
  return l > 1e-12 ? [a[0] / l, a[1] / l, a[2] / l] : null;
}

/** A right-handed frame: origin plus orthonormal axes; maps local coordinates to the parent's. */
export interface Frame {
  origin: Vec3;
  x: Vec3;
  y: Vec3;
  z: Vec3;
}

export const IDENTITY: Frame = { origin: [0, 0, 0], x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] };

export function rotate(f: Frame, v: Vec3): Vec3 {
  return [f.x[0] * v[0] + f.y[0] * v[1] + f.z[0] * v[2], f.x[1] * v[0] + f.y[1] * v[1] + f.z[1] * v[2], f.x[2] * v[0] + f.y[2] * v[1] + f.z[2] * v[2]];
}

export function apply(f: Frame, p: Vec3): Vec3 {
  return add(f.origin, rotate(f, p));
}

/** `child` expressed in `parent`'s parent: parent ∘ child. */
export function compose(parent: Frame, child: Frame): Frame {
  return { origin: apply(parent, child.origin), x: rotate(parent, child.x), y: rotate(parent, child.y), z: rotate(parent, child.z) };
}

/**
 * The frame IFC builds from an axis and a reference direction (IfcAxis2Placement3D): z is the axis,
 * x the reference direction made perpendicular to it, y = z × x. Missing or degenerate inputs fall
 * back to the IFC defaults (0,0,1) and (1,0,0).
 */
export function frameFrom(origin: Vec3, axis: Vec3 | null, refDirection: Vec3 | null): Frame {
  const z = (axis && normalize(axis)) ?? [0, 0, 1];
  let x = normalize(sub(refDirection ?? [1, 0, 0], scale(z, dot(refDirection ?? [1, 0, 0], z))));
  if (!x) {
    // Reference direction parallel to the axis: any perpendicular will do.
    const helper: Vec3 = Math.abs(z[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
    x = normalize(sub(helper, scale(z, dot(helper, z)))) as Vec3;
  }
  return { origin, x, y: cross(z, x), z };
}

/**
 * Newell's method: the area vector of a (possibly non-planar) polygon; its length is the area and
 * its direction the normal by the right-hand rule on the vertex order.
 */
export function newellAreaVector(points: readonly Vec3[]): Vec3 {
  let nx = 0;
  let ny = 0;
  let nz = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    nx += (a[1] - b[1]) * (a[2] + b[2]);
    ny += (a[2] - b[2]) * (a[0] + b[0]);
    nz += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return [nx / 2, ny / 2, nz / 2];
}

/** Area-weighted centroid of a planar polygon (vertex average when degenerate). */
export function polygonCentroid(points: readonly Vec3[]): Vec3 {
  const n = newellAreaVector(points);
  const nn = dot(n, n);
  let c: Vec3 = [0, 0, 0];
  if (points.length >= 3 && nn > 1e-18) {
    let total = 0;
    for (let i = 1; i + 1 < points.length; i++) {
      const a = points[0];
      const b = points[i];
      const d = points[i + 1];
      // Signed area of the fan triangle along the polygon normal, so concave polygons work.
      const w = dot(cross(sub(b, a), sub(d, a)), n) / Math.sqrt(nn) / 2;
      c = add(c, scale(add(add(a, b), d), w / 3));
      total += w;
    }
    if (Math.abs(total) > 1e-12) return scale(c, 1 / total);
  }
  for (const p of points) c = add(c, p);
  return points.length ? scale(c, 1 / points.length) : c;
}

/** Drops a closing vertex equal to the first, and consecutive duplicates. */
export function openRing(points: readonly Vec3[], eps = 1e-9): Vec3[] {
  const out: Vec3[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > eps || Math.abs(last[1] - p[1]) > eps || Math.abs(last[2] - p[2]) > eps) out.push(p);
  }
  if (out.length > 1) {
    const a = out[0];
    const b = out[out.length - 1];
    if (Math.abs(a[0] - b[0]) <= eps && Math.abs(a[1] - b[1]) <= eps && Math.abs(a[2] - b[2]) <= eps) out.pop();
  }
  return out;
}
