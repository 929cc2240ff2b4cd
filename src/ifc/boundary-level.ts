// The level of a space boundary, as the standard states it, never guessed:
// - IFC4 and later: the class says it. IfcRelSpaceBoundary2ndLevel is a subtype of
//   IfcRelSpaceBoundary1stLevel, so the 2nd-level test comes first.
// - IFC2X3 has no subtypes: the implementer agreements (CV 2.0 space boundary add-on view) put
//   "1stLevel" / "2ndLevel" in Name and "2a" / "2b" in Description.
// - Anything else is "unspecified".
import * as W from './schema/ifc-types';
import { BoundaryLevel } from '../core/schedule/model';

export interface LevelInfo {
  level: BoundaryLevel;
  levelDetail: '2a' | '2b' | null;
  levelSource: string;
}

const IFC2X3 = 1;

function detail(description: string | null): '2a' | '2b' | null {
  const d = description?.trim().toLowerCase();
  return d === '2a' || d === '2b' ? d : null;
}

export function boundaryLevel(type: number, schemaFamily: number, name: string | null, description: string | null): LevelInfo {
  if (type === W.IFCRELSPACEBOUNDARY2NDLEVEL) {
    return { level: '2ndLevel', levelDetail: detail(description), levelSource: 'IFC4 subtype IfcRelSpaceBoundary2ndLevel' };
  }
  if (type === W.IFCRELSPACEBOUNDARY1STLEVEL) {
    return { level: '1stLevel', levelDetail: null, levelSource: 'IFC4 subtype IfcRelSpaceBoundary1stLevel' };
  }
  if (schemaFamily === IFC2X3) {
    const n = name?.trim().toLowerCase();
    if (n === '2ndlevel') return { level: '2ndLevel', levelDetail: detail(description), levelSource: "IFC2X3 Name '2ndLevel'" };
    if (n === '1stlevel') return { level: '1stLevel', levelDetail: null, levelSource: "IFC2X3 Name '1stLevel'" };
    return { level: 'unspecified', levelDetail: null, levelSource: name ? `not stated (IFC2X3 Name '${name}' is neither '1stLevel' nor '2ndLevel')` : 'not stated (IFC2X3 Name is empty)' };
  }
  return { level: 'unspecified', levelDetail: null, levelSource: 'not stated (plain IfcRelSpaceBoundary; IFC4 states the level by subtype)' };
}

/**
 * The boundaries that describe a space's surfaces once: its 2nd-level ones if it has any, else its
 * 1st-level ones, else all. Used for surface totals and the computed floor area, so a file carrying
 * both levels is not counted twice. Boundaries whose level is not stated but whose Description
 * says "2a" / "2b" (the Space Boundary Tool names its 2b pieces "3rdLevel", as in SWW-5_SB.ifc)
 * describe themselves as parts of the second-level set and complete it.
 */
export function levelForTotals<T extends { level: BoundaryLevel; description: string | null }>(boundaries: readonly T[]): { level: string; boundaries: T[] } {
  const second = boundaries.filter((b) => b.level === '2ndLevel');
  if (second.length) {
    const parts = boundaries.filter((b) => b.level === 'unspecified' && detail(b.description) !== null);
    return { level: parts.length ? `2ndLevel, with ${parts.length} unnamed 2a/2b part${parts.length === 1 ? '' : 's'}` : '2ndLevel', boundaries: [...second, ...parts] };
  }
  const first = boundaries.filter((b) => b.level === '1stLevel');
  if (first.length) return { level: '1stLevel', boundaries: first };
  return { level: 'level not stated', boundaries: [...boundaries] };
}
