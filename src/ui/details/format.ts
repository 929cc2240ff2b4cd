// How numbers and values read in the details panes.
import { PropertyValue, Quantity, EntityRef } from '../../core/schedule/model';
import { formatQuantity as formatQuantityValue } from '../../core/schedule/quantity-units';

export function formatQuantity(q: Quantity): string {
  if (q.value === null) return '—';
  const digits = q.unit === 'm' ? 3 : 2;
  return formatQuantityValue(q.value, q.unit, digits);
}

export function formatSource(source: string): string {
  if (source.startsWith('qto:')) return `file (${source.slice(4) || 'unnamed quantity set'})`;
  if (source.startsWith('pset:')) return `file (${source.slice(5)})`;
  if (source === 'geometry:extrusion') return 'geometry (exact)';
  if (source === 'geometry:footprint') return 'geometry (footprint)';
  if (source === 'geometry:mesh') return 'geometry (mesh)';
  if (source === 'boundaries') return 'floor boundaries';
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
