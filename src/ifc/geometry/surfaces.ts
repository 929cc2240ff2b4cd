// A space boundary's surface (IfcConnectionSurfaceGeometry.SurfaceOnRelatingElement) as an area
// vector in the space's coordinate system: length = net area (openings subtracted), direction =
// the surface normal by the right-hand rule on the boundary's vertex order. For space boundaries
// that rule gives the normal pointing away from the space (checked on OneZone.ifc: the floor
// faces down, the ceiling up, the four walls four compass directions).
import * as W from '../schema/ifc-types';
import { bool, num, ref, refs } from '../step-values';
import { curvePoints } from './curves';
import { GeometryIssue, GeometryReader } from './placement';
import { add, apply, cross, Frame, length, newellAreaVector, normalize, polygonCentroid, rotate, scale, sub, Vec3 } from './vec';

export interface SurfaceShape {
  /** Net area times unit normal, in the space's coordinates (file units²). */
  areaVector: Vec3;
  /** Net area (file units²): outer loops minus inner loops. */
  area: number;
  /** Area-weighted centre, in the space's coordinates (file units). */
  centroid: Vec3;
}

export function connectionShape(g: GeometryReader, connectionId: number | null): SurfaceShape {
  if (connectionId === null) throw new GeometryIssue('the boundary has no ConnectionGeometry');
  const line = g.entity(connectionId, 'the ConnectionGeometry');
  if (line.type !== W.IFCCONNECTIONSURFACEGEOMETRY) {
    throw new GeometryIssue(`the ConnectionGeometry is an ${g.reader.typeName(line.type)}, not a surface`);
  }
  // IfcConnectionSurfaceGeometry: SurfaceOnRelatingElement, SurfaceOnRelatedElement.
  return surfaceShape(g, ref(line.arguments[0]));
}

function surfaceShape(g: GeometryReader, id: number | null): SurfaceShape {
  const line = g.entity(id, 'the boundary surface');
  const a = line.arguments;
  switch (line.type) {
    case W.IFCCURVEBOUNDEDPLANE:
      return curveBoundedPlane(g, ref(a[0]), ref(a[1]), refs(a[2]));
    case W.IFCRECTANGULARTRIMMEDSURFACE:
      return rectangularTrimmed(g, line.ID, ref(a[0]), [num(a[1]), num(a[2]), num(a[3]), num(a[4])]);
    case W.IFCSURFACEOFLINEAREXTRUSION:
      return linearExtrusion(g, ref(a[0]), ref(a[1]), ref(a[2]), num(a[3]));
    case W.IFCFACEBASEDSURFACEMODEL:
      // FbsmFaces: IfcConnectedFaceSet, each with CfsFaces.
      return facesShape(g, refs(a[0]).flatMap((set) => refs(g.entity(set, 'a face set').arguments[0])));
    case W.IFCSHELLBASEDSURFACEMODEL:
      return facesShape(g, refs(a[0]).flatMap((shell) => refs(g.entity(shell, 'a shell').arguments[0])));
    case W.IFCFACESURFACE:
    case W.IFCFACE:
      return facesShape(g, [line.ID]);
    case W.IFCPLANE:
      throw new GeometryIssue('the boundary is an unbounded IfcPlane, which has no area');
    default:
      throw new GeometryIssue(`boundary surfaces of type ${g.reader.typeName(line.type)} are not supported`);
  }
}

function planeFrame(g: GeometryReader, planeId: number | null): Frame {
  const plane = g.entity(planeId, 'the basis surface');
  if (plane.type !== W.IFCPLANE) throw new GeometryIssue(`basis surfaces of type ${g.reader.typeName(plane.type)} are not supported (only IfcPlane)`);
  return g.axisPlacement(ref(plane.arguments[0]));
}

/** Outer polygon minus inner polygons, all given by their 3D points. */
function polygonWithHoles(outer: Vec3[], inners: Vec3[][], what: string): SurfaceShape {
  if (outer.length < 3) throw new GeometryIssue(`${what} has fewer than 3 distinct points`);
  const outerVector = newellAreaVector(outer);
  const gross = length(outerVector);
  if (gross < 1e-12) throw new GeometryIssue(`${what} encloses no area`);
  const holes = inners.reduce((sum, ring) => sum + (ring.length >= 3 ? length(newellAreaVector(ring)) : 0), 0);
  const area = gross - holes;
  if (area < -1e-9 * gross) throw new GeometryIssue(`${what} has openings larger than itself`);
  return { areaVector: scale(outerVector, Math.max(area, 0) / gross), area: Math.max(area, 0), centroid: polygonCentroid(outer) };
}

/** IfcCurveBoundedPlane: BasisSurface, OuterBoundary, InnerBoundaries (Revit writes none or `$`). */
function curveBoundedPlane(g: GeometryReader, planeId: number | null, outerId: number | null, innerIds: number[]): SurfaceShape {
  const frame = planeFrame(g, planeId);
  const toSpace = (pts: Vec3[]) => pts.map((p) => apply(frame, p));
  const outer = toSpace(curvePoints(g, outerId));
  const inners = innerIds.map((id) => toSpace(curvePoints(g, id)));
  return polygonWithHoles(outer, inners, 'the boundary outline');
}

