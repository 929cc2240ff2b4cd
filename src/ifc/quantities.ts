// Every value the file gives for a room quantity, as a named source: Qto_SpaceBaseQuantities (IFC4),
// BaseQuantities (IFC2X3), any other IfcElementQuantity (unnamed ones included: ArchiCAD 9 writes
// "horizontal area" and "volume" in a set without a name), and the vendor property sets that state
// a room's size (Revit's Dimensions / PSet_Revit_Dimensions, GSA Space Areas). Names are mapped to
// the Qto_SpaceBaseQuantities vocabulary by quantity type and name; the name as written is kept.
import { FoundQuantity, STANDARD_QUANTITIES } from '../core/schedule/room-quantities';
import { DecodedSet, QuantityKind } from './property-sets';
import { ProjectUnits } from './units';

type Dimension = 'length' | 'area' | 'volume';

const UNIT: Record<Dimension, string> = { length: 'm', area: 'm2', volume: 'm3' };

/** Compares names as "netfloorarea": case, spaces, underscores and hyphens do not matter. */
function normalised(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Names exporters write in quantity sets, by dimension, mapped to the standard ones. */
const QTO_NAMES: Record<Dimension, Record<string, string>> = {
  length: {
    ...Object.fromEntries(STANDARD_QUANTITIES.filter((n) => /Height|Perimeter/.test(n)).map((n) => [normalised(n), n])),
    height: 'Height', nominalheight: 'Height', unboundedheight: 'Height', clearheight: 'FinishCeilingHeight',
    perimeter: 'GrossPerimeter', netperimeter: 'NetPerimeter',
  },
  area: {
    ...Object.fromEntries(STANDARD_QUANTITIES.filter((n) => /Area/.test(n)).map((n) => [normalised(n), n])),
    area: 'NetFloorArea', netarea: 'NetFloorArea', floorarea: 'NetFloorArea', horizontalarea: 'NetFloorArea', netsurfacearea: 'NetFloorArea',
    grossarea: 'GrossFloorArea', gsabimarea: 'NetFloorArea', wallarea: 'GrossWallArea', ceilingarea: 'GrossCeilingArea',
  },
  volume: {
    ...Object.fromEntries(STANDARD_QUANTITIES.filter((n) => /Volume/.test(n)).map((n) => [normalised(n), n])),
    volume: 'GrossVolume', netvolume: 'NetVolume', grossvolume: 'GrossVolume',
  },
};

/**
 * Vendor property sets whose properties state a room's size, with their names for the standard
 * quantities. Values are typed measures in the project's units.
 */
const VENDOR_SETS: Record<string, Record<string, string>> = {
  // Revit: IFC2X3 exports "Dimensions", IFC4 exports "PSet_Revit_Dimensions".
  dimensions: { area: 'NetFloorArea', perimeter: 'GrossPerimeter', volume: 'GrossVolume', unboundedheight: 'Height' },
  psetrevitdimensions: { area: 'NetFloorArea', perimeter: 'GrossPerimeter', volume: 'GrossVolume', unboundedheight: 'Height' },
  gsaspaceareas: { gsabimarea: 'NetFloorArea' },
};

const MEASURE_DIMENSION: Record<string, Dimension> = {
  IfcLengthMeasure: 'length', IfcPositiveLengthMeasure: 'length', IfcNonNegativeLengthMeasure: 'length',
  IfcAreaMeasure: 'area', IfcVolumeMeasure: 'volume',
};

const OTHER_UNIT: Record<QuantityKind, string> = { length: 'm', area: 'm2', volume: 'm3', count: '', weight: 'kg', time: 's' };

const KIND_DIMENSION: Partial<Record<QuantityKind, Dimension>> = { length: 'length', area: 'area', volume: 'volume' };

export function fileQuantities(sets: readonly DecodedSet[], units: ProjectUnits): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  for (const { set, quantities } of sets) {
    if (quantities) {
      for (const q of quantities) {
        if (q.value === null) continue;
        const dimension = KIND_DIMENSION[q.kind];
        const name = dimension && QTO_NAMES[dimension][normalised(q.name)];
        // A quantity outside the vocabulary is listed under its own name, never dropped.
        if (dimension && name) out.push(found(name, UNIT[dimension], q.value, `qto:${set.name}`, q.name));
        else out.push(found(q.name, OTHER_UNIT[q.kind], q.value, `qto:${set.name}`, q.name));
      }
      continue;
    }
    const vocabulary = VENDOR_SETS[normalised(set.name)];
    if (!vocabulary) continue;
    for (const p of set.properties) {
      const name = vocabulary[normalised(p.name)];
      const dimension = p.valueType ? MEASURE_DIMENSION[p.valueType] : undefined;
      if (!name || !dimension || typeof p.value !== 'number' || dimension !== dimensionOfStandard(name)) continue;
      out.push(found(name, UNIT[dimension], p.value * units[dimension], `pset:${set.name}`, p.name));
    }
  }
  return out;
}

function found(name: string, unit: string, value: number, source: `qto:${string}` | `pset:${string}`, written: string): FoundQuantity {
  const candidate: FoundQuantity['candidate'] = { source, value };
  if (written !== name) candidate.sourceName = written;
  return { name, unit, candidate };
}

function dimensionOfStandard(name: string): Dimension {
  return /Area/.test(name) ? 'area' : /Volume/.test(name) ? 'volume' : 'length';
}

/**
 * The sum of the floor boundaries' areas, the last resort (boundaries are cut at wall axes or faces,
 * not where the room is measured).
 */
export function boundaryFloorArea(floor: { areas: number[]; missing: number; level: string }): FoundQuantity | null {
  if (floor.areas.length === 0) return null;
  const sum = floor.areas.reduce((s, a) => s + a, 0);
  const partial = floor.missing ? `; ${floor.missing} more floor boundar${floor.missing === 1 ? 'y has' : 'ies have'} no usable geometry and ${floor.missing === 1 ? 'is' : 'are'} not included` : '';
  return {
    name: 'NetFloorArea',
    unit: 'm2',
    candidate: {
      source: 'boundaries',
      value: Math.round(sum * 1e6) / 1e6,
      method: `the sum of ${floor.areas.length} floor space boundar${floor.areas.length === 1 ? 'y' : 'ies'} (${floor.level}), from their ConnectionGeometry with openings subtracted${partial}`,
    },
  };
}
