// The project's units (IfcProject.UnitsInContext), as factors to SI: lengths in metres, areas in m²,
// volumes in m³, plane angles in radians. Quantities and coordinates in an IFC file are in these
// project units unless they name their own unit.
import * as W from './schema/ifc-types';
import { ModelReader } from './model-reader';
import { enumValue, num, ref, refs, str } from './step-values';
import { WarningCollector } from './warnings';

export interface ProjectUnits {
  length: number;
  area: number;
  volume: number;
  planeAngle: number;
  mass: number;
  time: number;
  /** Unit types the file does not assign, whose factor is assumed (SI, or length² / length³). */
  assumed: Set<string>;
}

const SI_PREFIX: Record<string, number> = {
  EXA: 1e18, PETA: 1e15, TERA: 1e12, GIGA: 1e9, MEGA: 1e6, KILO: 1e3, HECTO: 1e2, DECA: 1e1,
  DECI: 1e-1, CENTI: 1e-2, MILLI: 1e-3, MICRO: 1e-6, NANO: 1e-9, PICO: 1e-12, FEMTO: 1e-15, ATTO: 1e-18,
};

/** Powers of the prefix each SI unit name carries, and the factor of the unprefixed unit to SI. */
const SI_NAME: Record<string, { power: number; base: number }> = {
  METRE: { power: 1, base: 1 },
  SQUARE_METRE: { power: 2, base: 1 },
  CUBIC_METRE: { power: 3, base: 1 },
  RADIAN: { power: 1, base: 1 },
  // The SI base unit of mass is the kilogram; the IFC unit name is GRAM.
  GRAM: { power: 1, base: 1e-3 },
  SECOND: { power: 1, base: 1 },
};

const UNIT_FIELDS: Record<string, keyof Omit<ProjectUnits, 'assumed'>> = {
  LENGTHUNIT: 'length',
  AREAUNIT: 'area',
  VOLUMEUNIT: 'volume',
  PLANEANGLEUNIT: 'planeAngle',
  MASSUNIT: 'mass',
  TIMEUNIT: 'time',
};

/** Factor to SI of one unit entity (IfcSIUnit, IfcConversionBasedUnit), or null when unknown. */
function unitFactor(reader: ModelReader, id: number, depth = 0): { type: string | null; factor: number | null; name: string } {
  const line = reader.line(id);
  if (!line || depth > 4) return { type: null, factor: null, name: `#${id}` };
  if (line.type === W.IFCSIUNIT) {
    // IfcSIUnit: UnitType, Prefix, Name (Dimensions is derived and not in web-ifc's raw line).
    const [unitType, prefix, siName] = [enumValue(line.arguments[0]), enumValue(line.arguments[1]), enumValue(line.arguments[2])];
    const si = siName ? SI_NAME[siName] : undefined;
    const p = prefix ? SI_PREFIX[prefix] : 1;
    // Units without a factor to SI in our table (e.g. KELVIN) are fine to return as 1 when unprefixed.
    const factor = si ? si.base * Math.pow(p ?? 1, si.power) : p === 1 ? 1 : null;
    return { type: unitType, factor, name: `${prefix ? `${prefix} ` : ''}${siName ?? '?'}` };
  }
  if (reader.isA(line.type, W.IFCCONVERSIONBASEDUNIT)) {
    // IfcConversionBasedUnit: Dimensions, UnitType, Name, ConversionFactor (an IfcMeasureWithUnit).
    const unitType = enumValue(line.arguments[1]);
    const name = str(line.arguments[2]) ?? 'unnamed unit';
    const measureId = ref(line.arguments[3]);
    const measure = measureId !== null ? reader.line(measureId) : null;
    const value = measure ? num(measure.arguments[0]) : null;
    const inner = measure ? ref(measure.arguments[1]) : null;
    const innerFactor = inner !== null ? unitFactor(reader, inner, depth + 1).factor : null;
    const factor = typeof value === 'number' && innerFactor !== null ? value * innerFactor : null;
    return { type: unitType, factor, name };
  }
  // IfcContextDependentUnit (Dimensions, UnitType, Name): no factor to SI by definition.
  return { type: enumValue(line.arguments[1]), factor: null, name: str(line.arguments[2]) ?? reader.typeName(line.type) };
}

export function readProjectUnits(reader: ModelReader, unitAssignmentId: number | null, warnings: WarningCollector): ProjectUnits {
  const found: Partial<Record<keyof Omit<ProjectUnits, 'assumed'>, number>> = {};
  const assignment = unitAssignmentId !== null ? reader.line(unitAssignmentId) : null;
  for (const unitId of assignment ? refs(assignment.arguments[0]) : []) {
    const { type, factor, name } = unitFactor(reader, unitId);
    const field = type ? UNIT_FIELDS[type] : undefined;
    if (!field || found[field] !== undefined) continue;
    if (factor === null || !(factor > 0)) {
      warnings.add('units', `The ${type?.toLowerCase().replace('unit', ' unit')} "${name}" has no known conversion to SI; values in it are shown unconverted.`, unitId);
      continue;
    }
    found[field] = factor;
  }
  const assumed = new Set<string>();
  const pick = (field: keyof typeof found, fallback: number) => {
    if (found[field] !== undefined) return found[field] as number;
    assumed.add(field);
    return fallback;
  };
  const length = pick('length', 1);
  // Without a unit assignment at all the caller has already said so (no project).
  if (assumed.has('length') && assignment) warnings.add('units', 'The model assigns no length unit; metres are assumed.');
  return {
    length,
    // Without an AREAUNIT / VOLUMEUNIT, areas and volumes follow the length unit (mm → mm², mm³).
    area: pick('area', length * length),
    volume: pick('volume', length * length * length),
    planeAngle: pick('planeAngle', 1),
    mass: pick('mass', 1),
    time: pick('time', 1),
    assumed,
  };
}

/** Factor to SI of a unit a value names itself (IfcPhysicalQuantity.Unit), or null when unknown. */
export function unitToSi(reader: ModelReader, unitId: number): number | null {
  return unitFactor(reader, unitId).factor;
}
