// The result of checking a model against an IDS: per specification, every applicable entity with
// pass or fail and the reason for each failed requirement. Built whole by the checker, read-only
// after; the per-entity view is derived from it, never stored twice.
import type { IfcVersion, SpecificationUsage } from './ids-document';

export interface EntityRef {
  readonly expressId: number;
  /** Upper case IFC class, e.g. "IFCSPACE". */
  readonly ifcClass: string;
  readonly globalId: string | null;
  readonly name: string | null;
  /** A room's name is its LongName (its Name is the number): kept for the reports and the room list. */
  readonly longName: string | null;
}

export interface EntityResult {
  readonly entity: EntityRef;
  readonly passed: boolean;
  /** One sentence per failed requirement, e.g. "Pset_SpaceCommon.IsExternal has no value". */
  readonly reasons: readonly string[];
}

export type SpecificationStatus = 'pass' | 'fail';

export interface SpecificationResult {
  readonly name: string;
  readonly identifier?: string;
  readonly description?: string;
  readonly ifcVersions: readonly IfcVersion[];
  readonly usage: SpecificationUsage;
  readonly status: SpecificationStatus;
  /** Why the specification as a whole failed (no applicable entity, some entities fail…). */
  readonly reason?: string;
  /** Said when the model's schema is not one of the specification's ifcVersions (it is checked all the same). */
  readonly note?: string;
  readonly applicableCount: number;
  readonly passedCount: number;
  readonly failedCount: number;
  readonly results: readonly EntityResult[];
}

export interface IdsReport {
  readonly ids: { readonly title: string; readonly fileName: string };
  readonly model: { readonly fileName: string; readonly schema: IfcVersion };
  readonly checkedAt: string;
  /** pass when every specification that applies passes. */
  readonly status: 'pass' | 'fail';
  readonly specifications: readonly SpecificationResult[];
  /** What the user should know about how the model was read (a unit with no known factor to SI…). */
  readonly warnings: readonly string[];
  readonly timingsMs: Readonly<Record<string, number>>;
}

export interface EntityFailures {
  readonly entity: EntityRef;
  readonly failures: readonly { readonly specification: string; readonly reasons: readonly string[] }[];
}

/** Entities that failed at least one specification, each with what it failed: the view a room list needs. */
export function failuresByEntity(report: IdsReport): EntityFailures[] {
  const byId = new Map<number, { entity: EntityRef; failures: { specification: string; reasons: readonly string[] }[] }>();
  for (const spec of report.specifications) {
    for (const r of spec.results) {
      if (r.passed) continue;
      const entry = byId.get(r.entity.expressId) ?? { entity: r.entity, failures: [] };
      entry.failures.push({ specification: spec.name, reasons: r.reasons });
      byId.set(r.entity.expressId, entry);
    }
  }
  return [...byId.values()];
}

export function reportCounts(report: IdsReport): { specifications: number; passed: number; failed: number; failedEntities: number } {
  const count = (s: SpecificationStatus) => report.specifications.filter((x) => x.status === s).length;
  return { specifications: report.specifications.length, passed: count('pass'), failed: count('fail'), failedEntities: failuresByEntity(report).length };
}
