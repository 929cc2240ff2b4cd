// Properties & quantities of one room: identity, quantities with where each number comes from
// (the file's sets, the room's geometry, its boundaries, or missing) and every other value found
// beside it, then every property set.
import { Disposable } from '../../core/lifecycle';
import { Space } from '../../core/schedule/model';
import { GroupedRow, GroupedTable } from '../widgets/grouped-table';
import { describeSource } from '../../core/schedule/quantity-precedence';
import { formatQuantity, formatSource, formatValue } from './format';

export function propertyRows(space: Space): GroupedRow[] {
  const rows: GroupedRow[] = [{ section: 'Identity' }];
  const identity: [string, string | null][] = [
    ['GlobalId', space.globalId],
    ['Name', space.name],
    ['Long name', space.longName],
    ['Description', space.description],
    ['Object type', space.objectType],
    ['Storey', space.storey ? `${space.storey.name?.trim() || '(unnamed)'}${space.storey.elevation !== null ? ` (${space.storey.elevation.toFixed(2)} m)` : ''}` : null],
    ['Zones', space.zones.length ? space.zones.map((z) => z.name ?? z.globalId ?? `#${z.expressId}`).join(', ') : 'none'],
  ];
  for (const [k, v] of identity) rows.push({ cells: [k, v === null || v === '' ? '—' : v, 'file'] });
  rows.push({ section: `Quantities (${space.quantities.length})` });
  if (space.quantities.length === 0) rows.push({ cells: ['(none in the file)', '', 'missing'] });
  for (const q of space.quantities) {
    const label = q.sourceName && q.sourceName !== q.name ? `${q.name} (${q.sourceName})` : q.name;
    rows.push({ cells: [`${label}${q.disputed ? ' ⚠' : ''}`, formatQuantity(q), formatSource(q.source)], tips: [q.note, q.note, describeSource(q.source)] });
    // Every other value found, side by side under the chosen one: the user sees what was weighed,
    // and why a value was passed over.
    for (const c of q.candidates) {
      if (c.source === q.source && c.value === q.value) continue;
      const slip = space.quantityFindings.find((f) => f.kind === 'unit-error' && f.quantity === q.name && f.values[0]?.source === c.source);
      const value = formatQuantity({ ...q, value: c.value });
      rows.push({
        cells: ['    also', slip ? `${value} — passed over (${(slip.likelyCorrection?.reason ?? 'a unit error').replace('written in ', '').replace(' but read as ', ' read as ')})` : value, formatSource(c.source)],
        tips: [undefined, [c.method, c.note].filter((t) => !!t).join(' ') || undefined, describeSource(c.source)],
      });
    }
    for (const f of space.quantityFindings.filter((x) => x.kind === 'disagreement' && x.quantity === q.name)) {
      // The chosen value is the row above: say how far the others are from it.
      const [chosen, ...others] = f.values;
      const apart = others.map((v) => `${formatSource(v.source)} ${(Math.abs(v.value - chosen.value) / Math.max(Math.abs(v.value), Math.abs(chosen.value)) * 100).toFixed(1)} % off`).join(', ');
      rows.push({ cells: ['    ⚠ sources disagree', apart, ''], tips: [f.message, f.message, undefined] });
    }
  }
  for (const ps of space.propertySets) {
    rows.push({ section: `${ps.name} (${ps.type === 'IfcElementQuantity' ? 'quantity set' : 'property set'}, ${ps.properties.length})` });
    for (const p of ps.properties) rows.push({ cells: [p.name, formatValue(p.value), p.valueType ?? ''] });
  }
  if (space.propertySets.length === 0) rows.push({ section: 'No property sets' });
  return rows;
}

export class PropertiesTab extends Disposable {
  readonly table = this.register(new GroupedTable(['Property', 'Value', 'Source / type'], [220, 260], 'propertiesTable'));
  readonly widget = this.table.view;

  constructor() {
    super('PropertiesTab');
  }

  show(space: Space | undefined): void {
    this.table.setRows(space ? propertyRows(space) : []);
  }
}
