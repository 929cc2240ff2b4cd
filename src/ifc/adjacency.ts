// The space on the other side of an internal boundary. IFC4 may say so (CorrespondingBoundary);
// otherwise, best effort: another space's boundary on the same building element whose normal is
// opposite (within ~25°, dot < -0.9), the nearest by centre when several match. Without geometry or
// without such a partner the adjacent space stays unknown (null) rather than guessed.
import { EntityRef } from '../core/schedule/model';
import { BoundaryDraft } from './boundaries';
import { dot, sub, length } from './geometry/vec';

const OPPOSITE = -0.9;

export function linkAdjacentSpaces(bySpace: ReadonlyMap<number, BoundaryDraft[]>, spaceRef: (spaceId: number) => EntityRef): number {
  const byId = new Map<number, BoundaryDraft>();
  const byElement = new Map<number, BoundaryDraft[]>();
  for (const drafts of bySpace.values()) {
    for (const d of drafts) {
      byId.set(d.boundary.expressId, d);
      if (d.elementId === null) continue;
      let list = byElement.get(d.elementId);
      if (!list) byElement.set(d.elementId, (list = []));
      list.push(d);
    }
  }
  let linked = 0;
  for (const d of byId.values()) {
    if (d.boundary.internalOrExternal !== 'INTERNAL') continue;
    const stated = d.correspondingId !== null ? byId.get(d.correspondingId) : undefined;
    const other = stated && stated.spaceId !== d.spaceId ? stated : nearestOpposite(d, byElement.get(d.elementId ?? -1) ?? []);
    if (other) {
      d.boundary.adjacentSpace = spaceRef(other.spaceId);
      linked++;
    }
  }
  return linked;
}

function nearestOpposite(d: BoundaryDraft, candidates: BoundaryDraft[]): BoundaryDraft | undefined {
  const n = d.boundary.normal;
  if (!n || !d.worldCentroid) return undefined;
  let best: BoundaryDraft | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c.spaceId === d.spaceId || !c.boundary.normal || !c.worldCentroid) continue;
    if (dot(n, c.boundary.normal) >= OPPOSITE) continue;
    const distance = length(sub(c.worldCentroid, d.worldCentroid));
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}
