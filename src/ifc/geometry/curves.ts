// Bounded curves as point lists: the boundaries of IfcCurveBoundedPlane and the profiles of
// IfcSurfaceOfLinearExtrusion. Arcs are split into segments of at most 5°, which keeps the area
// error of a full circle below 0.07 %.
import * as W from '../schema/ifc-types';
import { bool, enumValue, num, nums, ref, refs, RawArg } from '../step-values';
import { GeometryIssue, GeometryReader } from './placement';
import { apply, Frame, openRing, Vec3 } from './vec';

const MAX_ARC_STEP = (5 * Math.PI) / 180;

export function curvePoints(g: GeometryReader, id: number | null, depth = 0): Vec3[] {
  const line = g.entity(id, 'a boundary curve');
  if (depth > 16) throw new GeometryIssue(`curve #${id} nests too deeply`);
  const a = line.arguments;
  switch (line.type) {
    case W.IFCPOLYLINE:
      return refs(a[0]).map((p) => g.point(p));
    case W.IFCPOLYLOOP:
      return refs(a[0]).map((p) => g.point(p));
    case W.IFCCOMPOSITECURVE:
    case W.IFC2DCOMPOSITECURVE:
    case W.IFCCOMPOSITECURVEONSURFACE:
      return compositePoints(g, refs(a[0]), depth);
    case W.IFCTRIMMEDCURVE:
      return trimmedPoints(g, line.ID, a);
    case W.IFCINDEXEDPOLYCURVE:
      return indexedPoints(g, ref(a[0]), a[1]);
    case W.IFCCIRCLE:
    case W.IFCELLIPSE: {
      const conic = conicOf(g, line.type, a);
      return arcPoints(conic, 0, 2 * Math.PI, true).slice(0, -1);
    }
    default:
      throw new GeometryIssue(`curves of type ${g.reader.typeName(line.type)} are not supported`);
  }
}

/** IfcCompositeCurveSegment: Transition, SameSense, ParentCurve; joined end to start. */
function compositePoints(g: GeometryReader, segmentIds: number[], depth: number): Vec3[] {
  const out: Vec3[] = [];
  for (const segId of segmentIds) {
    const seg = g.entity(segId, 'a curve segment');
    if (seg.type !== W.IFCCOMPOSITECURVESEGMENT && seg.type !== W.IFCREPARAMETRISEDCOMPOSITECURVESEGMENT) {
      throw new GeometryIssue(`curve segments of type ${g.reader.typeName(seg.type)} are not supported`);
    }
    let pts = curvePoints(g, ref(seg.arguments[2]), depth + 1);
    if (bool(seg.arguments[1]) === false) pts = [...pts].reverse();
    out.push(...pts);
  }
  return openRing(out);
}

interface Conic {
  frame: Frame;
  rx: number;
  ry: number;
}

function conicOf(g: GeometryReader, type: number, a: RawArg[]): Conic {
  const frame = g.axisPlacement(ref(a[0]));
  const rx = num(a[1]);
  const ry = type === W.IFCELLIPSE ? num(a[2]) : rx;
  if (rx === null || ry === null || rx <= 0 || ry <= 0) throw new GeometryIssue('a circle or ellipse has no valid radius');
  return { frame, rx, ry };
}

function arcPoints(c: Conic, from: number, to: number, counterClockwise: boolean): Vec3[] {
  let sweep = to - from;
  if (counterClockwise && sweep <= 0) sweep += 2 * Math.PI;
  if (!counterClockwise && sweep >= 0) sweep -= 2 * Math.PI;
  const steps = Math.max(1, Math.ceil(Math.abs(sweep) / MAX_ARC_STEP));
  const out: Vec3[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = from + (sweep * i) / steps;
    out.push(apply(c.frame, [c.rx * Math.cos(t), c.ry * Math.sin(t), 0]));
  }
  return out;
}

