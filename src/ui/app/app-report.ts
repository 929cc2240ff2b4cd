// --report FILE: the Diagnostics report as JSON, with what a scripted check needs besides it — the
// exercise's figures, a fresh verification listing every retained object, undisposed root and
// orphan, and what the window shows (heading, status, buttons).
import type { FoundObject, FoundOrphan, ResourceMonitorReport } from '../../core/monitor/monitor-report';
import { writeFileAtomicSync } from '../../platform/atomic-file';
import type { AppController, ScreenState } from './app-controller';
import type { ExerciseResult } from './exercise';

export interface AppReport extends ResourceMonitorReport {
  exercise?: ExerciseResult;
  verification: { retained: FoundObject[]; undisposedRoots: FoundObject[]; orphans: FoundOrphan[] };
  window: ScreenState;
}

export async function buildAppReport(app: AppController, exercise?: ExerciseResult): Promise<AppReport> {
  await app.whenIdle();
  const v = await app.monitor.verify();
  return {
    ...app.monitor.getResourceMonitorReport(),
    exercise,
    verification: { retained: v.objects.filter((o) => o.kind === 'retained'), undisposedRoots: v.objects.filter((o) => o.kind === 'undisposed'), orphans: v.orphanList },
    window: app.screenState(),
  };
}

/** Writes the report; true when its verification found nothing. */
export function writeAppReport(file: string, report: AppReport): boolean {
  writeFileAtomicSync(file, JSON.stringify(report, null, 2));
  const v = report.verification;
  return v.retained.length + v.undisposedRoots.length + v.orphans.length === 0;
}
