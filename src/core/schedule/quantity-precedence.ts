// Which source of a room quantity wins, written once. The file's standard quantity sets are what
// the author declared; vendor sets say the same in the vendor's words; the room's own body is what
// the model draws (exact for swept solids, approximate for triangulations); the floor boundaries'
// sum is the last resort, because boundaries are cut at wall axes or faces, not where the room is
// measured (a Revit model: 22.25 m² from boundaries where the file says 26.12 m²).
import { QuantitySource } from './model';

/** Standard quantity sets: IFC4's Qto_SpaceBaseQuantities, then IFC2X3's BaseQuantities. */
export const STANDARD_QUANTITY_SETS = ['Qto_SpaceBaseQuantities', 'BaseQuantities'] as const;

/** Lower ranks win. */
export function sourceRank(source: QuantitySource): number {
  if (source.startsWith('qto:')) {
    const i = (STANDARD_QUANTITY_SETS as readonly string[]).indexOf(source.slice(4));
    return i >= 0 ? i : 2;
  }
  if (source.startsWith('pset:')) return 3;
  switch (source) {
    case 'geometry:extrusion':
      return 4;
    case 'geometry:footprint':
      return 5;
    case 'geometry:mesh':
      return 6;
    case 'boundaries':
      return 7;
    default:
      return 8;
  }
}

/** Two candidates further apart than this (relative to the larger) make the room's quantity disputed. */
export const AGREEMENT_TOLERANCE = 0.02;

/** What users read for each source, in tooltips and the Properties tab. */
export function describeSource(source: QuantitySource): string {
  if (source.startsWith('qto:')) return `the file's quantity set "${source.slice(4)}"`;
  if (source.startsWith('pset:')) return `the file's property set "${source.slice(5)}"`;
  switch (source) {
    case 'geometry:extrusion':
      return "the room's body (its extruded profile, computed exactly)";
    case 'geometry:footprint':
      return "the room's FootPrint outline";
    case 'geometry:mesh':
      return "the room's body (its triangulated shape)";
    case 'boundaries':
      return "the sum of the room's floor space boundaries";
    default:
      return 'no source';
  }
}

/** A short tag for lists and columns: "file", "geometry", "boundaries", "—". */
export function sourceKind(source: QuantitySource): 'file' | 'geometry' | 'boundaries' | 'missing' {
  if (source.startsWith('qto:') || source.startsWith('pset:')) return 'file';
  if (source.startsWith('geometry:')) return 'geometry';
  return source === 'boundaries' ? 'boundaries' : 'missing';
}
