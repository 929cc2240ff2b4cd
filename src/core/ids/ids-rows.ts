// The IDS report as the rows of a list: one per failed requirement of an entity (and, when asked,
// one per passing entity), narrowed by text. What the GUI's results list shows; kept here so it
// can be tested without Qt.
import type { EntityRef, IdsReport } from './ids-report';

export interface IdsRow {
  readonly status: 'pass' | 'fail';
  readonly specification: string;
  readonly entity: EntityRef | undefined;
  /** The reason of a failure; for a specification that fails as a whole, why (e.g. nothing applies). */
  readonly reason: string;
}

/** "IFCSPACE 01 Meetingroom", the way a room list names a room. */
export function entityText(e: EntityRef): string {
  return [e.ifcClass, e.name, e.longName].filter((x): x is string => !!x && x.trim() !== '').join(' ');
}

export function idsRows(report: IdsReport, options: { passing: boolean }): IdsRow[] {
  const rows: IdsRow[] = [];
  for (const s of report.specifications) {
    // A specification can fail with no failing entity: required but nothing applies, or prohibited.
    if (s.status === 'fail' && s.failedCount === 0) rows.push({ status: 'fail', specification: s.name, entity: undefined, reason: s.reason ?? 'fails' });
    for (const r of s.results) {
      if (!r.passed) for (const reason of r.reasons) rows.push({ status: 'fail', specification: s.name, entity: r.entity, reason });
      else if (options.passing) rows.push({ status: 'pass', specification: s.name, entity: r.entity, reason: '' });
    }
  }
  return rows;
}

/** Rows whose specification, entity (class, number, name, GlobalId) or reason contains every word of `text`. */
export function filterIdsRows(rows: readonly IdsRow[], text: string): IdsRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((r) => {
    const hay = [r.specification, r.reason, r.entity ? entityText(r.entity) : '', r.entity?.globalId ?? ''].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
