// A revision compare as one row per added room, removed room and changed field: the shape the
// XLSX report and the app's Compare list both show, with the filter the list offers.
import { DiffValue, RevisionDiff } from './revision-diff-types';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface DiffRow {
  kind: ChangeKind;
  globalId: string | null;
  number: string;
  name: string;
  /** Known for added and removed rooms; a changed room's move shows as its own "storey" field. */
  storey: string | null;
  field: string | null;
  old: DiffValue;
  new: DiffValue;
}

export function diffRows(diff: RevisionDiff): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const r of diff.added) rows.push({ kind: 'added', ...r, field: null, old: null, new: null });
  for (const r of diff.removed) rows.push({ kind: 'removed', ...r, field: null, old: null, new: null });
  for (const r of diff.changed) {
    for (const c of r.changes) rows.push({ kind: 'changed', globalId: r.globalId, number: r.number, name: r.name, storey: null, field: c.field, old: c.old, new: c.new });
  }
  return rows;
}

const FIELD_LABELS: Record<string, string> = { name: 'Number (Name)', longName: 'Name (LongName)', storey: 'Storey', zones: 'Zones', note: 'Note' };

/** A field as the list shows it: "NetFloorArea (quantity)", "Pset_SpaceCommon › IsExternal", "Boundaries: wall". */
export function fieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  if (field.startsWith('quantities.')) return `${field.slice('quantities.'.length)} (quantity)`;
  if (field.startsWith('boundaries.')) return `Boundaries: ${field.slice('boundaries.'.length)}`;
  if (field.startsWith('properties.')) {
    const rest = field.slice('properties.'.length);
    const dot = rest.indexOf('.');
    return dot < 0 ? rest : `${rest.slice(0, dot)} › ${rest.slice(dot + 1)}`;
  }
  return field;
}

/** A value as the list shows it: numbers to at most three decimals, nothing as an em dash. */
export function formatDiffValue(v: DiffValue): string {
  if (v === null) return '—';
  if (typeof v === 'number') return String(Math.round(v * 1000) / 1000);
  return String(v);
}

export interface DiffRowFilter {
  kind?: ChangeKind;
  /** Part of a number, name, storey, field or value; case-insensitive. */
  text?: string;
}

export function filterDiffRows(rows: readonly DiffRow[], filter: DiffRowFilter): DiffRow[] {
  const q = filter.text?.trim().toLowerCase() ?? '';
  return rows.filter((r) => {
    if (filter.kind && r.kind !== filter.kind) return false;
    if (!q) return true;
    const field = r.field === null ? [] : [r.field, fieldLabel(r.field)];
    return [r.number, r.name, r.storey ?? '', ...field, formatDiffValue(r.old), formatDiffValue(r.new)].some((t) => t.toLowerCase().includes(q));
  });
}
