// A space's relationships, by category, each naming the IFC relationship class and the entity on the
// other side. Space boundaries add "boundedBy" (one entry per building element, whichever boundaries
// it has with the space). A space with none gets an empty list (the UI says "none").
import { Relationship } from '../core/schedule/model';
import { BoundaryDraft } from './boundaries';
import { entityRef } from './entity-refs';
import { ModelReader } from './model-reader';
import { SpaceLink } from './relationship-index';
import { WarningCollector } from './warnings';

const ORDER = ['containedIn', 'decomposes', 'aggregates', 'contains', 'boundedBy', 'inZone', 'definedByProperties', 'definedByType', 'servesOrConnects'];

export function spaceRelationships(reader: ModelReader, links: readonly SpaceLink[], boundaries: readonly BoundaryDraft[], warnings: WarningCollector): Relationship[] {
  const out: Relationship[] = [];
  const seen = new Set<string>();
  const push = (category: Relationship['category'], via: string, related: number) => {
    const key = `${category}|${via}|${related}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ category, via, related: entityRef(reader, related, warnings) });
  };
  for (const l of links) push(l.category, reader.typeName(l.via), l.related);
  for (const b of boundaries) if (b.elementId !== null) push('boundedBy', b.boundary.ifcType, b.elementId);
  return out.sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category));
}

/** Ids every relationship list will show, to read them in batches first. */
export function relatedIds(links: readonly SpaceLink[], boundaries: readonly BoundaryDraft[]): number[] {
  return [...links.map((l) => l.related), ...boundaries.map((b) => b.elementId).filter((e): e is number => e !== null)];
}
