// Tools → Check requirements…: choose an IDS file, check the open model against it in the IDS check
// worker (progress and Cancel in the status bar, which follows the runner), then list the results
// and mark the failing rooms in the room list. The IDS is remembered per model (by its SHA-256).
import type { RoomToolDeps } from '../app/room-tool-deps';
import * as path from 'path';
import type { IdsRow } from '../../core/ids/ids-rows';
import { failuresByEntity, IdsReport, reportCounts } from '../../core/ids/ids-report';
import { Disposable, disposableTimeout, Emitter, Event, MutableDisposable } from '../../core/lifecycle';
import { isCancelled, OperationError } from '../../core/operations/operation-error';
import type { OperationErrorInfo } from '../../core/operations/protocol';
import type { Space } from '../../core/schedule/model';
import { startIdsCheck } from '../../ifc/ids/ids-check-job';
import { log } from '../../platform/logging';
import type { ModelSession } from '../app/model-session';
import { OperationSlot } from '../app/operation-slot';
import type { RoomMark } from '../spaces/space-list-panel';
import { CheckDialog } from './check-dialog';
import { chooseExistingFile } from '../dialogs/model-file-dialog';
import { LastIdsFiles } from './last-ids';

export type CheckOutcome = { kind: 'checked'; report: IdsReport } | { kind: 'failed'; error: OperationErrorInfo } | { kind: 'cancelled' };

export type CheckControllerDeps = RoomToolDeps;

const MARKS = 'ids';

export class CheckController extends Disposable {
  private readonly running = this.register(new OperationSlot<IdsReport>('ids-check'));
  private readonly dialogSlot = this.register(new MutableDisposable<CheckDialog>());
  private readonly pendingShow = this.register(new MutableDisposable());
  private readonly lastIds: LastIdsFiles;
  /** The IDS of the last check and the model file it was for (paths only: no closed session kept alive). */
  private lastCheck: { modelPath: string; idsPath: string } | undefined;
  private readonly finished = this.register(new Emitter<CheckOutcome>('CheckController.finished'));
  readonly onDidFinish: Event<CheckOutcome> = this.finished.event;

  constructor(private readonly deps: CheckControllerDeps) {
    super('CheckController');
    this.lastIds = new LastIdsFiles(deps.dataDir);
  }

  get isRunning(): boolean {
    return this.running.isRunning;
  }

  get dialog(): CheckDialog | undefined {
    return this.dialogSlot.value;
  }

  /** The IDS last checked against the open model, if any (and still there). */
  lastIdsForModel(): string | undefined {
    const s = this.deps.session();
    return s ? this.lastIds.get(s.schedule.metadata.source.sha256) : undefined;
  }

  chooseFile(): void {
    const s = this.deps.session();
    if (!s) return;
    // Opened where the IDS last used with this model is, and saying which one it was.
    const last = this.lastIdsForModel();
    const title = last ? `Check requirements: choose an IDS file (last used: ${path.basename(last)})` : 'Check requirements: choose an IDS file';
    chooseExistingFile(this.deps.parent, { title, folder: last ? path.dirname(last) : path.dirname(s.filePath), nameFilter: 'IDS files (*.ids *.IDS *.xml);;All files (*)' }, (file) => this.checkWith(file));
  }

  /** Checks the open model against the IDS at `idsPath`. */
  checkWith(idsPath: string): void {
    const session = this.deps.session();
    if (!session || this.running.isRunning) return;
    const op = startIdsCheck(this.deps.runner, { modelPath: session.filePath, idsPath });
    this.running.hold(op);
    op.result.then(
      (report) => this.end(op, session, idsPath, { kind: 'checked', report }),
      (e: unknown) => {
        if (isCancelled(e)) return this.end(op, session, idsPath, { kind: 'cancelled' });
        const error = e instanceof OperationError ? e.toInfo() : { category: 'internal' as const, message: String(e), suggestion: 'Please report this with the log file.' };
        if (this.end(op, session, idsPath, { kind: 'failed', error })) this.deps.showError(error);
      },
    );
  }

  async cancel(): Promise<void> {
    const done = this.running.cancel('user');
    if (!done) return;
    this.finished.fire({ kind: 'cancelled' });
    await done;
  }

  private end(op: Parameters<OperationSlot<IdsReport>['release']>[0], session: ModelSession, idsPath: string, outcome: CheckOutcome): boolean {
    if (!this.running.release(op)) return false;
    if (outcome.kind === 'checked' && this.deps.session() === session && !this.isDisposed) {
      this.lastIds.set(session.schedule.metadata.source.sha256, idsPath);
      this.lastCheck = { modelPath: session.filePath, idsPath };
      const report = outcome.report;
      const started = performance.now();
      this.markRooms(report, session);
      // The list first, the results dialog on the next turn: each stays one short step for the UI
      // thread (together ~90 ms on the 202 MB model with 744 failing rooms, on a busy machine).
      this.pendingShow.value = disposableTimeout(() => {
        const marked = performance.now() - started;
        this.showResults(report);
        const c = reportCounts(report);
        this.deps.notice(report.status === 'pass' ? `Checked against ${report.ids.fileName}: every applicable requirement passes` : `Checked against ${report.ids.fileName}: ${c.failed} of ${c.specifications} specifications fail, ${c.failedEntities} entities`);
        log().info(`checked ${report.model.fileName} against ${report.ids.fileName} in the worker (${JSON.stringify(report.timingsMs)}); rooms marked in ${marked.toFixed(1)} ms, results listed in ${(performance.now() - started - marked).toFixed(1)} ms`);
        this.finished.fire(outcome);
      }, 0, 'ids-check.show-results', { owner: this });
      return true;
    }
    if (outcome.kind === 'cancelled') this.deps.notice('Requirements check cancelled');
    this.finished.fire(outcome);
    return true;
  }

  private markRooms(report: IdsReport, session: ModelSession): void {
    const byGlobalId = new Map<string, Space>();
    for (const s of session.spaces) if (s.globalId && !byGlobalId.has(s.globalId)) byGlobalId.set(s.globalId, s);
    const marks = new Map<Space, RoomMark>();
    for (const f of failuresByEntity(report)) {
      const space = f.entity.globalId ? byGlobalId.get(f.entity.globalId) : undefined;
      if (space) marks.set(space, { symbol: '✗', tip: `Fails ${report.ids.fileName}: ${f.failures.map((x) => `${x.specification} (${x.reasons.join('; ')})`).join(', ')}` });
    }
    this.deps.list.setMarks(MARKS, marks);
  }

  private showResults(report: IdsReport): void {
    let dialog = this.dialogSlot.value;
    if (!dialog) {
      dialog = new CheckDialog(this.deps.parent);
      this.dialogSlot.value = dialog;
      dialog.own(dialog.onDidChoose((row) => this.goTo(row)));
      dialog.own(dialog.onDidAskAgain((which) => this.again(which)));
    }
    dialog.setReport(report);
    dialog.show();
  }

  private again(which: 'same' | 'other'): void {
    const last = this.lastCheck;
    if (which === 'same' && last && last.modelPath === this.deps.session()?.filePath) this.checkWith(last.idsPath);
    else this.chooseFile();
  }

  /** Entities that are not rooms (a wall, a door) are not in the room list: there is nowhere to go. */
  private goTo(row: IdsRow): void {
    const globalId = row.entity?.globalId;
    if (!globalId) return;
    const index = this.deps.session()?.spaces.findIndex((s) => s.globalId === globalId) ?? -1;
    if (index >= 0) this.deps.goTo(index);
  }
}
