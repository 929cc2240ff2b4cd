// Does an IFC value meet an IDS value? IDS 1.0's rules: the IDS text is cast to the IFC value's
// type (so "42" matches IFCREAL(42.) and IFCINTEGER(42), and matches IFCLABEL('42') as a string);
// reals are equal within 1e-6 relative plus 1e-6 absolute (Documentation/tolerance.md), while
// bounds are compared exactly; booleans are written "true"/"false"; UNKNOWN never matches;
// enumerations and patterns match when any one does, every other restriction facet must hold.
import type { IdsValue, Restriction } from './ids-document';
import type { IfcScalar } from './model-view';
import { xsdPattern } from './xsd-pattern';

const EPSILON = 1e-6;

/** xs:double's lexical space (IDS DataTypes: a dot for decimals, no thousands separator, exponent allowed). */
const DOUBLE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;

export function parseDouble(text: string): number | undefined {
  const t = text.trim();
  if (t === 'INF' || t === '+INF') return Infinity;
  if (t === '-INF') return -Infinity;
  return DOUBLE.test(t) ? Number(t) : undefined;
}

export function isIntegerText(text: string): boolean {
  return INTEGER.test(text.trim());
}

export function isBooleanText(text: string): boolean {
  return ['true', 'false', '1', '0'].includes(text.trim());
}

/**
 * IDS's tolerance around a real: |v|·1e-6 + 1e-6. The suite counts its ends as equal (a value of
 * exactly 1.000002 equals 1), so the margin is widened by a billionth of itself to absorb the
 * rounding of computing it (the nearest failing values lie 1e-8 of the margin beyond it).
 */
function margin(v: number): number {
  return (Math.abs(v) * EPSILON + EPSILON) * (1 + 1e-9);
}

/** Equality of reals with IDS's tolerance; `expected` is the IDS value. */
export function realEquals(actual: number, expected: number): boolean {
  const m = margin(expected);
  return actual >= expected - m && actual <= expected + m;
}

function simpleMatches(expected: string, actual: IfcScalar): boolean {
  switch (actual.kind) {
    case 'string':
    case 'enum':
      return actual.value === expected;
    case 'real': {
      const n = parseDouble(expected);
      return n !== undefined && realEquals(actual.value, n);
    }
    case 'integer': {
      const n = parseDouble(expected);
      return n !== undefined && Number.isInteger(n) && n === actual.value;
    }
    case 'boolean':
    case 'logical': {
      if (actual.value === null) return false;
      const t = expected.trim();
      return actual.value ? t === 'true' || t === '1' : t === 'false' || t === '0';
    }
  }
}

function numberOf(actual: IfcScalar): number | undefined {
  return actual.kind === 'real' || actual.kind === 'integer' ? actual.value : undefined;
}

function boundsHold(r: Restriction, actual: IfcScalar): boolean {
  const hasBounds = r.minInclusive !== undefined || r.maxInclusive !== undefined || r.minExclusive !== undefined || r.maxExclusive !== undefined;
  if (!hasBounds) return true;
  const n = numberOf(actual);
  if (n === undefined) return false;
  const num = (s: string | undefined) => (s === undefined ? undefined : parseDouble(s));
  const [minI, maxI, minE, maxE] = [num(r.minInclusive), num(r.maxInclusive), num(r.minExclusive), num(r.maxExclusive)];
  // Inclusive bounds take the tolerance (the suite's tolerance/*range*inclusive cases: -0.000001 is
  // ≥ 0, -0.0000011 is not); exclusive bounds are compared exactly.
  return (minI === undefined || n >= minI - margin(minI)) && (maxI === undefined || n <= maxI + margin(maxI)) && (minE === undefined || n > minE) && (maxE === undefined || n < maxE);
}

function lengthsHold(r: Restriction, actual: IfcScalar): boolean {
  if (r.length === undefined && r.minLength === undefined && r.maxLength === undefined) return true;
  if (actual.kind !== 'string' && actual.kind !== 'enum') return false;
  const len = [...actual.value].length;
  return (r.length === undefined || len === r.length) && (r.minLength === undefined || len >= r.minLength) && (r.maxLength === undefined || len <= r.maxLength);
}

function restrictionMatches(r: Restriction, actual: IfcScalar): boolean {
  if (actual.kind === 'logical' && actual.value === null) return false;
  if (r.enumeration.length && !r.enumeration.some((e) => simpleMatches(e, actual))) return false;
  if (r.patterns.length) {
    if (actual.kind !== 'string' && actual.kind !== 'enum') return false;
    const s = actual.value;
    if (!r.patterns.some((p) => xsdPattern(p).test(s))) return false;
  }
  return boundsHold(r, actual) && lengthsHold(r, actual);
}

export function valueMatches(expected: IdsValue, actual: IfcScalar): boolean {
  return expected.kind === 'simple' ? simpleMatches(expected.value, actual) : restrictionMatches(expected, actual);
}

/** Does a plain name (entity, attribute, property set, system…) meet an IDS value? Names are strings. */
export function nameMatches(expected: IdsValue, name: string): boolean {
  return valueMatches(expected, { kind: 'string', value: name });
}

/** The IDS value in words, for failure reasons: "'Foo'", "one of 'A', 'B'", "matching 'Foo.*'", "≥ 2 and < 5". */
export function describeExpected(v: IdsValue): string {
  if (v.kind === 'simple') return `'${v.value}'`;
  const parts: string[] = [];
  if (v.enumeration.length) parts.push(v.enumeration.length === 1 ? `'${v.enumeration[0]}'` : `one of ${v.enumeration.map((e) => `'${e}'`).join(', ')}`);
  if (v.patterns.length) parts.push(`matching ${v.patterns.map((p) => `'${p}'`).join(' or ')}`);
  if (v.minInclusive !== undefined) parts.push(`≥ ${v.minInclusive}`);
  if (v.minExclusive !== undefined) parts.push(`> ${v.minExclusive}`);
  if (v.maxInclusive !== undefined) parts.push(`≤ ${v.maxInclusive}`);
  if (v.maxExclusive !== undefined) parts.push(`< ${v.maxExclusive}`);
  if (v.length !== undefined) parts.push(`${v.length} characters long`);
  if (v.minLength !== undefined) parts.push(`at least ${v.minLength} characters long`);
  if (v.maxLength !== undefined) parts.push(`at most ${v.maxLength} characters long`);
  return parts.join(' and ') || 'any value';
}

export function describeActual(v: IfcScalar): string {
  if (v.kind === 'logical' && v.value === null) return 'UNKNOWN';
  if (v.kind === 'string' || v.kind === 'enum') return `'${v.value}'`;
  return String(v.value);
}
