// Points, directions and placements: IfcCartesianPoint, IfcDirection, IfcAxis2Placement2D/3D and
// the IfcLocalPlacement chain (PlacementRelTo, recursively) that puts a space in the world. All in
// the file's length unit; callers scale to metres.
import * as W from '../schema/ifc-types';
import { ModelReader } from '../model-reader';
import { nums, ref } from '../step-values';
import { WarningCollector } from '../warnings';
import { compose, Frame, frameFrom, IDENTITY, Vec3 } from './vec';

/** Geometry that cannot be evaluated; the message becomes the boundary's areaIssue. */
export class GeometryIssue extends Error {}

export class GeometryReader {
  private readonly worldCache = new Map<number, Frame>();

  constructor(
    readonly reader: ModelReader,
    /** Radians per plane-angle unit of the file (for trimmed-curve parameters). */
    readonly planeAngleToRadians: number,
    private readonly warnings: WarningCollector,
  ) {}

  /** The line of `id`, which must be one of `types` (subtypes allowed) when given. */
  entity(id: number | null, what: string) {
    if (id === null) throw new GeometryIssue(`${what} is missing`);
    const line = this.reader.line(id);
    if (!line) throw new GeometryIssue(`${what} #${id} is not in the file`);
    return line;
  }

  point(id: number | null): Vec3 {
    const line = this.entity(id, 'a point');
    const c = line.type === W.IFCCARTESIANPOINT ? nums(line.arguments[0]) : null;
    if (!c || c.length < 2) throw new GeometryIssue(`point #${id} has no valid coordinates`);
    return [c[0], c[1], c[2] ?? 0];
  }

  direction(id: number | null): Vec3 | null {
    if (id === null) return null;
    const line = this.entity(id, 'a direction');
    const r = line.type === W.IFCDIRECTION ? nums(line.arguments[0]) : null;
    if (!r || r.length < 2) throw new GeometryIssue(`direction #${id} has no valid ratios`);
    return [r[0], r[1], r[2] ?? 0];
  }

  /** IfcAxis2Placement3D (Location, Axis, RefDirection) or IfcAxis2Placement2D (Location, RefDirection). */
  axisPlacement(id: number | null): Frame {
    if (id === null) return IDENTITY;
    const line = this.entity(id, 'a placement');
    const a = line.arguments;
    if (line.type === W.IFCAXIS2PLACEMENT3D) return frameFrom(this.point(ref(a[0])), this.direction(ref(a[1])), this.direction(ref(a[2])));
    if (line.type === W.IFCAXIS2PLACEMENT2D) return frameFrom(this.point(ref(a[0])), null, this.direction(ref(a[1])));
    if (line.type === W.IFCAXIS1PLACEMENT) return frameFrom(this.point(ref(a[0])), this.direction(ref(a[1])), null);
    throw new GeometryIssue(`placement #${id} is a ${this.reader.typeName(line.type)}, which is not supported`);
  }

  /** World frame of an object placement, following PlacementRelTo up to the top. */
  worldPlacement(id: number | null, depth = 0): Frame {
    if (id === null) return IDENTITY;
    const cached = this.worldCache.get(id);
    if (cached) return cached;
    let frame: Frame;
    const line = this.reader.line(id);
    if (!line) {
      this.warnings.add('dangling-reference', 'Some object placements point to entities that are not in the file; those objects are placed at the origin.', id, 'placement-missing');
      frame = IDENTITY;
    } else if (line.type === W.IFCLOCALPLACEMENT && depth >= 64) {
      this.warnings.add('geometry', 'Some object placements refer to each other in a loop; those objects are placed at the origin.', id, 'placement-cycle');
      frame = IDENTITY;
    } else if (line.type === W.IFCLOCALPLACEMENT) {
      // IfcLocalPlacement: PlacementRelTo, RelativePlacement.
      let local = IDENTITY;
      try {
        local = this.axisPlacement(ref(line.arguments[1]));
      } catch (e) {
        this.warnings.add('geometry', `Some placements are invalid (${(e as Error).message}); those objects are placed at their parent's origin.`, id, 'placement-invalid');
      }
      frame = compose(this.worldPlacement(ref(line.arguments[0]), depth + 1), local);
    } else {
      this.warnings.add('unsupported', `Placements of type ${this.reader.typeName(line.type)} are not supported; those objects are placed at the origin.`, id);
      frame = IDENTITY;
    }
    this.worldCache.set(id, frame);
    return frame;
  }
}
