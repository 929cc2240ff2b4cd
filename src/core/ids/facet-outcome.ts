// What one facet says about one entity. Cardinality needs three answers, not two: an optional
// requirement passes when the thing it asks about is absent, but fails when it is there and wrong.
import type { Cardinality } from './ids-document';

export type FacetOutcome =
  | { readonly result: 'pass'; readonly detail?: string }
  | { readonly result: 'fail'; readonly reason: string }
  /** What the facet asks about is not there at all (no such attribute value, property set, material…). */
  | { readonly result: 'absent'; readonly reason: string };

export const PASS: FacetOutcome = { result: 'pass' };

export function fail(reason: string): FacetOutcome {
  return { result: 'fail', reason };
}

export function absent(reason: string): FacetOutcome {
  return { result: 'absent', reason };
}

/** The facet as a requirement: undefined when it is met, else the reason it is not. */
export function requirementFailure(outcome: FacetOutcome, cardinality: Cardinality, prohibitedReason: () => string): string | undefined {
  switch (cardinality) {
    case 'required':
      return outcome.result === 'pass' ? undefined : outcome.reason;
    case 'optional':
      return outcome.result === 'fail' ? outcome.reason : undefined;
    case 'prohibited':
      return outcome.result === 'pass' ? prohibitedReason() : undefined;
  }
}

/** The facet as an applicability filter: only a pass selects the entity. */
export function applies(outcome: FacetOutcome): boolean {
  return outcome.result === 'pass';
}
