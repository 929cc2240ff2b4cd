// Space boundaries (IfcRelSpaceBoundary and its IFC4 subtypes): level, physical/virtual,
// internal/external, the building element, and area and facing from the ConnectionGeometry.
// Boundary geometry is given in the space's object coordinate system (IFC2X3 and IFC4 agree), so the
// normal is carried through the space's placement chain into world coordinates.
import * as W from './schema/ifc-types';
import { InternalOrExternal, PhysicalOrVirtual, SpaceBoundary } from '../core/schedule/model';
import { boundaryLevel } from './boundary-level';
import { entityRef } from './entity-refs';
import { ExtractionRun } from './extraction-run';
import { facing } from './geometry/orientation';
import { GeometryIssue, GeometryReader } from './geometry/placement';
import { connectionShape } from './geometry/surfaces';
import { apply, normalize, rotate, scale, Vec3 } from './geometry/vec';
import { ModelReader } from './model-reader';
import { enumValue, ref, str } from './step-values';
import { reportDanglingRefs } from './spaces';
import { surfaceCategory } from './surface-category';

export interface BoundaryDraft {
  boundary: SpaceBoundary;
  spaceId: number;
  elementId: number | null;
  correspondingId: number | null;
  /** Centre of the boundary in world coordinates, metres (for matching the other side). */
  worldCentroid: Vec3 | null;
  /** Unit normal in world coordinates by the file's vertex order (not yet made outward). */
  worldNormal: Vec3 | null;
}

export interface BoundaryContext {
  /** Targets already checked for dangling references (shared with the spaces phase). */
  checkedRefs: Set<number>;
  reader: ModelReader;
  geometry: GeometryReader;
  /** Space express id → its ObjectPlacement id. */
  spacePlacements: ReadonlyMap<number, number | null>;
  lengthToMetres: number;
  trueNorth: [number, number];
  skipGeometry: boolean;
}

const PHYSICAL_OR_VIRTUAL = new Set<PhysicalOrVirtual>(['PHYSICAL', 'VIRTUAL', 'NOTDEFINED']);
const INTERNAL_OR_EXTERNAL = new Set<InternalOrExternal>(['INTERNAL', 'EXTERNAL', 'EXTERNAL_EARTH', 'EXTERNAL_WATER', 'EXTERNAL_FIRE', 'NOTDEFINED']);
/** Boundaries per slice: lines and geometry of one slice are read in a few batched calls, then released. */
const SLICE = 256;

const round = (v: number, digits = 6) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function readBoundaries(ctx: BoundaryContext, run: ExtractionRun): Promise<{ bySpace: Map<number, BoundaryDraft[]>; total: number }> {
  const { reader } = ctx;
  const ids = reader.ids(W.IFCRELSPACEBOUNDARY, true);
  const bySpace = new Map<number, BoundaryDraft[]>();
  let unattached = 0;
  for (let i = 0; i < ids.length; i += SLICE) {
    const slice = ids.slice(i, i + SLICE);
    reader.withScratch(() => {
      reader.prefetch(slice);
      const lines = slice.map((id) => reader.line(id)).filter((l) => l !== null);
      // IfcRelSpaceBoundary: GlobalId, OwnerHistory, Name, Description, RelatingSpace, RelatedBuildingElement,
      // ConnectionGeometry, PhysicalOrVirtualBoundary, InternalOrExternalBoundary (IFC4 1st: ParentBoundary; 2nd: CorrespondingBoundary).
      // Elements are kept as EntityRefs (entity-refs.ts), their lines dropped with the slice.
      reader.prefetch(lines.map((l) => ref(l.arguments[5])).filter((r): r is number => r !== null));
      if (!ctx.skipGeometry) reader.prefetchClosure(lines.map((l) => ref(l.arguments[6])).filter((r): r is number => r !== null));
      for (const line of lines) {
        const draft = boundaryDraft(ctx, line.ID, run);
        if (!draft) continue;
        const spaceId = draft.spaceId;
        if (spaceId === null || !ctx.spacePlacements.has(spaceId)) {
          unattached++;
          continue;
        }
        let list = bySpace.get(spaceId);
        if (!list) bySpace.set(spaceId, (list = []));
        list.push({ ...draft, spaceId });
      }
    });
    const done = Math.min(ids.length, i + SLICE);
    run.report('boundaries', `Reading space boundaries: ${done} / ${ids.length}`, done, ids.length);
    await run.checkpoint();
  }
  if (unattached) {
    run.warnings.add('other', `${unattached} space boundar${unattached === 1 ? 'y belongs' : 'ies belong'} to no space of the model (their RelatingSpace is missing or not an IfcSpace); ${unattached === 1 ? 'it is' : 'they are'} not listed.`);
  }
  return { bySpace, total: ids.length };
}

