// IfcSpace records: attributes as written (names keep their trailing spaces), the storey they are
// on, their zones, property sets and quantities.
import * as W from './schema/ifc-types';
import { EntityRef, Space, StoreyRef } from '../core/schedule/model';
import { RoomPreview } from '../core/schedule/room-preview';
import { entityRef } from './entity-refs';
import { ExtractionRun } from './extraction-run';
import { ModelReader } from './model-reader';
import { DecodedSet, PropertySetReader } from './property-sets';
import { FoundQuantity } from '../core/schedule/room-quantities';
import { fileQuantities } from './quantities';
import { SpaceLink } from './relationship-index';
import { ATTRIBUTES, attr } from './step-attributes';
import { num, RawLine, ref, refs, str } from './step-values';
import { ProjectUnits } from './units';
import { WarningCollector } from './warnings';

export interface SpaceDraft {
  space: Space;
  placementId: number | null;
  representationId: number | null;
  /** Every value the file's sets give for a room quantity, before the choice. */
  fileQuantities: FoundQuantity[];
}

const SLICE = 4096;

export async function readSpaces(reader: ModelReader, spaceIds: number[], links: ReadonlyMap<number, SpaceLink[]>, psets: PropertySetReader, units: ProjectUnits, checkedRefs: Set<number>, run: ExtractionRun): Promise<SpaceDraft[]> {
  const drafts: SpaceDraft[] = [];
  const storeys = new Map<number, StoreyRef | null>();
  for (let i = 0; i < spaceIds.length; i += SLICE) {
    const slice = spaceIds.slice(i, i + SLICE);
    reader.prefetch(slice);
    const sliceLinks = slice.flatMap((id) => links.get(id) ?? []);
    reader.prefetch(sliceLinks.filter((l) => l.category === 'inZone' || l.category === 'decomposes' || l.category === 'containedIn' || l.category === 'definedByType').map((l) => l.related));
    psets.load(sliceLinks.filter((l) => l.category === 'definedByProperties').map((l) => l.related));
    psets.load(typePropertySetIds(reader, sliceLinks));
    for (const id of slice) {
      const line = reader.line(id);
      if (!line) continue;
      if (line.arguments.length < 8) {
        reader.skip(id, `it has ${line.arguments.length} attributes instead of at least 8`);
        continue;
      }
      reportDanglingRefs(reader, line.ID, line.arguments.map(ref), checkedRefs, run);
      if (!str(line.arguments[0])) {
        run.warnings.add('bad-entity', 'Some spaces have no GlobalId, which IFC requires; their notes are keyed by express id (#id) and may not survive a re-export.', id, 'space-no-guid');
      }
      const own = links.get(id) ?? [];
      // IfcSpace: GlobalId, OwnerHistory, Name, Description, ObjectType, ObjectPlacement, Representation, LongName, …
      const a = line.arguments;
      const sets = own.filter((l) => l.category === 'definedByProperties').map((l) => psets.get(l.related)).filter((s): s is DecodedSet => s !== null);
      const typeSets = typeSetsNotOverridden(reader, own, psets, sets);
      drafts.push({
        placementId: ref(a[5]),
        representationId: ref(a[6]),
        fileQuantities: fileQuantities([...sets, ...typeSets], units),
        space: {
          ...roomIdentity(id, line, storeyOf(reader, id, links, storeys, units.length, run.warnings)),
          zones: own.filter((l) => l.category === 'inZone').map((l): EntityRef => entityRef(reader, l.related, run.warnings)),
          propertySets: [...sets, ...typeSets].map((s) => s.set),
          quantities: [],
          quantityFindings: [],
          footprint: null,
          boundaries: [],
          surfaceTotals: [],
          relationships: [],
        },
      });
    }
    reader.release(slice);
    run.report('spaces', `Reading spaces: ${Math.min(spaceIds.length, i + SLICE)} / ${spaceIds.length}`, Math.min(spaceIds.length, i + SLICE), spaceIds.length);
    await run.checkpoint();
  }
  return drafts;
}

/**
 * The rooms readSpaces will read, with their names and storeys alone: what the window lists while
 * the rest is still being read. Needs only the links that place spaces (indexSpaceRelationships'
 * onSpatialStructure); a Revit model's property sets are most of the relationships and spaces
 * phases. Quiet: the warnings are readSpaces' to give, once.
 */
export function readRoomPreviews(reader: ModelReader, spaceIds: number[], links: ReadonlyMap<number, SpaceLink[]>, units: ProjectUnits): RoomPreview[] {
  const rooms: RoomPreview[] = [];
  const storeys = new Map<number, StoreyRef | null>();
  for (let i = 0; i < spaceIds.length; i += SLICE) {
    const slice = spaceIds.slice(i, i + SLICE);
    reader.prefetch(slice);
    reader.prefetch(slice.flatMap((id) => links.get(id) ?? []).filter((l) => l.category === 'decomposes' || l.category === 'containedIn').map((l) => l.related));
    for (const id of slice) {
      const line = reader.line(id);
      // The spaces readSpaces skips (with a warning).
      if (!line || line.arguments.length < 8) continue;
      rooms.push(roomIdentity(id, line, storeyOf(reader, id, links, storeys, units.length, undefined)));
    }
    reader.release(slice);
  }
  return rooms;
}