/** IfcTrimmedCurve: BasisCurve, Trim1, Trim2, SenseAgreement, MasterRepresentation. */
function trimmedPoints(g: GeometryReader, id: number, a: RawArg[]): Vec3[] {
  const basis = g.entity(ref(a[0]), 'the basis of a trimmed curve');
  const sense = bool(a[3]) !== false;
  const preferParameter = enumValue(a[4]) === 'PARAMETER';
  const trim = (arg: RawArg) => {
    const items = Array.isArray(arg) ? arg : [arg];
    const pointId = items.map(ref).find((r) => r !== null) ?? null;
    const parameter = items.map((i) => (ref(i) === null ? num(i) : null)).find((v) => v !== null) ?? null;
    return { point: pointId !== null ? g.point(pointId) : null, parameter };
  };
  const [t1, t2] = [trim(a[1]), trim(a[2])];
  if (basis.type === W.IFCLINE) {
    // IfcLine: Pnt, Dir (an IfcVector: Orientation, Magnitude); a parameter t is Pnt + t·Dir.
    const at = (t: { point: Vec3 | null; parameter: number | null }): Vec3 => {
      if (t.point && !(preferParameter && t.parameter !== null)) return t.point;
      if (t.parameter === null) throw new GeometryIssue(`trimmed line #${id} has no usable trim`);
      const origin = g.point(ref(basis.arguments[0]));
      const vector = g.entity(ref(basis.arguments[1]), 'the direction of a line');
      const dir = g.direction(ref(vector.arguments[0])) ?? [1, 0, 0];
      const len = Math.hypot(...dir) || 1;
      const m = (num(vector.arguments[1]) ?? 1) / len;
      return [origin[0] + t.parameter * m * dir[0], origin[1] + t.parameter * m * dir[1], origin[2] + t.parameter * m * dir[2]];
    };
    // A trimmed curve runs from Trim1 to Trim2; SenseAgreement only says whether that follows Dir.
    return [at(t1), at(t2)];
  }
  if (basis.type === W.IFCCIRCLE || basis.type === W.IFCELLIPSE) {
    const conic = conicOf(g, basis.type, basis.arguments);
    const angle = (t: { point: Vec3 | null; parameter: number | null }): number => {
      if (t.parameter !== null && (preferParameter || !t.point)) return t.parameter * g.planeAngleToRadians;
      if (!t.point) throw new GeometryIssue(`trimmed arc #${id} has no usable trim`);
      const d: Vec3 = [t.point[0] - conic.frame.origin[0], t.point[1] - conic.frame.origin[1], t.point[2] - conic.frame.origin[2]];
      const x = d[0] * conic.frame.x[0] + d[1] * conic.frame.x[1] + d[2] * conic.frame.x[2];
      const y = d[0] * conic.frame.y[0] + d[1] * conic.frame.y[1] + d[2] * conic.frame.y[2];
      return Math.atan2(y / conic.ry, x / conic.rx);
    };
    return arcPoints(conic, angle(t1), angle(t2), sense);
  }
  throw new GeometryIssue(`trimmed curves on ${g.reader.typeName(basis.type)} are not supported`);
}

/** IfcIndexedPolyCurve (IFC4): Points (an IfcCartesianPointList), Segments of IfcLineIndex / IfcArcIndex. */
function indexedPoints(g: GeometryReader, listId: number | null, segmentsArg: RawArg): Vec3[] {
  const list = g.entity(listId, 'the point list of a poly curve');
  const coords = Array.isArray(list.arguments[0]) ? list.arguments[0].map((c) => nums(c)) : [];
  if (coords.length === 0 || coords.some((c) => !c || c.length < 2)) throw new GeometryIssue(`point list #${listId} is empty or invalid`);
  const pts: Vec3[] = coords.map((c) => [c![0], c![1], c![2] ?? 0]);
  if (!Array.isArray(segmentsArg) || segmentsArg.length === 0) return openRing(pts);
  const at = (i: number) => {
    const p = pts[i - 1];
    if (!p) throw new GeometryIssue(`poly curve index ${i} is outside its point list`);
    return p;
  };
  const out: Vec3[] = [];
  for (const seg of segmentsArg) {
    const value = seg && !Array.isArray(seg) ? (seg.value as RawArg) : seg;
    const idx = nums(value) ?? [];
    const isArc = !!seg && !Array.isArray(seg) && seg.typecode === W.IFCARCINDEX;
    if (isArc && idx.length === 3) out.push(...arcThrough(at(idx[0]), at(idx[1]), at(idx[2])));
    else out.push(...idx.map(at));
  }
  return openRing(out);
}

/** Points on the circular arc from p1 through p2 to p3 (all in one plane; 2D lists have z = 0). */
function arcThrough(p1: Vec3, p2: Vec3, p3: Vec3): Vec3[] {
  const [ax, ay, bx, by, cx, cy] = [p1[0], p1[1], p2[0], p2[1], p3[0], p3[1]];
  const d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
  if (Math.abs(d) < 1e-12) return [p1, p2, p3];
  const ux = ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / d;
  const uy = ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / d;
  const r = Math.hypot(ax - ux, ay - uy);
  const a1 = Math.atan2(ay - uy, ax - ux);
  const a3 = Math.atan2(cy - uy, cx - ux);
  // Counter-clockwise when p2 lies to the right of the chord p1→p3.
  const ccw = (cx - ax) * (by - ay) - (cy - ay) * (bx - ax) < 0;
  const frame: Frame = { origin: [ux, uy, p1[2]], x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] };
  return arcPoints({ frame, rx: r, ry: r }, a1, a3, ccw);
}
