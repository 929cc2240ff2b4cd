// A room's relationships, grouped by kind; an empty kind list says "none" rather than showing nothing.
import { Disposable } from '../../core/lifecycle';
import { Relationship, RelationshipCategory, Space } from '../../core/schedule/model';
import { QTreeWidget, QTreeWidgetItem } from '../qt';

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

export class RelationshipsTab extends Disposable {
  readonly widget = new QTreeWidget();

  constructor() {
    super('RelationshipsTab');
    this.widget.setObjectName('relationshipsTree');
    this.widget.setColumnCount(4);
    this.widget.setHeaderLabels(['Relationship', 'IFC type', 'Name', 'GlobalId']);
    this.widget.setColumnWidth(0, 210);
    this.widget.setColumnWidth(1, 190);
    this.widget.setColumnWidth(2, 200);
  }

  show(space: Space | undefined): void {
    this.widget.clear();
    if (!space) return;
    if (space.relationships.length === 0) {
      this.widget.addTopLevelItem(new QTreeWidgetItem(['none', 'This room has no relationships in the file', '', '']));
      return;
    }
    for (const [category, rels] of groupRelationships(space.relationships)) {
      const group = new QTreeWidgetItem([`${CATEGORY_TITLES[category]} (${rels.length})`, '', '', '']);
      this.widget.addTopLevelItem(group);
      for (const r of rels) {
        group.addChild(new QTreeWidgetItem([r.via, r.related.type, r.related.name?.trim() || r.related.description?.trim() || '—', r.related.globalId ?? `#${r.related.expressId}`]));
      }
      group.setExpanded(rels.length <= 20);
    }
  }
}
