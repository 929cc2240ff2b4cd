// The geometry phase of an extraction: for every room, what its own body and footprint say
// (space-body.ts), with web-ifc's triangulation only where the exact path cannot serve. One room's
// bad geometry is that room's gap with its reason; it never stops the others.
import { Footprint } from '../../core/schedule/model';
import { FoundQuantity, REQUIRED_QUANTITY_NAMES } from '../../core/schedule/room-quantities';
import { ExtractionRun } from '../extraction-run';
import { GeometryIssue, GeometryReader } from '../geometry/placement';
import { ModelReader } from '../model-reader';
import { SpaceDraft } from '../spaces';
import { BodyQuantities, footprintQuantities, meshBodyQuantities, spaceShapes, sweptBodyQuantities } from './space-body';
import { MeshSource, spaceMesh } from './space-mesh';

export interface RoomGeometry {
  found: FoundQuantity[];
  gaps: Map<string, string>;
  footprint: Footprint | null;
}

/**
 * 'where-needed': the exact path for swept bodies, web-ifc's triangulation for the rest (the app);
 * 'mesh-every-room': also triangulate rooms measured exactly, as a cross-check (tests);
 * 'off': no room geometry (the benchmark's side-by-side, and quick listings).
 */
export type RoomGeometryMode = 'where-needed' | 'mesh-every-room' | 'off';

export interface RoomGeometryOptions {
  mode?: RoomGeometryMode;
}

const SLICE = 256;

const ALL_QUANTITIES = REQUIRED_QUANTITY_NAMES;

export async function readRoomGeometry(
  meshSource: () => Promise<MeshSource>,
  reader: ModelReader,
  geometry: GeometryReader,
  drafts: readonly SpaceDraft[],
  lengthToMetres: number,
  run: ExtractionRun,
  options: RoomGeometryOptions = {},
): Promise<Map<number, RoomGeometry>> {
  const out = new Map<number, RoomGeometry>();
  const unreadable = (id: number, e: unknown) => {
    // A room whose records make no sense (a list where a reference belongs…) is that room's gap.
    const reason = `its geometry could not be read (${e instanceof Error ? e.message : String(e)})`;
    out.set(id, { found: [], gaps: new Map(ALL_QUANTITIES.map((n) => [n, reason])), footprint: null });
  };
  for (let i = 0; i < drafts.length; i += SLICE) {
    const slice = drafts.slice(i, i + SLICE);
    const toMesh: { id: number; room: RoomGeometry; meshFor: string[] }[] = [];
    reader.withScratch(() => {
      reader.prefetchClosure(slice.map((d) => d.representationId).filter((r): r is number => r !== null));
      for (const d of slice) {
        try {
          const { room, meshFor } = exactQuantities(geometry, d, lengthToMetres, options);
          out.set(d.space.expressId, room);
          if (meshFor) toMesh.push({ id: d.space.expressId, room, meshFor });
        } catch (e) {
          unreadable(d.space.expressId, e);
        }
      }
    });
    // Only now web-ifc: the fast engine loads it (and opens the rooms' subset model) when the first
    // room needs its triangulation, and a model of extruded rooms never does.
    if (toMesh.length) {
      const source = await meshSource();
      for (const m of toMesh) {
        try {
          meshQuantities(source, m.id, m.room, m.meshFor);
        } catch (e) {
          unreadable(m.id, e);
        }
      }
    }
    const done = Math.min(drafts.length, i + SLICE);
    run.report('geometry', `Measuring rooms: ${done} / ${drafts.length}`, done, drafts.length);
    await run.checkpoint();
  }
  return out;
}

function merge(result: RoomGeometry, b: BodyQuantities): void {
  result.found.push(...b.found);
  for (const [k, v] of b.gaps) if (!result.gaps.has(k)) result.gaps.set(k, v);
  result.footprint ??= b.footprint;
}

/** What a room's own records give exactly, and the quantities still to take from web-ifc's triangulation. */
function exactQuantities(g: GeometryReader, d: SpaceDraft, L: number, options: RoomGeometryOptions): { room: RoomGeometry; meshFor: string[] | null } {
  const result: RoomGeometry = { found: [], gaps: new Map(), footprint: null };
  const fail = (names: string[], e: unknown) => {
    if (!(e instanceof GeometryIssue)) throw e;
    for (const n of names) if (!result.gaps.has(n)) result.gaps.set(n, e.message);
  };
  const all = [...ALL_QUANTITIES];
  let shapes;
  try {
    shapes = spaceShapes(g, d.representationId);
  } catch (e) {
    fail(all, e);
    return { room: result, meshFor: null };
  }
  if (shapes.body.length === 0 && shapes.footprint.length === 0) {
    for (const n of all) result.gaps.set(n, 'the room has no Body or FootPrint representation');
    return { room: result, meshFor: null };
  }
  const placement = g.worldPlacement(d.placementId);
  let meshFor: string[] | null = null;
  if (shapes.body.length) {
    try {
      const swept = sweptBodyQuantities(g, shapes.body, placement, L);
      if (swept) {
        merge(result, swept.body);
        if (swept.needsMesh.length) meshFor = swept.needsMesh;
      } else {
        meshFor = all;
      }
    } catch (e) {
      fail(all, e);
    }
    if (options.mode === 'mesh-every-room') meshFor = all;
  }
  if (shapes.footprint.length) {
    try {
      const fp = footprintQuantities(g, shapes.footprint, placement, L);
      if (fp) {
        // The FootPrint outline is drawn for the plan: it serves before a triangulated body's shadow.
        if (result.footprint === null) result.footprint = fp.footprint;
        result.found.push(...fp.found);
      }
    } catch (e) {
      fail(['NetFloorArea', 'GrossFloorArea', 'GrossPerimeter'], e);
    }
  }
  return { room: result, meshFor };
}

/** The quantities `meshFor` from web-ifc's triangulation of the room's body, added to `result`. */
function meshQuantities(source: MeshSource, spaceId: number, result: RoomGeometry, meshFor: string[]): void {
  let mesh;
  try {
    mesh = spaceMesh(source, spaceId);
  } catch (e) {
    // web-ifc's kernel throws plain errors (or aborts) on geometry it cannot triangulate.
    for (const n of meshFor) if (!result.gaps.has(n)) result.gaps.set(n, `web-ifc could not triangulate the body (${e instanceof Error ? e.message : String(e)})`);
    return;
  }
  if (mesh.indices.length === 0) {
    for (const n of meshFor) if (!result.gaps.has(n)) result.gaps.set(n, 'web-ifc gives no triangles for the body');
  } else {
    merge(result, meshBodyQuantities(mesh, meshFor));
  }
}
