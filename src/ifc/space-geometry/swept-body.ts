// The exact path: a room body made of extruded profiles (IfcExtrudedAreaSolid, directly, through
// IfcMappedItem, or as the first operand of an IfcBooleanClippingResult). Area and outline come
// from the profile carried into world coordinates; volume is the profile's area vector along the
// extrusion; height the vertical extent. A clipping cuts volume and height, so for a clipped body
// only area and perimeter are exact and the rest is left to the mesh path.
import * as W from '../schema/ifc-types';
import { GeometryIssue, GeometryReader } from '../geometry/placement';
import { apply, compose, cross, dot, Frame, IDENTITY, length, newellAreaVector, normalize, rotate, scale, sub, Vec3 } from '../geometry/vec';
import { attr } from '../step-attributes';
import { num, ref } from '../step-values';
import { profileRings } from './profiles';

/** One extruded solid, in world coordinates (file units). */
export interface WorldExtrusion {
  outer: Vec3[];
  holes: Vec3[][];
  /** The extrusion vector in world coordinates (direction × depth). */
  sweep: Vec3;
  /** Net profile area (file units²) and outer outline length (file units). */
  area: number;
  perimeter: number;
  profileKind: string;
  /** Whether a boolean clipping cuts this solid (volume and height then need the mesh). */
  clipped: boolean;
}

/**
 * The extrusions a Body item is made of, or null when the item is not a (clipped, mapped) swept
 * solid: the mesh path takes those.
 */
export function sweptSolids(g: GeometryReader, itemId: number, placement: Frame, depth = 0): WorldExtrusion[] | null {
  if (depth > 8) throw new GeometryIssue(`the body #${itemId} nests too deeply`);
  const item = g.entity(itemId, 'a body item');
  if (item.type === W.IFCEXTRUDEDAREASOLID) return [extrusion(g, item.ID, placement)];
  if (item.type === W.IFCBOOLEANCLIPPINGRESULT) {
    const first = ref(attr(item, 'IfcBooleanResult', 'FirstOperand'));
    const inner = first === null ? null : sweptSolids(g, first, placement, depth + 1);
    return inner ? inner.map((e) => ({ ...e, clipped: true })) : null;
  }
  if (item.type === W.IFCMAPPEDITEM) {
    const source = g.entity(ref(attr(item, 'IfcMappedItem', 'MappingSource')), 'the mapping source');
    const origin = g.axisPlacement(ref(attr(source, 'IfcRepresentationMap', 'MappingOrigin')));
    const target = transformationOperator(g, ref(attr(item, 'IfcMappedItem', 'MappingTarget')));
    const representation = g.entity(ref(attr(source, 'IfcRepresentationMap', 'MappedRepresentation')), 'the mapped representation');
    const frame = compose(placement, compose(target, origin));
    const out: WorldExtrusion[] = [];
    for (const child of representationItems(representation)) {
      const solids = sweptSolids(g, child, frame, depth + 1);
      if (!solids) return null;
      out.push(...solids);
    }
    return out;
  }
  return null;
}

/** IfcShapeRepresentation.Items. */
export function representationItems(representation: { arguments: unknown[] } & Parameters<typeof attr>[0]): number[] {
  const items = attr(representation, 'IfcShapeRepresentation', 'Items');
  if (!Array.isArray(items)) return [];
  return items.map(ref).filter((r): r is number => r !== null);
}

