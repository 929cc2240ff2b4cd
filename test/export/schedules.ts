// What the export tests need beyond the extracted schedules (test/ifc/support/extracted.ts): a copy
// they may change, and a temporary folder for the files they write.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RoomSchedule } from '../../src/core/schedule/model';
import { extracted } from '../ifc/support/extracted';

/** A deep copy the test may change without touching the cached schedule. */
export async function editableScheduleOf(filename: string): Promise<RoomSchedule> {
  return structuredClone(await extracted(filename));
}

export function tempFolder(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ifcrs-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