/** IfcRectangularTrimmedSurface: BasisSurface, U1, V1, U2, V2 (on an IfcPlane: a rectangle). */
function rectangularTrimmed(g: GeometryReader, id: number, planeId: number | null, uv: (number | null)[]): SurfaceShape {
  const [u1, v1, u2, v2] = uv;
  if (u1 === null || v1 === null || u2 === null || v2 === null) throw new GeometryIssue(`trimmed surface #${id} has no valid bounds`);
  const frame = planeFrame(g, planeId);
  const ring: Vec3[] = [[u1, v1, 0], [u2, v1, 0], [u2, v2, 0], [u1, v2, 0]].map((p) => apply(frame, p as Vec3));
  const shape = polygonWithHoles(ring, [], 'the trimmed surface');
  // A rectangle has no meaningful winding: the plane's axis gives the normal.
  return { ...shape, areaVector: scale(frame.z, shape.area) };
}

/**
 * IfcSurfaceOfLinearExtrusion: SweptCurve (an open or closed profile), Position, ExtrudedDirection,
 * Depth. Each profile segment swept along the extrusion is a parallelogram; their area vectors add
 * up to the surface's. The normal follows profile direction × extrusion direction.
 */
function linearExtrusion(g: GeometryReader, profileId: number | null, positionId: number | null, directionId: number | null, depth: number | null): SurfaceShape {
  if (depth === null || depth <= 0) throw new GeometryIssue('the extruded boundary has no depth');
  const profile = g.entity(profileId, 'the extruded profile');
  // IfcArbitraryOpenProfileDef / IfcArbitraryClosedProfileDef: ProfileType, ProfileName, Curve.
  if (!g.reader.isA(profile.type, W.IFCARBITRARYOPENPROFILEDEF) && !g.reader.isA(profile.type, W.IFCARBITRARYCLOSEDPROFILEDEF)) {
    throw new GeometryIssue(`extruded profiles of type ${g.reader.typeName(profile.type)} are not supported`);
  }
  const frame = g.axisPlacement(positionId);
  const dir = normalize(g.direction(directionId) ?? [0, 0, 1]);
  if (!dir) throw new GeometryIssue('the extrusion direction is a zero vector');
  const sweep = scale(rotate(frame, dir), depth);
  const pts = curvePoints(g, ref(profile.arguments[2])).map((p) => apply(frame, p));
  if (g.reader.isA(profile.type, W.IFCARBITRARYCLOSEDPROFILEDEF) && pts.length > 2) pts.push(pts[0]);
  let areaVector: Vec3 = [0, 0, 0];
  let area = 0;
  let centroid: Vec3 = [0, 0, 0];
  for (let i = 0; i + 1 < pts.length; i++) {
    const quad = cross(sub(pts[i + 1], pts[i]), sweep);
    const a = length(quad);
    areaVector = add(areaVector, quad);
    area += a;
    centroid = add(centroid, scale(add(add(pts[i], pts[i + 1]), sweep), a / 2));
  }
  if (area < 1e-12) throw new GeometryIssue('the extruded boundary has no area');
  return { areaVector, area, centroid: scale(centroid, 1 / area) };
}

/** Faces with IfcPolyLoop bounds: outer bound (IfcFaceOuterBound, else the largest) minus the others. */
function facesShape(g: GeometryReader, faceIds: number[]): SurfaceShape {
  if (faceIds.length === 0) throw new GeometryIssue('the boundary surface has no faces');
  let areaVector: Vec3 = [0, 0, 0];
  let area = 0;
  let centroid: Vec3 = [0, 0, 0];
  for (const faceId of faceIds) {
    const face = g.entity(faceId, 'a face');
    const bounds = refs(face.arguments[0]).map((boundId) => {
      // IfcFaceBound / IfcFaceOuterBound: Bound (a loop), Orientation.
      const bound = g.entity(boundId, 'a face bound');
      const loop = g.entity(ref(bound.arguments[0]), 'a face loop');
      if (loop.type !== W.IFCPOLYLOOP) throw new GeometryIssue(`face loops of type ${g.reader.typeName(loop.type)} are not supported`);
      let pts = curvePoints(g, loop.ID);
      if (bool(bound.arguments[1]) === false) pts = [...pts].reverse();
      return { outer: bound.type === W.IFCFACEOUTERBOUND, pts, vector: newellAreaVector(pts) };
    });
    if (bounds.length === 0) continue;
    const outerIndex = Math.max(0, bounds.findIndex((b) => b.outer));
    const outer = bounds.some((b) => b.outer) ? bounds[outerIndex] : bounds.reduce((m, b) => (length(b.vector) > length(m.vector) ? b : m));
    const shape = polygonWithHoles(outer.pts, bounds.filter((b) => b !== outer).map((b) => b.pts), `face #${faceId}`);
    areaVector = add(areaVector, shape.areaVector);
    area += shape.area;
    centroid = add(centroid, scale(shape.centroid, shape.area));
  }
  if (area < 1e-12) throw new GeometryIssue('the boundary faces enclose no area');
  return { areaVector, area, centroid: scale(centroid, 1 / area) };
}
