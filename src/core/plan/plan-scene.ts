// A storey as an abstract scene: room shapes with their fills, legend entries, the label point of
// each room, the north direction and the frame the drawing is in. Both back ends (Qt's painter in
// the window, the SVG writer for exports and the PDF) draw from this, and hit-testing reads it.
import polygonClipping, { Polygon } from 'polygon-clipping';
import { PlanPolygon, RoomSchedule, Space } from '../schedule/model';
import { formatArea, listedArea } from '../schedule/space-rows';
import { polygonsArea } from '../geometry/plan-polygons';
import { ColourKey, colourRooms, LegendEntry, RoomColouring } from './colour-schemes';
import { Box, boxOf, boxesOverlap, EMPTY_BOX, isEmptyBox, poleOfInaccessibility, polygonsContain, prevailingAngle, rotatePolygons, unionBox } from './plan-geometry';
import { PlanStorey, planStoreys } from './plan-storeys';
import { PLAN_ORIENTATIONS, PlanOrientation } from './plan-options';

export { PLAN_ORIENTATIONS, PlanOrientation };

export interface PlanRoom {
  /** Index into schedule.spaces. */
  spaceIndex: number;
  globalId: string | null;
  /** The IfcSpace Name, trimmed; "" when it has none. */
  number: string;
  /** The long name (or the name when there is no long name and no number), trimmed. */
  name: string;
  /** The listed net floor area (m²), null when unknown. */
  area: number | null;
  /** "19.0 m²", "" when the area is unknown. */
  areaText: string;
  /** What a tooltip or an SVG <title> says: number, name, area and storey. */
  title: string;
  /** The outline in the drawing frame (metres, Y up, turned by the scene's rotation). */
  polygons: PlanPolygon[];
  box: Box;
  /** Area of the outline (m²), which decides which of two nested rooms is the inner one. */
  outlineArea: number;
  /** How many other rooms of the storey contain this one (0 for most). */
  depth: number;
  /** Rooms (spaceIndex) whose outline boxes overlap this one's: only their labels can collide with this room's. */
  overlaps: number[];
  /** Where the label may go: the outline minus the rooms inside it. */
  labelArea: PlanPolygon[];
  /** The label's centre: the point of labelArea farthest from its outline, and that distance. */
  labelAt: [number, number];
  labelRadius: number;
  fill: string;
  legendId: string;
  footprintSource: string;
}

export interface PlanScene {
  storey: PlanStorey;
  modelName: string;
  colourKey: ColourKey;
  legendTitle: string;
  /** The entries rooms of this storey use, with counts on this storey, in legend order. */
  legend: LegendEntry[];
  /** In drawing order: outer rooms before the rooms inside them, larger before smaller. */
  rooms: PlanRoom[];
  /** Rooms of this storey with no outline to draw (neither body nor floor boundaries gave one). */
  missing: { spaceIndex: number; number: string; name: string }[];
  box: Box;
  /** Degrees counter-clockwise from the model's XY to the drawing frame. */
  rotationDeg: number;
  /** Where true north points on the drawing: degrees clockwise from up. */
  northDeg: number;
}

export interface SceneOptions {
  colourBy: ColourKey;
  orientation?: PlanOrientation;
  /** Which rooms have notes (the app's live notes); the schedule's own annotations otherwise. */
  isAnnotated?: (space: Space) => boolean;
  /** The model's colouring, computed once for every storey (colours are model-wide). */
  colouring?: RoomColouring;
}

export function annotatedIn(schedule: Pick<RoomSchedule, 'annotations'>): (space: Space) => boolean {
  const notes = schedule.annotations;
  if (!notes) return () => false;
  return (s) => !!notes.spaces.get(s.globalId ?? `#${s.expressId}`)?.trim() || s.boundaries.some((b) => !!notes.boundaries.get(b.globalId ?? `#${b.expressId}`)?.trim());
}

export function sceneColouring(schedule: RoomSchedule, options: Pick<SceneOptions, 'colourBy' | 'isAnnotated'>): RoomColouring {
  return colourRooms(schedule.spaces, options.colourBy, options.isAnnotated ?? annotatedIn(schedule));
}

/** The rotation (counter-clockwise, degrees) from model XY to the drawing frame, the same for every storey of a model. */
export function planRotation(schedule: RoomSchedule, orientation: PlanOrientation): number {
  if (orientation === 'model') return 0;
  if (orientation === 'north') return schedule.metadata.trueNorthDeg;
  const angle = prevailingAngle(schedule.spaces.flatMap((s) => s.footprint?.polygons ?? []));
  // Under half a degree is drawing noise, not a turned grid.
  return Math.abs(angle) < 0.5 ? 0 : -angle;
}

function roomTexts(space: Space, storeyLabel: string): Pick<PlanRoom, 'number' | 'name' | 'area' | 'areaText' | 'title'> {
  const number = space.name?.trim() ?? '';
  const name = space.longName?.trim() || (number ? '' : `(unnamed #${space.expressId})`);
  const area = listedArea(space).value;
  const areaText = area === null ? '' : `${area.toFixed(1)} m²`;
  const head = [number, name].filter((t) => t).join(' ');
  return { number, name, area, areaText, title: `${head} — ${area === null ? 'area unknown' : formatArea(area)} — ${storeyLabel}` };
}

function toClip(polygons: readonly PlanPolygon[]): Polygon[] {
  const ring = (r: readonly [number, number][]) => [...r.map(([x, y]) => [x, y] as [number, number]), [r[0][0], r[0][1]] as [number, number]];
  return polygons.map((p) => [ring(p.outer), ...p.holes.map(ring)]);
}

