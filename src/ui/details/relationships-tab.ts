// A room's relationships, grouped by kind; a room without any says "none" rather than showing nothing.
import { Disposable } from '../../core/lifecycle';
import { Relationship, RelationshipCategory, Space } from '../../core/schedule/model';
import { GroupedRow, GroupedTable } from '../widgets/grouped-table';

const CATEGORY_TITLES: Record<RelationshipCategory, string> = {
  contains: 'Contains',
  containedIn: 'Contained in',
  aggregates: 'Aggregates',
  decomposes: 'Part of',
  boundedBy: 'Bounded by',
  inZone: 'In zone',
  definedByProperties: 'Defined by properties',
  definedByType: 'Defined by type',
  servesOrConnects: 'Serves / connects',
};

export function groupRelationships(rels: readonly Relationship[]): Map<RelationshipCategory, Relationship[]> {
  const groups = new Map<RelationshipCategory, Relationship[]>();
  for (const r of rels) {
    const list = groups.get(r.category) ?? [];
    list.push(r);
    groups.set(r.category, list);
  }
  return groups;
}

export function relationshipRows(space: Space): GroupedRow[] {
  if (space.relationships.length === 0) return [{ section: 'none — this room has no relationships in the file' }];
  const rows: GroupedRow[] = [];
  for (const [category, rels] of groupRelationships(space.relationships)) {
    rows.push({ section: `${CATEGORY_TITLES[category]} (${rels.length})` });
    for (const r of rels) {
      const name = r.related.name?.trim() || r.related.description?.trim() || '—';
      // "IfcRelSpaceBoundary" reads as "SpaceBoundary": the column says it is a relationship.
      rows.push({ cells: [r.related.type, name, r.related.globalId ?? `#${r.related.expressId}`, r.via.replace(/^IfcRel/, '')], tips: [undefined, r.related.description ?? undefined, undefined, r.via] });
    }
  }
  return rows;
}

export class RelationshipsTab extends Disposable {
  readonly table = this.register(new GroupedTable(['IFC type', 'Name', 'GlobalId', 'Via (IfcRel…)'], [175, 210, 185], 'relationshipsTable'));
  readonly widget = this.table.view;

  constructor() {
    super('RelationshipsTab');
  }

  show(space: Space | undefined): void {
    this.table.setRows(space ? relationshipRows(space) : []);
  }
}
