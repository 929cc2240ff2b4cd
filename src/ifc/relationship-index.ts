// One pass over each relationship class that can involve a space, keeping only the links that do.
// Reading every relationship once (GetLineIDsWithType per class, lines in batches, nothing cached)
// is what keeps a 200 MB model fast: no per-space inverse lookups, no flattening.
import * as W from './schema/ifc-types';
import { RelationshipCategory } from '../core/schedule/model';
import { ExtractionRun } from './extraction-run';
import { ModelReader } from './model-reader';
import { RawLine, ref, refs } from './step-values';

export interface SpaceLink {
  category: RelationshipCategory;
  /** Type code of the relationship (its class name is looked up when the schedule is built). */
  via: number;
  related: number;
}

type Add = (space: number, category: RelationshipCategory, related: number) => void;

interface RelationshipRule {
  type: number;
  includeSubtypes?: boolean;
  /** Places spaces in the spatial structure (their storeys): read first, see onSpatialStructure. */
  spatial?: true;
  /** Attribute positions follow the schema (the same in IFC2X3, IFC4 and IFC4X3 for these classes). */
  collect(line: RawLine, isSpace: (id: number) => boolean, add: Add): void;
}

/** Links where the space sits on the "relating" side and its partners on the "related" side, or the reverse. */
function bothWays(relatingAt: number, relatedAt: number, asRelating: RelationshipCategory, asRelated: RelationshipCategory): RelationshipRule['collect'] {
  return (line, isSpace, add) => {
    const relating = ref(line.arguments[relatingAt]);
    const related = refs(line.arguments[relatedAt]);
    if (relating !== null && isSpace(relating)) for (const r of related) add(relating, asRelating, r);
    if (relating !== null) for (const r of related) if (isSpace(r)) add(r, asRelated, relating);
  };
}

/** Links where spaces are among the related objects of something (a group, a property set, a type, a system). */
function relatedTo(relatedAt: number, relatingAt: number, category: RelationshipCategory | ((relating: number) => RelationshipCategory)): RelationshipRule['collect'] {
  return (line, isSpace, add) => {
    const relating = ref(line.arguments[relatingAt]);
    if (relating === null) return;
    for (const r of refs(line.arguments[relatedAt])) {
      if (isSpace(r)) add(r, typeof category === 'function' ? category(relating) : category, relating);
    }
  };
}

function rules(reader: ModelReader): RelationshipRule[] {
  // Zones group spaces; any other group (a system, a plain IfcGroup) serves them.
  const groupCategory = (group: number): RelationshipCategory => (reader.typeOf(group) === W.IFCZONE ? 'inZone' : 'servesOrConnects');
  return [
    // IfcRelAggregates: RelatingObject, RelatedObjects.
    { type: W.IFCRELAGGREGATES, spatial: true, collect: bothWays(4, 5, 'aggregates', 'decomposes') },
    // IfcRelContainedInSpatialStructure: RelatedElements, RelatingStructure.
    { type: W.IFCRELCONTAINEDINSPATIALSTRUCTURE, spatial: true, collect: bothWays(5, 4, 'contains', 'containedIn') },
    // IfcRelReferencedInSpatialStructure (IFC4+): elements referenced in, but not contained by, a space.
    { type: W.IFCRELREFERENCEDINSPATIALSTRUCTURE, collect: bothWays(5, 4, 'servesOrConnects', 'servesOrConnects') },
    // IfcRelAssignsToGroup (and …ByFactor): RelatedObjects, RelatedObjectsType, RelatingGroup.
    { type: W.IFCRELASSIGNSTOGROUP, includeSubtypes: true, collect: relatedTo(4, 6, groupCategory) },
    // IfcRelDefinesByProperties: RelatedObjects, RelatingPropertyDefinition (IFC4: possibly a set).
    {
      type: W.IFCRELDEFINESBYPROPERTIES,
      collect: (line, isSpace, add) => {
        const definitions = refs(line.arguments[5]);
        for (const r of refs(line.arguments[4])) if (isSpace(r)) for (const d of definitions) add(r, 'definedByProperties', d);
      },
    },
    // IfcRelDefinesByType: RelatedObjects, RelatingType.
    { type: W.IFCRELDEFINESBYTYPE, collect: relatedTo(4, 5, 'definedByType') },
    // IfcRelServicesBuildings: RelatingSystem, RelatedBuildings (spatial elements, spaces included).
    { type: W.IFCRELSERVICESBUILDINGS, collect: relatedTo(5, 4, 'servesOrConnects') },
    // IfcRelCoversSpaces: RelatedSpace (IFC2X3) / RelatingSpace (IFC4), RelatedCoverings.
    { type: W.IFCRELCOVERSSPACES, collect: bothWays(4, 5, 'servesOrConnects', 'servesOrConnects') },
    // IfcRelInterferesElements (IFC4X3 allows spatial elements): RelatingElement, RelatedElement.
    { type: W.IFCRELINTERFERESELEMENTS, collect: bothWays(4, 5, 'servesOrConnects', 'servesOrConnects') },
    // IfcRelPositions (IFC4X3): RelatingPositioningElement, RelatedProducts.
    { type: W.IFCRELPOSITIONS, collect: relatedTo(5, 4, 'servesOrConnects') },
  ];
}

export interface RelationshipIndex {
  links: Map<number, SpaceLink[]>;
  /** Relationships read, for the record. */
  read: number;
}

const SLICE = 8192;

/**
 * `onSpatialStructure` is called once the links that place spaces (their 'decomposes' and
 * 'containedIn' links, so their storeys) are complete, before the rest: in a Revit model those are a
 * handful of records, its IfcRelDefinesByProperties most of the phase.
 */
export async function indexSpaceRelationships(reader: ModelReader, spaceIds: ReadonlySet<number>, run: ExtractionRun, onSpatialStructure?: (links: ReadonlyMap<number, SpaceLink[]>) => void): Promise<RelationshipIndex> {
  const links = new Map<number, SpaceLink[]>();
  const isSpace = (id: number) => spaceIds.has(id);
  const all = rules(reader);
  const work = [...all.filter((r) => r.spatial), ...all.filter((r) => !r.spatial)].map((rule) => ({ rule, ids: reader.ids(rule.type, rule.includeSubtypes) }));
  const total = work.reduce((n, w) => n + w.ids.length, 0);
  let done = 0;
  let placed = false;
  for (const { rule, ids } of work) {
    if (!rule.spatial && !placed) {
      placed = true;
      onSpatialStructure?.(links);
    }
    let via = 0;
    const add: Add = (space, category, related) => {
      let list = links.get(space);
      if (!list) links.set(space, (list = []));
      list.push({ category, via, related });
    };
    for (let i = 0; i < ids.length; i += SLICE) {
      // Every rule links a space only through a relationship that refers to it: the others need not be read.
      const slice = ids.slice(i, i + SLICE);
      reader.forEachLine(reader.mayRefer(slice, spaceIds), (line) => {
        via = line.type;
        rule.collect(line, isSpace, add);
      });
      done += slice.length;
      run.report('relationships', `Reading relationships: ${done} / ${total}`, done, total);
      await run.checkpoint();
    }
  }
  return { links, read: total };
}
