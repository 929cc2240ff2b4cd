// Choosing each room quantity from every value found for it: the file's sets, the room's own
// geometry, its floor boundaries. The rule of precedence lives in quantity-precedence.ts; here the
// candidates are checked against each other (a likely unit error is passed over, a disagreement
// beyond 2 % is reported) and every room gets the five quantities a schedule prints, with a reason
// where one is missing.
import { Quantity, QuantityCandidate, QuantityFinding, QuantitySource } from './model';
import { AGREEMENT_TOLERANCE, describeSource, sourceRank } from './quantity-precedence';
import { dimensionOf, formatQuantity } from './quantity-units';

/** Qto_SpaceBaseQuantities, in the order the schedule shows them. */
export const STANDARD_QUANTITIES = [
  'Height', 'FinishCeilingHeight', 'FinishFloorHeight', 'GrossPerimeter', 'NetPerimeter', 'GrossFloorArea', 'NetFloorArea',
  'GrossWallArea', 'NetWallArea', 'GrossCeilingArea', 'NetCeilingArea', 'GrossVolume', 'NetVolume',
] as const;

/** What every room's schedule row needs, with its unit: present even when no source gives it. */
export const REQUIRED_QUANTITIES: Record<string, string> = { NetFloorArea: 'm2', GrossFloorArea: 'm2', GrossPerimeter: 'm', Height: 'm', GrossVolume: 'm3' };

/** Their names: what a room's geometry is asked for, and what a gap in it leaves missing. */
export const REQUIRED_QUANTITY_NAMES: readonly string[] = Object.keys(REQUIRED_QUANTITIES);

/** A value found for a named quantity, before the choice. */
export interface FoundQuantity {
  name: string;
  unit: string;
  candidate: QuantityCandidate;
}

/** Why geometry gave no value, per quantity (from the body reader), shown when nothing else gives one. */
export type GeometryGaps = ReadonlyMap<string, string>;

/**
 * Units a file's number may really be in, per dimension (factor to SI). A value written in one and
 * declared in another is off by the ratio of the two: mm² declared as m² (10⁶), feet read as
 * millimetres (Revit's GrossPerimeter in LargeBuilding.ifc: 93.18 "mm" for a 28.40 m outline).
 */
const LIKELY_UNITS: Record<'length' | 'area' | 'volume', { name: string; factor: number }[]> = {
  length: [{ name: 'metres', factor: 1 }, { name: 'centimetres', factor: 0.01 }, { name: 'millimetres', factor: 0.001 }, { name: 'feet', factor: 0.3048 }, { name: 'inches', factor: 0.0254 }],
  area: [{ name: 'm²', factor: 1 }, { name: 'cm²', factor: 1e-4 }, { name: 'mm²', factor: 1e-6 }, { name: 'square feet', factor: 0.09290304 }],
  volume: [{ name: 'm³', factor: 1 }, { name: 'litres', factor: 1e-3 }, { name: 'cm³', factor: 1e-6 }, { name: 'mm³', factor: 1e-9 }, { name: 'cubic feet', factor: 0.028316846592 }],
};

/** Every ratio a unit slip can cause, with its reading: "written in feet, read as millimetres". */
const UNIT_SLIPS: Record<'length' | 'area' | 'volume', { factor: number; reason: string }[]> = Object.fromEntries(
  (Object.keys(LIKELY_UNITS) as ('length' | 'area' | 'volume')[]).map((d) => [
    d,
    LIKELY_UNITS[d].flatMap((written) => LIKELY_UNITS[d].filter((read) => read !== written).map((read) => ({ factor: read.factor / written.factor, reason: `written in ${written.name} but read as ${read.name}` }))),
  ]),
) as Record<'length' | 'area' | 'volume', { factor: number; reason: string }[]>;

/** How close a ratio must be to a slip factor to count as that slip (5 %). */
const SLIP_MATCH = 0.05;

function relativeDifference(a: number, b: number): number {
  const m = Math.max(Math.abs(a), Math.abs(b));
  return m === 0 ? 0 : Math.abs(a - b) / m;
}

function isFromFile(source: QuantitySource): boolean {
  return source.startsWith('qto:') || source.startsWith('pset:');
}

export interface RoomQuantities {
  quantities: Quantity[];
  findings: QuantityFinding[];
}

/**
 * Chooses each quantity. `found` holds every value from every source; `gaps` the reasons geometry
 * could not give some quantity. The result lists the standard quantities in their order, then any
 * other quantity the file gives, by name.
 */
