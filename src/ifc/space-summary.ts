// Per-space figures derived from its boundaries: surface totals by category and, when no quantity
// set gives it, the net floor area from the floor boundaries. Both use one level of boundaries
// (2nd level if present, else 1st, else all) so a file carrying both levels is not counted twice.
import { Space, SpaceBoundary, SurfaceCategory, SurfaceTotals } from '../core/schedule/model';
import { levelForTotals } from './boundary-level';
import { withNetFloorArea } from './quantities';

const CATEGORY_ORDER: SurfaceCategory[] = ['wall', 'window', 'door', 'floor', 'ceiling', 'virtual', 'other'];

export function finishSpace(space: Space, boundaries: SpaceBoundary[]): Space {
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
  space.quantities = withNetFloorArea(space.quantities, {
    areas: floors.map((b) => b.area).filter((a): a is number => a !== null),
    missing: floors.filter((b) => b.area === null).length,
    level: chosen.level,
  });
  return space;
}
