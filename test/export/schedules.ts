// Real schedules for the export tests: each fixture extracted once per test file, in-process.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RoomSchedule } from '../../src/core/schedule/model';
import { extractSchedule } from '../../src/ifc/extract';
import { realModel } from '../support/fixtures';

const cache = new Map<string, Promise<RoomSchedule>>();

export function scheduleOf(filename: string): Promise<RoomSchedule> {
  let s = cache.get(filename);
  if (!s) {
    const file = realModel(filename);
    s = extractSchedule({ bytes: new Uint8Array(fs.readFileSync(file)), name: filename, path: file });
    cache.set(filename, s);
  }
  return s;
}

/** A deep copy the test may change without touching the cached schedule. */
export async function editableScheduleOf(filename: string): Promise<RoomSchedule> {
  return structuredClone(await scheduleOf(filename));
}

export function tempFolder(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ifcrs-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function countBoundaries(schedule: RoomSchedule): number {
  return schedule.spaces.reduce((n, s) => n + s.boundaries.length, 0);
}