export function chooseRoomQuantities(found: readonly FoundQuantity[], gaps: GeometryGaps = new Map()): RoomQuantities {
  const byName = new Map<string, FoundQuantity[]>();
  for (const f of found) {
    if (!Number.isFinite(f.candidate.value)) continue;
    let list = byName.get(f.name);
    if (!list) byName.set(f.name, (list = []));
    // One value per source: a set that lists a quantity twice keeps its first.
    if (!list.some((x) => x.candidate.source === f.candidate.source)) list.push(f);
  }
  for (const list of byName.values()) list.sort((a, b) => sourceRank(a.candidate.source) - sourceRank(b.candidate.source));

  const findings: QuantityFinding[] = [];
  const references = referenceValues(byName);
  const quantities: Quantity[] = [];
  const names = [...new Set([...STANDARD_QUANTITIES.filter((n) => byName.has(n) || n in REQUIRED_QUANTITIES), ...[...byName.keys()].sort()])];
  for (const name of names) {
    const list = byName.get(name) ?? [];
    const unit = list[0]?.unit ?? REQUIRED_QUANTITIES[name] ?? '';
    // Micrometre precision: geometry's float noise (49.920000000001) is not a difference.
    const candidates = list.map((f) => ({ ...f.candidate, value: Math.round(f.candidate.value * 1e6) / 1e6 }));
    // A file value that is off from the room's own geometry (or, for volume, from area × height) by
    // a unit factor is a unit error: passed over, with the likely correction.
    const slipped = new Set<QuantityCandidate>();
    const reference = references.get(name);
    for (const c of candidates) {
      if (!reference || !isFromFile(c.source)) continue;
      const slip = unitSlip(c.value, reference.value, unit);
      if (!slip) continue;
      slipped.add(c);
      const corrected = c.value / slip.factor;
      c.note = `Looks ${slip.reason}: ${(c.value / reference.value).toPrecision(4)}× ${reference.what}. Likely ${formatQuantity(corrected, unit)}.`;
      findings.push({
        kind: 'unit-error',
        quantity: name,
        message: `${name} ${formatQuantity(c.value, unit)} (${c.source}) looks ${slip.reason}: it is ${(c.value / reference.value).toPrecision(4)}× ${reference.what} (${formatQuantity(reference.value, unit)}); likely ${formatQuantity(corrected, unit)}.`,
        values: [{ source: c.source, value: c.value }, { source: reference.source, value: reference.value }],
        likelyCorrection: { value: corrected, reason: slip.reason },
      });
    }
    const usable = candidates.filter((c) => !slipped.has(c));
    const chosen = usable[0];
    if (!chosen) {
      const gap = gaps.get(name);
      const note = candidates.length
        ? `Every value found looks like a unit error (see the findings); none is used.`
        : gap
          ? `No set in the file gives it, and the room's geometry gives none: ${gap}`
          : 'No set in the file gives it, and the room has no geometry or floor boundaries to compute it from.';
      quantities.push({ name, value: null, unit, source: 'missing', note, candidates, disputed: slipped.size > 0 });
      continue;
    }
    const disagreeing = usable.filter((c) => c !== chosen && relativeDifference(c.value, chosen.value) > AGREEMENT_TOLERANCE);
    if (disagreeing.length) {
      findings.push({
        kind: 'disagreement',
        quantity: name,
        message: `${name}: ${formatQuantity(chosen.value, unit)} (${chosen.source}) but ${disagreeing
          .map((c) => `${formatQuantity(c.value, unit)} (${c.source}, ${(relativeDifference(c.value, chosen.value) * 100).toFixed(1)} % apart)`)
          .join(', ')}.`,
        values: [chosen, ...disagreeing].map((c) => ({ source: c.source, value: c.value })),
      });
    }
    const q: Quantity = { name, value: chosen.value, unit, source: chosen.source, candidates, disputed: disagreeing.length > 0 || slipped.size > 0 };
    if (chosen.sourceName) q.sourceName = chosen.sourceName;
    const notes = [chosen.method ? `From ${describeSource(chosen.source)}: ${chosen.method}.` : null, chosen.note ?? null];
    if (disagreeing.length) notes.push(`Other sources differ by more than ${AGREEMENT_TOLERANCE * 100} %: ${disagreeing.map((c) => `${formatQuantity(c.value, unit)} from ${describeSource(c.source)}`).join('; ')}.`);
    if (slipped.size) notes.push(`Passed over as a likely unit error: ${[...slipped].map((c) => `${formatQuantity(c.value, unit)} from ${describeSource(c.source)}`).join('; ')}.`);
    const note = notes.filter((n): n is string => !!n).join(' ');
    if (note) q.note = note;
    quantities.push(q);
  }
  return { quantities, findings };
}

interface Reference {
  value: number;
  source: QuantitySource;
  what: string;
}

/**
 * What a file value is checked against: the best geometry value of the same quantity; for
 * GrossVolume without geometry, floor area × height.
 */
function referenceValues(byName: ReadonlyMap<string, FoundQuantity[]>): Map<string, Reference> {
  const out = new Map<string, Reference>();
  const geometryOf = (name: string) => byName.get(name)?.find((f) => f.candidate.source.startsWith('geometry:') && f.candidate.value > 0)?.candidate;
  for (const name of byName.keys()) {
    const g = geometryOf(name);
    if (g) out.set(name, { value: g.value, source: g.source, what: "the room's geometry" });
  }
  if (!out.has('GrossVolume')) {
    const firstPositive = (name: string) => byName.get(name)?.find((f) => f.candidate.value > 0)?.candidate;
    const area = geometryOf('GrossFloorArea') ?? geometryOf('NetFloorArea') ?? firstPositive('GrossFloorArea') ?? firstPositive('NetFloorArea');
    const height = geometryOf('Height') ?? firstPositive('Height');
    if (area && height) out.set('GrossVolume', { value: area.value * height.value, source: area.source, what: 'floor area × height' });
  }
  return out;
}

function unitSlip(value: number, reference: number, unit: string): { factor: number; reason: string } | null {
  const dimension = dimensionOf(unit);
  if (dimension === 'other' || !(reference > 0) || !(value > 0)) return null;
  const ratio = value / reference;
  // Within the agreement tolerance the value is simply right.
  if (Math.abs(ratio - 1) <= SLIP_MATCH) return null;
  return UNIT_SLIPS[dimension].find((s) => Math.abs(ratio / s.factor - 1) <= SLIP_MATCH) ?? null;
}