/** `outer` minus the rooms inside it; the outline itself when the difference fails or leaves nothing. */
function freeArea(outer: PlanPolygon[], inner: PlanPolygon[][]): PlanPolygon[] {
  try {
    const result = polygonClipping.difference(toClip(outer), ...inner.map(toClip));
    const open = (r: [number, number][]): [number, number][] => r.slice(0, -1);
    const free = result.map((poly) => ({ outer: open(poly[0]), holes: poly.slice(1).map(open) })).filter((p) => p.outer.length >= 3);
    return free.length ? free : outer;
  } catch {
    return outer;
  }
}

/** Finds overlapping and nested rooms: B is inside A when A is larger, A's box holds B's and B's label point lies in A. */
function nest(rooms: PlanRoom[]): void {
  const EPS = 1e-3;
  // Rooms that share a wall touch along it: only overlaps deeper than a millimetre count.
  const shrunk = (b: Box): Box => ({ minX: b.minX + EPS, minY: b.minY + EPS, maxX: b.maxX - EPS, maxY: b.maxY - EPS });
  const inside = (b: Box, a: Box) => b.minX >= a.minX - EPS && b.maxX <= a.maxX + EPS && b.minY >= a.minY - EPS && b.maxY <= a.maxY + EPS;
  const innerOf = new Map<PlanRoom, PlanRoom[]>();
  // Rooms sorted by their left edge: a pair can only overlap while the second starts before the first ends.
  const byX = [...rooms].sort((a, b) => a.box.minX - b.box.minX);
  for (let i = 0; i < byX.length; i++) {
    for (let j = i + 1; j < byX.length && byX[j].box.minX < byX[i].box.maxX - EPS; j++) {
      const [a, b] = [byX[i], byX[j]];
      if (!boxesOverlap(shrunk(a.box), b.box)) continue;
      a.overlaps.push(b.spaceIndex);
      b.overlaps.push(a.spaceIndex);
    }
  }
  const bySpace = new Map(rooms.map((r) => [r.spaceIndex, r]));
  for (const a of rooms) {
    for (const other of a.overlaps) {
      const b = bySpace.get(other)!;
      if (b.outlineArea >= a.outlineArea || !inside(b.box, a.box)) continue;
      if (!polygonsContain(a.polygons, b.labelAt[0], b.labelAt[1])) continue;
      b.depth++;
      const list = innerOf.get(a) ?? [];
      list.push(b);
      innerOf.set(a, list);
    }
  }
  for (const [a, inner] of innerOf) {
    a.labelArea = freeArea(a.polygons, inner.map((b) => b.polygons));
    const pole = poleOfInaccessibility(a.labelArea);
    a.labelAt = pole.point;
    a.labelRadius = pole.radius;
  }
}

export function buildPlanScene(schedule: RoomSchedule, storey: PlanStorey, options: SceneOptions): PlanScene {
  const colouring = options.colouring ?? sceneColouring(schedule, options);
  const rotationDeg = planRotation(schedule, options.orientation ?? 'aligned');
  const rooms: PlanRoom[] = [];
  const missing: PlanScene['missing'] = [];
  for (const spaceIndex of storey.spaceIndexes) {
    const space = schedule.spaces[spaceIndex];
    const texts = roomTexts(space, storey.label);
    const outline = space.footprint?.polygons.filter((p) => p.outer.length >= 3) ?? [];
    if (outline.length === 0) {
      missing.push({ spaceIndex, number: texts.number, name: texts.name });
      continue;
    }
    const polygons = rotatePolygons(outline, rotationDeg);
    const pole = poleOfInaccessibility(polygons);
    rooms.push({
      spaceIndex,
      globalId: space.globalId,
      ...texts,
      polygons,
      box: boxOf(polygons),
      outlineArea: polygonsArea(polygons),
      depth: 0,
      overlaps: [],
      labelArea: polygons,
      labelAt: pole.point,
      labelRadius: pole.radius,
      fill: colouring.fillOf(spaceIndex),
      legendId: colouring.entryOf[spaceIndex],
      footprintSource: space.footprint!.source,
    });
  }
  nest(rooms);
  rooms.sort((a, b) => a.depth - b.depth || b.outlineArea - a.outlineArea || a.spaceIndex - b.spaceIndex);
  const used = new Map<string, number>();
  for (const r of rooms) used.set(r.legendId, (used.get(r.legendId) ?? 0) + 1);
  const legend = colouring.entries.filter((e) => used.has(e.id)).map((e) => ({ ...e, count: used.get(e.id)! }));
  const box = rooms.reduce((b, r) => unionBox(b, r.box), EMPTY_BOX);
  return {
    storey,
    modelName: schedule.metadata.source.name,
    colourKey: colouring.key,
    legendTitle: colouring.title,
    legend,
    rooms,
    missing,
    box: isEmptyBox(box) ? { minX: 0, minY: 0, maxX: 1, maxY: 1 } : box,
    rotationDeg,
    northDeg: (((schedule.metadata.trueNorthDeg - rotationDeg) % 360) + 360) % 360,
  };
}

/** Every storey's scene, colours shared. */
export function buildPlanScenes(schedule: RoomSchedule, options: SceneOptions): PlanScene[] {
  const colouring = options.colouring ?? sceneColouring(schedule, options);
  return planStoreys(schedule).map((s) => buildPlanScene(schedule, s, { ...options, colouring }));
}
