// Which way is out. Neither IFC2X3 nor IFC4 fixes the direction of a space boundary's normal, and
// exporters differ (measured: ArchiCAD 18/20 files in test/fixtures point every normal into the
// space, SWW-5_SB.ifc points them out of it). The schedule reports outward normals, so for each
// space we take the boundaries' signed enclosed volume (divergence theorem, V = 1/3 Σ (c − o)·A over
// its boundaries): positive when the normals point out, negative when they point in, whatever the
// room's shape. Spaces whose boundaries enclose no volume keep the file's vertex order.
import { BoundaryDraft, finishBoundary } from './boundaries';
import { dot, sub, Vec3 } from './geometry/vec';
import { WarningCollector } from './warnings';

/** |V| below this share of the volume scale (area^1.5) is "no volume": a lone or flat set of boundaries. */
const MIN_VOLUME_SHARE = 1e-3;

export function signedVolume(drafts: readonly BoundaryDraft[]): { volume: number; scale: number } {
  const placed = drafts.filter((d) => d.worldNormal && d.worldCentroid && d.boundary.area !== null);
  if (placed.length === 0) return { volume: 0, scale: 0 };
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const d of placed) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], d.worldCentroid![k]);
      max[k] = Math.max(max[k], d.worldCentroid![k]);
    }
  }
  const centre: Vec3 = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  let volume = 0;
  let area = 0;
  for (const d of placed) {
    volume += (dot(sub(d.worldCentroid!, centre), d.worldNormal!) * d.boundary.area!) / 3;
    area += d.boundary.area!;
  }
  return { volume, scale: Math.pow(area, 1.5) };
}

/** Makes every boundary's normal point out of its space, then sets facing and category. */
export function orientOutward(bySpace: ReadonlyMap<number, BoundaryDraft[]>, trueNorth: [number, number], warnings: WarningCollector): void {
  for (const drafts of bySpace.values()) {
    const { volume, scale } = signedVolume(drafts);
    const decided = scale > 0 && Math.abs(volume) >= MIN_VOLUME_SHARE * scale;
    if (!decided && drafts.some((d) => d.worldNormal)) {
      warnings.add('geometry', "Some spaces' boundaries do not enclose a volume, so which side is outside cannot be checked; their facing follows the file's vertex order.", drafts[0].spaceId, 'facing-unchecked');
    }
    const flip = decided && volume < 0;
    for (const d of drafts) finishBoundary(d, flip, trueNorth);
  }
}