function extrusion(g: GeometryReader, id: number, placement: Frame): WorldExtrusion {
  const line = g.entity(id, 'the extruded solid');
  const depth = num(attr(line, 'IfcExtrudedAreaSolid', 'Depth'));
  if (depth === null || !(depth > 0)) throw new GeometryIssue(`the extruded solid #${id} has no positive depth`);
  const frame = compose(placement, g.axisPlacement(ref(attr(line, 'IfcExtrudedAreaSolid', 'Position'))));
  const direction = normalize(g.direction(ref(attr(line, 'IfcExtrudedAreaSolid', 'ExtrudedDirection'))) ?? [0, 0, 1]);
  if (!direction) throw new GeometryIssue(`the extruded solid #${id} has a zero extrusion direction`);
  if (Math.abs(direction[2]) < 1e-9) throw new GeometryIssue(`the extruded solid #${id} is extruded within its profile's plane`);
  const profile = profileRings(g, ref(attr(line, 'IfcExtrudedAreaSolid', 'SweptArea')));
  const outer = profile.outer.map((p) => apply(frame, p));
  const holes = profile.holes.map((h) => h.map((p) => apply(frame, p)));
  const outerArea = length(newellAreaVector(outer));
  const holeArea = holes.reduce((s, h) => s + length(newellAreaVector(h)), 0);
  checkSimple(profile.outer, 'the profile outline');
  for (const h of profile.holes) checkSimple(h, 'a void of the profile');
  const ringArea = outerArea - holeArea;
  if (!(outerArea > 0) || ringArea <= 0) throw new GeometryIssue('the profile encloses no area (its voids are as large as its outline)');
  return {
    outer,
    holes,
    sweep: scale(rotate(frame, direction), depth),
    area: profile.exactArea ?? ringArea,
    perimeter: profile.exactPerimeter ?? ringLength(outer),
    profileKind: profile.kind,
    clipped: false,
  };
}

export function ringLength(ring: readonly Vec3[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) sum += length(sub(ring[(i + 1) % ring.length], ring[i]));
  return sum;
}

/**
 * A profile that crosses itself has no meaningful area (a bow tie's two halves cancel): refused
 * rather than measured. O(n²) over the outline's edges; room outlines have tens of points.
 */
function checkSimple(ring: readonly Vec3[], what: string): void {
  const n = ring.length;
  if (n > 2000) return;
  const seg = (i: number): [Vec3, Vec3] => [ring[i], ring[(i + 1) % n]];
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const [a, b] = seg(i);
      const [c, d] = seg(j);
      if (properlyCross(a, b, c, d)) throw new GeometryIssue(`${what} crosses itself (edges ${i + 1} and ${j + 1})`);
    }
  }
}

function properlyCross(a: Vec3, b: Vec3, c: Vec3, d: Vec3): boolean {
  const o = (p: Vec3, q: Vec3, r: Vec3) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const [d1, d2, d3, d4] = [o(c, d, a), o(c, d, b), o(a, b, c), o(a, b, d)];
  const eps = 1e-12 * Math.max(1, Math.abs(d1) + Math.abs(d2) + Math.abs(d3) + Math.abs(d4));
  return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
}

/**
 * IfcCartesianTransformationOperator3D (and its non-uniform subtype's uniform part): Axis1, Axis2,
 * LocalOrigin, Scale, Axis3, as a frame whose axes carry the scale.
 */
function transformationOperator(g: GeometryReader, id: number | null): Frame {
  if (id === null) return IDENTITY;
  const line = g.entity(id, 'the mapping target');
  const origin = g.point(ref(attr(line, 'IfcCartesianTransformationOperator', 'LocalOrigin')));
  const s = num(attr(line, 'IfcCartesianTransformationOperator', 'Scale')) ?? 1;
  const x1 = g.direction(ref(attr(line, 'IfcCartesianTransformationOperator', 'Axis1')));
  const x2 = g.direction(ref(attr(line, 'IfcCartesianTransformationOperator', 'Axis2')));
  const x3 = line.type === W.IFCCARTESIANTRANSFORMATIONOPERATOR2D ? null : g.direction(ref(attr(line, 'IfcCartesianTransformationOperator', 'Axis3')));
  // IFC's BaseAxis: z from Axis3, x from Axis1 made perpendicular, y completes the frame.
  const z = (x3 && normalize(x3)) ?? [0, 0, 1];
  const xGuess = x1 ?? (x2 ? cross(x2, z) : [1, 0, 0]);
  const x = normalize(sub(xGuess, scale(z, dot(xGuess, z)))) ?? [1, 0, 0];
  const y = cross(z, x);
  return { origin, x: scale(x, s), y: scale(y, s), z: scale(z, s) };
}
