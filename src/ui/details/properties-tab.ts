// Properties & quantities of one room: identity, quantities with where each number comes from
// (the file's quantity set, computed by us, or missing), then every property set.
import { Disposable } from '../../core/lifecycle';
import { Space } from '../../core/schedule/model';
import { ItemDataRole, QTreeWidget, QTreeWidgetItem } from '../qt';
import { formatQuantity, formatSource, formatValue } from './format';

function item(parent: QTreeWidget | QTreeWidgetItem, cells: string[]): QTreeWidgetItem {
  const it = new QTreeWidgetItem(cells);
  if (parent instanceof QTreeWidget) parent.addTopLevelItem(it);
  else parent.addChild(it);
  return it;
}

export class PropertiesTab extends Disposable {
  readonly widget = new QTreeWidget();

  constructor() {
    super('PropertiesTab');
    this.widget.setObjectName('propertiesTree');
    this.widget.setColumnCount(3);
    this.widget.setHeaderLabels(['Property', 'Value', 'Source']);
    this.widget.setColumnWidth(0, 220);
    this.widget.setColumnWidth(1, 260);
  }

  show(space: Space | undefined): void {
    this.widget.clear();
    if (!space) return;
    const identity = item(this.widget, ['Identity', '', '']);
    const rows: [string, string | null][] = [
      ['GlobalId', space.globalId],
      ['Name', space.name],
      ['Long name', space.longName],
      ['Description', space.description],
      ['Object type', space.objectType],
      ['Storey', space.storey ? `${space.storey.name ?? '(unnamed)'}${space.storey.elevation !== null ? ` (${space.storey.elevation.toFixed(2)} m)` : ''}` : null],
      ['Zones', space.zones.length ? space.zones.map((z) => z.name ?? z.globalId ?? `#${z.expressId}`).join(', ') : 'none'],
    ];
    for (const [k, v] of rows) item(identity, [k, v === null || v === '' ? '—' : v, 'file']);
    identity.setExpanded(true);

    const quantities = item(this.widget, ['Quantities', `${space.quantities.length}`, '']);
    if (space.quantities.length === 0) item(quantities, ['(none in the file)', '', 'missing']);
    for (const q of space.quantities) {
      const label = q.sourceName && q.sourceName !== q.name ? `${q.name} (${q.sourceName})` : q.name;
      const qi = item(quantities, [label, formatQuantity(q), formatSource(q.source)]);
      if (q.note) qi.setData(2, ItemDataRole.ToolTipRole, q.note);
    }
    quantities.setExpanded(true);

    const psets = item(this.widget, ['Property sets', `${space.propertySets.length}`, '']);
    for (const ps of space.propertySets) {
      const psi = item(psets, [ps.name, `${ps.properties.length} value${ps.properties.length === 1 ? '' : 's'}`, ps.type]);
      for (const p of ps.properties) item(psi, [p.name, formatValue(p.value), p.valueType ?? '']);
    }
    psets.setExpanded(true);
  }
}
