// Schedules of the real test models, each extracted once per test file (in-process, from disk).
import { RoomSchedule, Space } from '../../../src/core/schedule/model';
import { extractScheduleFromFile } from '../../../src/ifc/extract';
import { realModel } from '../../support/fixtures';

const cache = new Map<string, Promise<RoomSchedule>>();

export function extracted(filename: string): Promise<RoomSchedule> {
  let s = cache.get(filename);
  if (!s) {
    s = extractScheduleFromFile(realModel(filename));
    cache.set(filename, s);
  }
  return s;
}

export function boundaryCount(schedule: RoomSchedule): number {
  return schedule.spaces.reduce((n, s) => n + s.boundaries.length, 0);
}

export function quantity(space: Space, name: string) {
  return space.quantities.find((q) => q.name === name);
}

/** The models with spaces and space boundaries (ArchiCAD 18/20 and the Space Boundary Tool's SWW-5_SB). */
export const MODELS_WITH_BOUNDARIES = ['OneZone.ifc', 'TwoZones.ifc', 'MultiZoneBuilding.ifc', 'RooftopBuilding4ZonesThin.ifc', 'SWW-5_SB.ifc'];
