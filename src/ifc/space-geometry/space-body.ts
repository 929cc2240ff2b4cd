// What a room's own geometry says about its quantities: the Body representation by the exact path
// (swept solids) or, when that cannot serve, by the mesh path; a FootPrint curve set when present.
// Every value becomes a candidate with its method; what cannot be computed is a gap with its
// reason, never a guess.
import * as W from '../schema/ifc-types';
import { measureMesh, MeshIssue, TriangleMesh } from '../../core/geometry/mesh-measure';
import { evenOddPolygons, outerPerimeter, polygonsArea, unionPolygons } from '../../core/geometry/plan-polygons';
import { Footprint, GeometrySource, PlanPolygon } from '../../core/schedule/model';
import { FoundQuantity, REQUIRED_QUANTITY_NAMES } from '../../core/schedule/room-quantities';
import { curvePoints } from '../geometry/curves';
import { GeometryIssue, GeometryReader } from '../geometry/placement';
import { apply, dot, Frame, length, newellAreaVector, openRing, Vec3 } from '../geometry/vec';
import { attr } from '../step-attributes';
import { ref, refs, str } from '../step-values';
import { representationItems, sweptSolids, WorldExtrusion } from './swept-body';

export interface BodyQuantities {
  found: FoundQuantity[];
  /** Why geometry could not give a quantity. */
  gaps: Map<string, string>;
  footprint: Footprint | null;
}

/** The Body and FootPrint representations of a space (IfcProductDefinitionShape.Representations). */
export interface SpaceShapes {
  body: number[];
  footprint: number[];
}

export function spaceShapes(g: GeometryReader, representationId: number | null): SpaceShapes {
  const out: SpaceShapes = { body: [], footprint: [] };
  if (representationId === null) return out;
  const shape = g.entity(representationId, 'the representation');
  for (const repId of refs(attr(shape, 'IfcProductDefinitionShape', 'Representations'))) {
    const rep = g.reader.line(repId);
    if (!rep || !g.reader.isA(rep.type, W.IFCSHAPEREPRESENTATION)) continue;
    const identifier = str(attr(rep, 'IfcShapeRepresentation', 'RepresentationIdentifier'));
    if (identifier === 'Body') out.body.push(repId);
    else if (identifier === 'FootPrint') out.footprint.push(repId);
  }
  return out;
}

/** Quantities from the Body by the exact path; null when its items are not all swept solids. */
export function sweptBodyQuantities(g: GeometryReader, bodies: readonly number[], placement: Frame, toMetres: number): { body: BodyQuantities; needsMesh: string[] } | null {
  const solids: WorldExtrusion[] = [];
  for (const repId of bodies) {
    const rep = g.entity(repId, 'the body representation');
    for (const item of representationItems(rep)) {
      const s = sweptSolids(g, item, placement);
      if (!s) return null;
      solids.push(...s);
    }
  }
  if (solids.length === 0) return null;
  const source: GeometrySource = 'geometry:extrusion';
  const found: FoundQuantity[] = [];
  const add = (name: string, unit: string, value: number, method: string) => found.push({ name, unit, candidate: { source, value, method } });
  const L = toMetres;
  const plan = solids.map((s) => planPolygon(s.outer, s.holes, L));
  const single = solids.length === 1 ? solids[0] : null;
  const footprint = single ? [plan[0]] : unionPolygons(plan);
  const kinds = [...new Set(solids.map((s) => s.profileKind))].join(', ');
  // Floor area: the profile's own area (exact for rectangles and circles) for one solid; the union's for several.
  const area = single ? single.area * L * L * Math.abs(unitNormal(single.outer)[2]) : polygonsArea(footprint);
  const perimeter = single ? single.perimeter * L : outerPerimeter(footprint);
  const what = single ? `the area of its ${kinds}` : `the union of its ${solids.length} extruded profiles (${kinds}) in plan`;
  add('NetFloorArea', 'm2', area, `${what}; nothing is deducted for columns or shafts`);
  add('GrossFloorArea', 'm2', area, what);
  add('GrossPerimeter', 'm', perimeter, single ? `the outline of its ${kinds}` : 'the outline of the union of its profiles');
  const needsMesh: string[] = [];
  const gaps = new Map<string, string>();
  const clipped = solids.some((s) => s.clipped);
  let floorElevation: number | null = null;
  if (clipped) {
    needsMesh.push('GrossVolume', 'Height');
  } else {
    // Volume: each profile's area vector along its extrusion (an oblique extrusion keeps its volume).
    let volume = 0;
    let zMin = Infinity;
    let zMax = -Infinity;
    for (const s of solids) {
      volume += s.area * Math.abs(dot(unitNormal(s.outer), s.sweep)) * L * L * L;
      for (const p of s.outer) {
        zMin = Math.min(zMin, p[2], p[2] + s.sweep[2]);
        zMax = Math.max(zMax, p[2], p[2] + s.sweep[2]);
      }
    }
    add('GrossVolume', 'm3', volume, single ? 'profile area × extrusion depth' : `the sum of its ${solids.length} extruded solids' volumes`);
    add('Height', 'm', (zMax - zMin) * L, 'the vertical extent of its extrusion');
    floorElevation = zMin * L;
  }
  return { body: { found, gaps, footprint: { source, polygons: footprint, floorElevation } }, needsMesh };
}

