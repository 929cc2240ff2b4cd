// Per-space figures derived at the end: surface totals by category from its boundaries, and the
// room's quantities chosen from every source (the file's sets, its own geometry, its floor
// boundaries). Totals and the boundary floor area use one level of boundaries (2nd level if
// present, else 1st, else all) so a file carrying both levels is not counted twice.
import { Space, SpaceBoundary, SurfaceCategory, SurfaceTotals } from '../core/schedule/model';
import { chooseRoomQuantities, FoundQuantity } from '../core/schedule/room-quantities';
import { levelForTotals } from './boundary-level';
import { boundaryFloorArea } from './quantities';
import { RoomGeometry } from './space-geometry/room-geometry';

const CATEGORY_ORDER: SurfaceCategory[] = ['wall', 'window', 'door', 'floor', 'ceiling', 'virtual', 'other'];

export function finishSpace(space: Space, boundaries: SpaceBoundary[], fileQuantities: readonly FoundQuantity[], geometry: RoomGeometry | undefined): Space {
  const chosen = levelForTotals(boundaries);
  const totals = new Map<SurfaceCategory, SurfaceTotals>();
  for (const b of chosen.boundaries) {
    let t = totals.get(b.surfaceCategory);
    if (!t) totals.set(b.surfaceCategory, (t = { category: b.surfaceCategory, count: 0, area: 0, missingArea: 0 }));
    t.count++;
    if (b.area === null) t.missingArea++;
    else t.area += b.area;
  }
  const floors = chosen.boundaries.filter((b) => b.surfaceCategory === 'floor');
  space.boundaries = boundaries;
  space.surfaceTotals = CATEGORY_ORDER.filter((c) => totals.has(c)).map((c) => {
    const t = totals.get(c)!;
    return { ...t, area: Math.round(t.area * 1e6) / 1e6 };
  });
  const fromBoundaries = boundaryFloorArea({
    areas: floors.map((b) => b.area).filter((a): a is number => a !== null),
    missing: floors.filter((b) => b.area === null).length,
    level: chosen.level,
  });
  const gaps = new Map(geometry?.gaps ?? []);
  if (!fromBoundaries && floors.length) gaps.set('NetFloorArea', `${gaps.get('NetFloorArea') ?? 'no body'}; its floor boundaries have no usable geometry`);
  const { quantities, findings } = chooseRoomQuantities([...fileQuantities, ...(geometry?.found ?? []), ...(fromBoundaries ? [fromBoundaries] : [])], gaps);
  space.quantities = quantities;
  space.quantityFindings = findings;
  space.footprint = geometry?.footprint ?? null;
  return space;
}
