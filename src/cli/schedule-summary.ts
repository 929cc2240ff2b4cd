// What `extract` says about each file once it is exported: its rooms, boundaries and findings.
// Counted where the schedule is: on the main thread, or in the worker that wrote the export.
import { findingCounts, validateSchedule } from '../core/schedule/validation';
import { RoomSchedule } from '../core/schedule/model';

export interface ScheduleSummary {
  spaces: number;
  boundaries: number;
  /** The same findings, counted the same way, as Validate in the app and the XLSX summary. */
  findings: ReturnType<typeof findingCounts>;
}

export function scheduleSummary(schedule: RoomSchedule): ScheduleSummary {
  return { spaces: schedule.spaces.length, boundaries: schedule.spaces.reduce((n, s) => n + s.boundaries.length, 0), findings: findingCounts(validateSchedule(schedule)) };
}