/** Quantities from the triangulated body. */
export function meshBodyQuantities(mesh: TriangleMesh, only?: readonly string[]): BodyQuantities {
  const source: GeometrySource = 'geometry:mesh';
  const found: FoundQuantity[] = [];
  const gaps = new Map<string, string>();
  const wanted = (name: string) => !only || only.includes(name);
  let m;
  try {
    m = measureMesh(mesh);
  } catch (e) {
    if (!(e instanceof MeshIssue)) throw e;
    for (const name of REQUIRED_QUANTITY_NAMES) if (wanted(name)) gaps.set(name, e.message);
    return { found, gaps, footprint: null };
  }
  const add = (name: string, unit: string, value: number, method: string) => wanted(name) && found.push({ name, unit, candidate: { source, value, method } });
  const triangles = `${m.triangles} triangles`;
  add('NetFloorArea', 'm2', m.area, `the union of its downward faces in plan (${triangles}); nothing is deducted for columns or shafts`);
  add('GrossFloorArea', 'm2', m.area, `the union of its downward faces in plan (${triangles})`);
  add('GrossPerimeter', 'm', m.perimeter, 'the outline of that union');
  add('Height', 'm', m.height, 'the vertical extent of its body');
  if (m.volume !== null) add('GrossVolume', 'm3', m.volume, `signed tetrahedra over its closed body (${triangles})`);
  else if (wanted('GrossVolume')) gaps.set('GrossVolume', m.volumeIssue ?? 'the body has no volume');
  return { found, gaps, footprint: { source, polygons: m.footprint, floorElevation: m.floorElevation } };
}

/** A FootPrint curve set (IfcGeometricCurveSet of closed curves) in the space's placement. */
export function footprintQuantities(g: GeometryReader, reps: readonly number[], placement: Frame, toMetres: number): BodyQuantities | null {
  const rings: [number, number][][] = [];
  for (const repId of reps) {
    const rep = g.entity(repId, 'the footprint representation');
    for (const item of representationItems(rep)) {
      const line = g.entity(item, 'a footprint item');
      const curves = g.reader.isA(line.type, W.IFCGEOMETRICSET) ? refs(attr(line, 'IfcGeometricSet', 'Elements')) : [item];
      for (const c of curves) {
        const pts = openRing(curvePoints(g, c)).map((p) => apply(placement, p));
        if (pts.length >= 3) rings.push(pts.map((p) => [p[0] * toMetres, p[1] * toMetres]));
      }
    }
  }
  if (rings.length === 0) return null;
  const polygons = evenOddPolygons(rings);
  if (polygons.length === 0) throw new GeometryIssue('the FootPrint outline encloses no area');
  const source: GeometrySource = 'geometry:footprint';
  const area = polygonsArea(polygons);
  const found: FoundQuantity[] = [
    { name: 'GrossFloorArea', unit: 'm2', candidate: { source, value: area, method: 'the area inside its FootPrint outline' } },
    { name: 'NetFloorArea', unit: 'm2', candidate: { source, value: area, method: 'the area inside its FootPrint outline; nothing is deducted' } },
    { name: 'GrossPerimeter', unit: 'm', candidate: { source, value: outerPerimeter(polygons), method: 'the length of its FootPrint outline' } },
  ];
  return { found, gaps: new Map(), footprint: { source, polygons, floorElevation: null } };
}

function unitNormal(ring: readonly Vec3[]): Vec3 {
  const v = newellAreaVector(ring);
  const l = length(v);
  return l > 0 ? [v[0] / l, v[1] / l, v[2] / l] : [0, 0, 1];
}

/** A world ring (file units) projected on the plan, in metres, outer counter-clockwise. */
function planPolygon(outer: readonly Vec3[], holes: readonly Vec3[][], toMetres: number): PlanPolygon {
  const flat = (r: readonly Vec3[]) => r.map((p): [number, number] => [p[0] * toMetres, p[1] * toMetres]);
  const signed = (r: [number, number][]) => r.reduce((s, p, i) => s + p[0] * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * p[1], 0);
  const orient = (r: [number, number][], ccw: boolean) => ((signed(r) > 0) === ccw ? r : r.reverse());
  return { outer: orient(flat(outer), true), holes: holes.map((h) => orient(flat(h), false)) };
}

export { GeometryIssue };