/** A space's own names as written, and the storey found for it. */
function roomIdentity(id: number, line: RawLine, storey: StoreyRef | null): RoomPreview {
  const at = (name: keyof (typeof ATTRIBUTES)['IfcSpace']) => str(attr(line, 'IfcSpace', name));
  return { expressId: id, globalId: at('GlobalId'), name: at('Name'), longName: at('LongName'), description: at('Description'), objectType: at('ObjectType'), storey };
}

/**
 * Parent spaces followed up to a storey: a space nested in spaces nested in spaces is rare, deeper
 * than this is a damaged file, not a building.
 */
const MAX_NESTING = 64;

/**
 * The storey a space is on: its IfcRelAggregates parent, or its IfcRelContainedInSpatialStructure
 * structure; through parent spaces if nested, nearest first. Each space is visited once per walk: six
 * spaces that aggregate each other (a hostile file) took forever when every path was followed.
 */
function storeyOf(reader: ModelReader, spaceId: number, links: ReadonlyMap<number, SpaceLink[]>, cache: Map<number, StoreyRef | null>, lengthToMetres: number, warnings: WarningCollector | undefined): StoreyRef | null {
  const visited = new Set([spaceId]);
  let level = [spaceId];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > MAX_NESTING) {
      warnings?.add('bad-entity', `Some spaces are nested in other spaces more than ${MAX_NESTING} levels deep (e.g. #${spaceId}); their storey is left empty.`, spaceId, 'space-nesting-deep');
      return null;
    }
    const next: number[] = [];
    for (const id of level) {
      for (const { category, related } of links.get(id) ?? []) {
        if (category !== 'decomposes' && category !== 'containedIn') continue;
        const type = reader.typeOf(related);
        if (type === W.IFCBUILDINGSTOREY) return storeyRef(reader, related, cache, lengthToMetres);
        if (type !== W.IFCSPACE) continue;
        // Back at the start: the spaces are part of each other. (Reaching another visited space
        // twice is a diamond, two ways up to the same parent, which is not an error.)
        if (related === spaceId) warnings?.add('bad-entity', `Some spaces are part of each other (e.g. #${spaceId} is, through #${id}, part of itself); the loop is followed once.`, spaceId, 'space-nesting-cycle');
        if (visited.has(related)) continue;
        visited.add(related);
        next.push(related);
      }
    }
    level = next;
  }
  return null;
}

/** IfcBuildingStorey: …, LongName, CompositionType, Elevation (position 9). */
function storeyRef(reader: ModelReader, id: number, cache: Map<number, StoreyRef | null>, lengthToMetres: number): StoreyRef | null {
  if (!cache.has(id)) {
    const s = reader.line(id);
    const elevation = s ? num(s.arguments[9]) : null;
    cache.set(id, { expressId: id, globalId: s ? str(s.arguments[0]) : null, name: s ? str(s.arguments[2]) : null, elevation: elevation === null ? null : Math.round(elevation * lengthToMetres * 1e6) / 1e6 });
  }
  return cache.get(id) ?? null;
}

/** IfcTypeObject: GlobalId, OwnerHistory, Name, Description, ApplicableOccurrence, HasPropertySets. */
function typePropertySetIds(reader: ModelReader, links: SpaceLink[]): number[] {
  return links.filter((l) => l.category === 'definedByType').flatMap((l) => {
    const t = reader.line(l.related);
    return t ? refs(t.arguments[5]) : [];
  });
}

/** Property sets of the space's type apply to it unless the space has a set of the same name (IFC's override rule). */
function typeSetsNotOverridden(reader: ModelReader, own: SpaceLink[], psets: PropertySetReader, sets: DecodedSet[]): DecodedSet[] {
  const names = new Set(sets.map((s) => s.set.name));
  return typePropertySetIds(reader, own)
    .map((id) => psets.get(id))
    .filter((s): s is DecodedSet => s !== null && !names.has(s.set.name) && s.set.properties.length > 0);
}

/** A reference that points at nothing is reported once per target, folded into one warning. */
export function reportDanglingRefs(reader: ModelReader, from: number, targets: (number | null)[], checked: Set<number>, run: ExtractionRun): void {
  for (const t of targets) {
    if (t === null || checked.has(t)) continue;
    checked.add(t);
    if (reader.typeOf(t) === 0) {
      run.warnings.add('dangling-reference', `Some entities refer to entities that are not in the file (e.g. #${from} refers to #${t}); the missing parts are left empty.`, from, 'dangling-reference');
    }
  }
}
