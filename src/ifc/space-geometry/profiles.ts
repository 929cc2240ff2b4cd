// The profiles a room's body is extruded from, as rings in the profile's own plane (z = 0, file
// units): the outer outline and its voids. Curves go through geometry/curves.ts, the one reader of
// bounded curves, so boundaries and bodies read the same curve types.
import * as W from '../schema/ifc-types';
import { withoutSpikes } from '../../core/geometry/plan-polygons';
import { curvePoints } from '../geometry/curves';
import { GeometryIssue, GeometryReader } from '../geometry/placement';
import { apply, Frame, openRing, Vec3 } from '../geometry/vec';
import { attr } from '../step-attributes';
import { num, ref, refs } from '../step-values';

export interface ProfileRings {
  outer: Vec3[];
  holes: Vec3[][];
  /** The profile's class, for the method note ("IfcRectangleProfileDef"). */
  kind: string;
  /** Exact area when the shape has one in closed form (circle, ellipse); else computed from the rings. */
  exactArea?: number;
  /** Exact outline length likewise. */
  exactPerimeter?: number;
}

/** Segments per full turn for round profiles drawn in plan (the area stays exact). */
const ROUND_SEGMENTS = 72;

export function profileRings(g: GeometryReader, id: number | null): ProfileRings {
  const line = g.entity(id, 'the extruded profile');
  const kind = g.reader.typeName(line.type);
  const positioned = (frame: Frame, pts: Vec3[]) => pts.map((p) => apply(frame, p));
  switch (line.type) {
    case W.IFCARBITRARYCLOSEDPROFILEDEF:
      return { outer: closedCurve(g, ref(attr(line, 'IfcArbitraryClosedProfileDef', 'OuterCurve')), 'the profile outline'), holes: [], kind };
    case W.IFCARBITRARYPROFILEDEFWITHVOIDS:
      return {
        outer: closedCurve(g, ref(attr(line, 'IfcArbitraryProfileDefWithVoids', 'OuterCurve')), 'the profile outline'),
        holes: refs(attr(line, 'IfcArbitraryProfileDefWithVoids', 'InnerCurves')).map((c) => closedCurve(g, c, 'a void of the profile')),
        kind,
      };
    case W.IFCRECTANGLEPROFILEDEF: {
      const x = positive(num(attr(line, 'IfcRectangleProfileDef', 'XDim')), 'the rectangle width');
      const y = positive(num(attr(line, 'IfcRectangleProfileDef', 'YDim')), 'the rectangle depth');
      const frame = g.axisPlacement(ref(attr(line, 'IfcRectangleProfileDef', 'Position')));
      const ring: Vec3[] = [[-x / 2, -y / 2, 0], [x / 2, -y / 2, 0], [x / 2, y / 2, 0], [-x / 2, y / 2, 0]];
      return { outer: positioned(frame, ring), holes: [], kind, exactArea: x * y, exactPerimeter: 2 * (x + y) };
    }
    case W.IFCROUNDEDRECTANGLEPROFILEDEF: {
      const x = positive(num(attr(line, 'IfcRoundedRectangleProfileDef', 'XDim')), 'the rectangle width');
      const y = positive(num(attr(line, 'IfcRoundedRectangleProfileDef', 'YDim')), 'the rectangle depth');
      const r = num(attr(line, 'IfcRoundedRectangleProfileDef', 'RoundingRadius')) ?? 0;
      if (r < 0 || 2 * r > Math.min(x, y)) throw new GeometryIssue('the rounding radius does not fit the rectangle');
      const frame = g.axisPlacement(ref(attr(line, 'IfcRoundedRectangleProfileDef', 'Position')));
      const ring: Vec3[] = [];
      const corners: [number, number, number][] = [[x / 2 - r, -y / 2 + r, -90], [x / 2 - r, y / 2 - r, 0], [-x / 2 + r, y / 2 - r, 90], [-x / 2 + r, -y / 2 + r, 180]];
      const steps = ROUND_SEGMENTS / 4;
      for (const [cx, cy, start] of corners) {
        for (let i = 0; i <= steps; i++) {
          const t = ((start + (90 * i) / steps) * Math.PI) / 180;
          ring.push([cx + r * Math.cos(t), cy + r * Math.sin(t), 0]);
        }
      }
      return { outer: positioned(frame, openRing(ring)), holes: [], kind, exactArea: x * y - (4 - Math.PI) * r * r, exactPerimeter: 2 * (x + y) - 8 * r + 2 * Math.PI * r };
    }
    case W.IFCCIRCLEPROFILEDEF: {
      const r = positive(num(attr(line, 'IfcCircleProfileDef', 'Radius')), 'the circle radius');
      const frame = g.axisPlacement(ref(attr(line, 'IfcCircleProfileDef', 'Position')));
      return { outer: positioned(frame, ellipseRing(r, r)), holes: [], kind, exactArea: Math.PI * r * r, exactPerimeter: 2 * Math.PI * r };
    }
    case W.IFCELLIPSEPROFILEDEF: {
      const a = positive(num(attr(line, 'IfcEllipseProfileDef', 'SemiAxis1')), 'the first semi-axis');
      const b = positive(num(attr(line, 'IfcEllipseProfileDef', 'SemiAxis2')), 'the second semi-axis');
      const frame = g.axisPlacement(ref(attr(line, 'IfcEllipseProfileDef', 'Position')));
      // Ramanujan's second approximation: well below 0.01 % for any room-shaped ellipse.
      const h = ((a - b) / (a + b)) ** 2;
      return { outer: positioned(frame, ellipseRing(a, b)), holes: [], kind, exactArea: Math.PI * a * b, exactPerimeter: Math.PI * (a + b) * (1 + (3 * h) / (10 + Math.sqrt(4 - 3 * h))) };
    }
    default:
      throw new GeometryIssue(`room profiles of type ${kind} are not supported`);
  }
}

function positive(v: number | null, what: string): number {
  if (v === null || !(v > 0)) throw new GeometryIssue(`${what} is missing or not positive`);
  return v;
}

function ellipseRing(a: number, b: number): Vec3[] {
  return Array.from({ length: ROUND_SEGMENTS }, (_, i): Vec3 => {
    const t = (2 * Math.PI * i) / ROUND_SEGMENTS;
    return [a * Math.cos(t), b * Math.sin(t), 0];
  });
}

/** A closed curve as an open ring of distinct points; fewer than three is no outline. */
function closedCurve(g: GeometryReader, id: number | null, what: string): Vec3[] {
  const ring = withoutSpikes(openRing(curvePoints(g, id)));
  if (ring.length < 3) throw new GeometryIssue(`${what} has fewer than 3 distinct points`);
  for (const p of ring) if (!p.every(Number.isFinite)) throw new GeometryIssue(`${what} has coordinates that are not numbers`);
  return ring;
}

