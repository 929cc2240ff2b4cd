// The SI units quantities are kept in, as users read them. One table for the app, the exports and
// the findings' messages.

export type QuantityUnit = 'm' | 'm2' | 'm3' | '' | 'kg' | 's';

const LABEL: Record<string, string> = { m: 'm', m2: 'm²', m3: 'm³', kg: 'kg', s: 's', '': '' };

export function unitLabel(unit: string): string {
  return LABEL[unit] ?? unit;
}

/** "26.12 m²": two decimals for lengths and areas, as schedules print them. */
export function formatQuantity(value: number, unit: string, digits = 2): string {
  const label = unitLabel(unit);
  return `${value.toFixed(digits)}${label ? ` ${label}` : ''}`;
}

/** The dimension a unit measures: what a value must be compared with when checking it. */
export function dimensionOf(unit: string): 'length' | 'area' | 'volume' | 'other' {
  return unit === 'm' ? 'length' : unit === 'm2' ? 'area' : unit === 'm3' ? 'volume' : 'other';
}
