// What a revision compare reports: rooms added, removed and changed between two room schedules of
// the same building. Plain JSON (the CLI writes it as is); the field names are the contract of
// `ifc-room-schedule diff --format json`.

/** A room as the report names it. `number` is the IfcSpace Name, `name` its LongName (both trimmed). */
export interface DiffRoom {
  globalId: string | null;
  number: string;
  name: string;
  storey: string;
}

export type DiffValue = string | number | boolean | null;

/**
 * One field that differs. `field` is "name", "longName", "storey", "zones", "note",
 * "quantities.<name>", "properties.<set>.<property>" or "boundaries.<surface type>".
 */
export interface FieldChange {
  field: string;
  old: DiffValue;
  new: DiffValue;
}

/** A room in both revisions whose own data differs; named as it is in the new revision. */
export interface ChangedRoom {
  globalId: string | null;
  number: string;
  name: string;
  changes: FieldChange[];
}

/**
 * How rooms of the two revisions were paired. 'globalId' when enough GlobalIds are shared;
 * 'number+storey' when an exporter has regenerated them (few or none in common).
 */
export type MatchMethod = 'globalId' | 'number+storey';

export interface MatchReport {
  method: MatchMethod;
  /** Rooms whose GlobalId is in both revisions. */
  globalIdsInCommon: number;
  /** Pairs made among several rooms with the same number and storey (and different long names), by file order: worth a look. */
  pairedByFileOrder: number;
  /** The reason for the method, in the user's words. */
  explanation: string;
}

export interface DiffFileInfo {
  /** File name as read, e.g. "MultiZoneBuilding.ifc". */
  file: string;
  sha256: string;
  rooms: number;
}

export interface DiffHeader {
  format: 'ifc-room-schedule/revision-diff';
  version: 1;
  old: DiffFileInfo;
  new: DiffFileInfo;
  match: MatchReport;
  /** Relative tolerance for quantities and measured property values, in percent. */
  tolerancePercent: number;
}

export interface RevisionDiff {
  header: DiffHeader;
  added: DiffRoom[];
  removed: DiffRoom[];
  changed: ChangedRoom[];
}

export function hasDifferences(diff: RevisionDiff): boolean {
  return diff.added.length > 0 || diff.removed.length > 0 || diff.changed.length > 0;
}

/** "2 added, 0 removed, 5 changed", or "no differences". */
export function changeCounts(diff: RevisionDiff): string {
  return hasDifferences(diff) ? `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed` : 'no differences';
}

export const DEFAULT_TOLERANCE_PERCENT = 0.5;
