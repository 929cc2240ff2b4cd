// How numbers and values read in the details panes.
import { PropertyValue, Quantity, EntityRef } from '../../core/schedule/model';

export function formatQuantity(q: Quantity): string {
  if (q.value === null) return '—';
  const digits = q.unit === 'm' ? 3 : 2;
  const unit = { m: 'm', m2: 'm²', m3: 'm³' }[q.unit] ?? q.unit;
  return `${q.value.toFixed(digits)} ${unit}`.trim();
}

export function formatSource(source: string): string {
  if (source.startsWith('qto:')) return `file (${source.slice(4)})`;
  return source;
}

export function formatValue(v: PropertyValue): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
  return v;
}

export function formatEntity(e: EntityRef | null): string {
  if (!e) return '—';
  const name = e.name?.trim();
  return name ? `${e.type} “${name}”` : e.type;
}
