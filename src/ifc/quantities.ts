// A space's quantities from its quantity sets: Qto_SpaceBaseQuantities (IFC4), BaseQuantities
// (IFC2X3, e.g. Revit) and any other IfcElementQuantity, each tagged qto:<set name>. Names follow the
// Qto_SpaceBaseQuantities vocabulary; tool-specific names are mapped and keep their sourceName.
import { Quantity } from '../core/schedule/model';
import { DecodedSet, QuantityKind } from './property-sets';

/** Qto_SpaceBaseQuantities, in the order the schedule shows them. */
export const STANDARD_QUANTITIES = [
  'Height', 'FinishCeilingHeight', 'FinishFloorHeight', 'GrossPerimeter', 'NetPerimeter', 'GrossFloorArea', 'NetFloorArea',
  'GrossWallArea', 'NetWallArea', 'GrossCeilingArea', 'NetCeilingArea', 'GrossVolume', 'NetVolume',
];

/** Names some exporters write for standard quantities (Revit's IFC2x3 exporter: NominalHeight). */
const ALIASES: Record<string, string> = { NominalHeight: 'Height' };

const UNIT: Record<QuantityKind, string> = { length: 'm', area: 'm2', volume: 'm3', count: '', weight: 'kg', time: 's' };

/** Lower wins: the IFC4 standard set, then IFC2X3's BaseQuantities, then anything else. */
function setPriority(setName: string): number {
  if (setName === 'Qto_SpaceBaseQuantities') return 0;
  if (setName === 'BaseQuantities') return 1;
  return 2;
}

export function spaceQuantities(sets: readonly DecodedSet[]): Quantity[] {
  const best = new Map<string, { q: Quantity; priority: number }>();
  for (const { set, quantities } of sets) {
    if (!quantities) continue;
    const priority = setPriority(set.name);
    for (const sq of quantities) {
      const standard = STANDARD_QUANTITIES.includes(sq.name) ? sq.name : ALIASES[sq.name];
      const name = standard ?? sq.name;
      const q: Quantity = { name, value: sq.value, unit: UNIT[sq.kind], source: `qto:${set.name}` };
      if (name !== sq.name) q.sourceName = sq.name;
      if (sq.value === null) q.note = 'The quantity has no value, or its unit has no known conversion to SI.';
      const current = best.get(name);
      if (!current || priority < current.priority) best.set(name, { q, priority });
    }
  }
  const order = (name: string) => {
    const i = STANDARD_QUANTITIES.indexOf(name);
    return i < 0 ? STANDARD_QUANTITIES.length : i;
  };
  return [...best.values()].map((b) => b.q).sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name));
}

/**
 * Adds NetFloorArea when no quantity set gives it: the sum of the floor boundaries' areas when
 * there are some ('computed'), otherwise a 'missing' entry so every space has the column.
 */
export function withNetFloorArea(quantities: Quantity[], floor: { areas: number[]; missing: number; level: string } | null): Quantity[] {
  if (quantities.some((q) => q.name === 'NetFloorArea' && q.value !== null)) return quantities;
  const rest = quantities.filter((q) => q.name !== 'NetFloorArea');
  let entry: Quantity;
  if (floor && floor.areas.length > 0) {
    const sum = floor.areas.reduce((s, a) => s + a, 0);
    const partial = floor.missing ? `; ${floor.missing} more floor boundar${floor.missing === 1 ? 'y has' : 'ies have'} no usable geometry and ${floor.missing === 1 ? 'is' : 'are'} not included` : '';
    entry = {
      name: 'NetFloorArea',
      value: Math.round(sum * 1e6) / 1e6,
      unit: 'm2',
      source: 'computed',
      note: `Sum of ${floor.areas.length} floor space boundar${floor.areas.length === 1 ? 'y' : 'ies'} (${floor.level}), from their ConnectionGeometry with openings subtracted${partial}.`,
    };
  } else {
    entry = {
      name: 'NetFloorArea',
      value: null,
      unit: 'm2',
      source: 'missing',
      note: floor && floor.missing ? 'No quantity set gives it and the floor boundaries have no usable geometry.' : 'No quantity set gives it and the space has no floor boundaries.',
    };
  }
  const i = rest.findIndex((q) => STANDARD_QUANTITIES.indexOf(q.name) > STANDARD_QUANTITIES.indexOf('NetFloorArea') || !STANDARD_QUANTITIES.includes(q.name));
  return i < 0 ? [...rest, entry] : [...rest.slice(0, i), entry, ...rest.slice(i)];
}
