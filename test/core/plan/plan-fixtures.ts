// Small hand-made storeys for the plan's tests: rooms as rectangles (or any ring), with the fields
// the plan reads (number, long name, net floor area, storey, footprint) and nothing invented beyond.
import { PlanPoint, PlanPolygon, Quantity, RoomSchedule, Space, StoreyRef } from '../../../src/core/schedule/model';
import { polygonsArea } from '../../../src/core/geometry/plan-polygons';

export const GROUND: StoreyRef = { expressId: 10, globalId: 'storey-ground', name: 'Ground floor', elevation: 0 };
export const FIRST: StoreyRef = { expressId: 11, globalId: 'storey-first', name: 'First floor', elevation: 3.2 };

export function rect(x0: number, y0: number, x1: number, y1: number): PlanPoint[] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

/** A room whose area is its outline's (as the file's quantity set would give). */
export function room(id: number, number: string, longName: string, polygons: PlanPolygon[] | null, storey: StoreyRef | null = GROUND, extra: Partial<Space> = {}): Space {
  const area = polygons ? polygonsArea(polygons) : null;
  const quantities: Quantity[] = [{ name: 'NetFloorArea', value: area, unit: 'm2', source: area === null ? 'missing' : 'qto:Qto_SpaceBaseQuantities', candidates: area === null ? [] : [{ source: 'qto:Qto_SpaceBaseQuantities', value: area }], disputed: false }];
  return {
    expressId: id,
    globalId: `room-${id}`,
    name: number,
    longName,
    description: null,
    objectType: null,
    storey,
    zones: [],
    propertySets: [],
    quantities,
    quantityFindings: [],
    footprint: polygons ? { source: 'geometry:extrusion', polygons, floorElevation: storey?.elevation ?? 0 } : null,
    boundaries: [],
    surfaceTotals: [],
    relationships: [],
    ...extra,
  };
}

export function schedule(spaces: Space[], trueNorthDeg = 0): RoomSchedule {
  return {
    metadata: {
      source: { name: 'hand-made.ifc', path: null, sizeBytes: 0, sha256: '0'.repeat(64), container: 'ifc' },
      schema: 'IFC4',
      authoringTool: null,
      author: null,
      organization: null,
      fileTimestamp: null,
      projectName: null,
      trueNorthDeg,
      lengthUnitToMetres: 1,
      extractedAt: '2026-01-01T00:00:00Z',
      appVersion: 'test',
      engine: { name: 'web-ifc', version: 'test' },
      counts: { spaces: spaces.length, boundaries: 0, storeys: 1, zones: 0, skippedEntities: 0 },
      timingsMs: {},
    },
    spaces,
    warnings: [],
  } as RoomSchedule;
}

/**
 * A storey of `count` rooms as an office floor is drawn: a grid of 4 × 5 m rooms with a corridor
 * every two rows, every third room L-shaped and every seventh with a shaft (a hole), numbered
 * 1.001… and named by use, so labels, holes and hit-testing all have work to do.
 */
export function officeFloor(count: number, storeys: StoreyRef[] = [GROUND]): RoomSchedule {
  const uses = ['Office', 'Meeting room', 'Store', 'Kitchen', 'WC', 'Server room', 'Copy room'];
  const perRow = 40;
  const spaces: Space[] = [];
  storeys.forEach((storey, level) => {
  for (let i = 0; i < count; i++) {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    const x0 = col * 4;
    const y0 = row * 5 + Math.floor(row / 2) * 2;
    const outer: PlanPoint[] = i % 3 === 0 ? [[x0, y0], [x0 + 4, y0], [x0 + 4, y0 + 3], [x0 + 2.5, y0 + 3], [x0 + 2.5, y0 + 5], [x0, y0 + 5]] : rect(x0, y0, x0 + 4, y0 + 5);
    const holes = i % 7 === 0 ? [rect(x0 + 0.5, y0 + 0.5, x0 + 1.1, y0 + 1.1).reverse()] : [];
    const use = uses[i % uses.length];
    spaces.push(room(100000 * (level + 1) + i, `${level + 1}.${String(i + 1).padStart(3, '0')}`, `${use} ${i + 1}`, [{ outer, holes }], storey, { propertySets: [{ name: 'Pset_SpaceCommon', globalId: null, type: 'IfcPropertySet', properties: [{ name: 'Category', value: use }] }] }));
  }
  });
  return schedule(spaces);
}
