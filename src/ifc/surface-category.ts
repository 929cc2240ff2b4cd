// What a boundary is to the room: wall, floor, ceiling, window, door, virtual or other. Openings
// are known by their element class; slabs, roofs, coverings, plates and proxies by which way the
// boundary faces (outward normal down: the floor; up: the ceiling, including roofs).
import { PhysicalOrVirtual, SurfaceCategory } from '../core/schedule/model';
import { HORIZONTAL_NZ } from './geometry/orientation';
import { Vec3 } from './geometry/vec';

const BY_CLASS: [RegExp, SurfaceCategory][] = [
  [/^IfcWindow/, 'window'],
  [/^IfcDoor/, 'door'],
  [/^(IfcWall|IfcCurtainWall)/, 'wall'],
];

/** Classes whose role depends on the surface's facing; vertical faces of slabs and roofs are edges, not walls. */
const BY_NORMAL: [RegExp, SurfaceCategory][] = [
  [/^(IfcSlab|IfcRoof)/, 'other'],
  [/^(IfcCovering|IfcPlate|IfcBuildingElementProxy|IfcBuildingElementPart|IfcShadingDevice)/, 'wall'],
];

export function surfaceCategory(physicalOrVirtual: PhysicalOrVirtual | null, elementType: string | null, worldNormal: Vec3 | null): SurfaceCategory {
  if (physicalOrVirtual === 'VIRTUAL') return 'virtual';
  if (elementType) {
    for (const [re, category] of BY_CLASS) if (re.test(elementType)) return category;
  }
  // No element at all: a physical boundary whose element was not exported; judge by facing.
  const rule = elementType ? BY_NORMAL.find(([re]) => re.test(elementType)) : ([/./, 'wall'] as [RegExp, SurfaceCategory]);
  if (!rule || !worldNormal) return 'other';
  if (worldNormal[2] <= -HORIZONTAL_NZ) return 'floor';
  if (worldNormal[2] >= HORIZONTAL_NZ) return 'ceiling';
  return rule[1];
}