function boundaryDraft(ctx: BoundaryContext, id: number, run: ExtractionRun): (Omit<BoundaryDraft, 'spaceId'> & { spaceId: number | null }) | null {
  const { reader } = ctx;
  const line = reader.line(id);
  if (!line) return null;
  const a = line.arguments;
  // RelatingSpace is mandatory: a boundary without a reference there belongs to nothing we can show.
  if (a.length < 9) return reader.skip(id, `it has ${a.length} attributes instead of at least 9`);
  if (a[4] !== null && ref(a[4]) === null) return reader.skip(id, 'its RelatingSpace is not a reference');
  const spaceId = ref(a[4]);
  reportDanglingRefs(reader, id, [ref(a[1]), spaceId, ref(a[5]), ref(a[6])], ctx.checkedRefs, run);
  const name = str(a[2]);
  const description = str(a[3]);
  const pov = enumValue(a[7]) as PhysicalOrVirtual | null;
  const ioe = enumValue(a[8]) as InternalOrExternal | null;
  const elementId = ref(a[5]);
  const element = elementId !== null ? entityRef(reader, elementId, run.warnings) : null;
  const correspondingId = line.type === W.IFCRELSPACEBOUNDARY2NDLEVEL ? ref(a[10]) : null;
  const correspondingLine = correspondingId !== null ? reader.line(correspondingId) : null;

  let area: number | null = null;
  let areaIssue: string | null = null;
  let normal: Vec3 | null = null;
  let worldCentroid: Vec3 | null = null;
  if (ctx.skipGeometry) {
    areaIssue = 'Geometry was not read (quick listing without boundary geometry).';
  } else {
    try {
      const shape = connectionShape(ctx.geometry, ref(a[6]));
      const frame = ctx.geometry.worldPlacement(spaceId !== null ? (ctx.spacePlacements.get(spaceId) ?? null) : null);
      area = round(shape.area * ctx.lengthToMetres * ctx.lengthToMetres);
      normal = normalize(rotate(frame, shape.areaVector));
      worldCentroid = scale(apply(frame, shape.centroid), ctx.lengthToMetres);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      areaIssue = e instanceof GeometryIssue ? `${message.charAt(0).toUpperCase()}${message.slice(1)}.` : `The geometry could not be evaluated: ${message}.`;
      run.warnings.add('geometry', 'Some space boundaries have no usable geometry; their area is left empty (each says why in its area issue).', id, 'boundary-geometry');
    }
  }
  const physicalOrVirtual = pov && PHYSICAL_OR_VIRTUAL.has(pov) ? pov : null;
  return {
    spaceId,
    elementId,
    correspondingId,
    worldCentroid,
    worldNormal: normal,
    boundary: {
      expressId: id,
      globalId: str(a[0]),
      ifcType: reader.typeName(line.type),
      name,
      description,
      ...boundaryLevel(line.type, reader.schemaFamily, name, description),
      physicalOrVirtual,
      internalOrExternal: ioe && INTERNAL_OR_EXTERNAL.has(ioe) ? ioe : null,
      relatedElement: element,
      correspondingBoundary: correspondingLine ? str(correspondingLine.arguments[0]) : null,
      adjacentSpace: null,
      // Category, normal and facing are set by finishBoundary once the normal points outward.
      surfaceCategory: 'other',
      area,
      areaIssue,
      normal: null,
      orientation: null,
      azimuthDeg: null,
    },
  };
}

/** Sets the outward normal (`flip` when the file's vertex order makes it point into the space), facing and category. */
export function finishBoundary(draft: BoundaryDraft, flip: boolean, trueNorth: [number, number]): void {
  const b = draft.boundary;
  const n = draft.worldNormal ? (flip ? scale(draft.worldNormal, -1) : draft.worldNormal) : null;
  const face = n ? facing(n, trueNorth) : null;
  b.normal = n ? [round(n[0]), round(n[1]), round(n[2])] : null;
  b.orientation = face?.orientation ?? null;
  b.azimuthDeg = face?.azimuthDeg ?? null;
  b.surfaceCategory = surfaceCategory(b.physicalOrVirtual, b.relatedElement && b.relatedElement.type !== 'missing' ? b.relatedElement.type : null, n);
}
