// File → Compare with…: reads the other revision through the load path (a LoadController of its
// own: the extraction worker, its progress in the status bar, Cancel), compares it with the open
// model in slices on the UI thread, then lists the changes and marks changed and added rooms in the
// room list. The other model's schedule is dropped once compared; only the report is kept.
import type { RoomToolDeps } from '../app/room-tool-deps';
import * as path from 'path';
import { compareSchedulesInSlices } from '../../core/diff/compare-schedules';
import { DiffRow } from '../../core/diff/diff-rows';
import { changeCounts, RevisionDiff } from '../../core/diff/revision-diff-types';
import { Disposable, Emitter, Event, MutableDisposable } from '../../core/lifecycle';
import { OperationErrorInfo } from '../../core/operations/protocol';
import { RoomSchedule, Space } from '../../core/schedule/model';
import { loadAnnotations } from '../../platform/annotation-file';
import { log } from '../../platform/logging';
import { LoadController, LoadOutcome } from '../app/load-controller';
import type { ModelSession } from '../app/model-session';
import { chooseModelFile } from '../dialogs/model-file-dialog';
import type { RoomMark } from '../spaces/space-list-panel';
import { CompareDialog } from './compare-dialog';

export type CompareOutcome = { kind: 'compared'; diff: RevisionDiff } | { kind: 'failed'; error: OperationErrorInfo } | { kind: 'cancelled' };

export type CompareControllerDeps = RoomToolDeps;

const MARKS = 'compare';

/** Compares in slices, yielding to the event loop between them; says how long the longest held it. */
async function compareOnUiThread(before: RoomSchedule, after: RoomSchedule): Promise<{ diff: RevisionDiff; ms: number; longestSliceMs: number }> {
  const started = performance.now();
  let sliceStart = started;
  let longestSliceMs = 0;
  const nextTurn = () => {
    longestSliceMs = Math.max(longestSliceMs, performance.now() - sliceStart);
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        sliceStart = performance.now();
        resolve();
      }),
    );
  };
  const diff = await compareSchedulesInSlices(before, after, {}, nextTurn);
  longestSliceMs = Math.max(longestSliceMs, performance.now() - sliceStart);
  return { diff, ms: performance.now() - started, longestSliceMs };
}

export class CompareController extends Disposable {
  private readonly loader: LoadController;
  private readonly dialogSlot = this.register(new MutableDisposable<CompareDialog>());
  /** The session the running comparison is for: a model opened or closed meanwhile makes it moot. */
  private against: ModelSession | undefined;
  private comparing = false;
  /** The model the dialog's report is about, by content (a session reference would keep a closed model alive). */
  private shownFor: string | undefined;
  private readonly finished = this.register(new Emitter<CompareOutcome>('CompareController.finished'));
  readonly onDidFinish: Event<CompareOutcome> = this.finished.event;

  constructor(private readonly deps: CompareControllerDeps) {
    super('CompareController');
    this.loader = this.register(new LoadController(deps.runner));
    this.register(this.loader.onDidEnd((o) => void this.onRead(o)));
    // No dialog to ask: the progress and Cancel (Esc) are in the status bar while it reads on.
    this.register(this.loader.onDidTimeout(() => this.loader.waitLonger(120_000)));
  }

  get isRunning(): boolean {
    return this.loader.isLoading || this.comparing;
  }

  get dialog(): CompareDialog | undefined {
    return this.dialogSlot.value;
  }

  chooseFile(folder: string): void {
    chooseModelFile(this.deps.parent, 'Compare with another revision', folder, (file) => this.compareWith(file));
  }

  /** Compares the open model with `file` (the earlier revision, as a rule). */
  compareWith(file: string): void {
    const session = this.deps.session();
    if (!session) return;
    this.against = session;
    this.loader.open(file);
  }

  cancel(): Promise<void> {
    return this.loader.cancel();
  }

  private async onRead(o: LoadOutcome): Promise<void> {
    if (o.kind === 'cancelled') return this.finished.fire({ kind: 'cancelled' });
    if (o.kind === 'failed') {
      this.deps.showError({ ...o.error, message: `Could not compare with ${path.basename(o.file)}: ${o.error.message}` });
      return this.finished.fire({ kind: 'failed', error: o.error });
    }
    const session = this.deps.session();
    if (!session || session !== this.against) return this.finished.fire({ kind: 'cancelled' });
    const other = { ...o.schedule, annotations: loadAnnotations(this.deps.dataDir, o.schedule.metadata.source.sha256).annotations };
    this.comparing = true;
    let diff: RevisionDiff;
    try {
      const compared = await compareOnUiThread(other, session.withAnnotations());
      diff = compared.diff;
      log().info(`compared ${diff.header.old.file} (${diff.header.old.rooms} rooms) with ${diff.header.new.file} (${diff.header.new.rooms}) in ${compared.ms.toFixed(1)} ms, longest slice ${compared.longestSliceMs.toFixed(1)} ms: ${changeCounts(diff)}`);
    } finally {
      this.comparing = false;
    }
    if (this.isDisposed || this.deps.session() !== session) return this.finished.fire({ kind: 'cancelled' });
    this.show(diff, session);
    this.deps.notice(`Compared with ${diff.header.old.file}: ${changeCounts(diff)}`);
    this.finished.fire({ kind: 'compared', diff });
  }

  private show(diff: RevisionDiff, session: ModelSession): void {
    const byGlobalId = new Map<string, Space>();
    for (const s of session.spaces) if (s.globalId && !byGlobalId.has(s.globalId)) byGlobalId.set(s.globalId, s);
    const marks = new Map<Space, RoomMark>();
    const old = diff.header.old.file;
    for (const r of diff.added) {
      const s = r.globalId ? byGlobalId.get(r.globalId) : undefined;
      if (s) marks.set(s, { symbol: '+', tip: `Added: not in ${old}` });
    }
    for (const r of diff.changed) {
      const s = r.globalId ? byGlobalId.get(r.globalId) : undefined;
      if (s) marks.set(s, { symbol: 'Δ', tip: `Changed since ${old}: ${r.changes.map((c) => c.field).join(', ')}` });
    }
    this.deps.list.setMarks(MARKS, marks);
    this.shownFor = session.schedule.metadata.source.sha256;
    let dialog = this.dialogSlot.value;
    if (!dialog) {
      dialog = new CompareDialog(this.deps.parent);
      this.dialogSlot.value = dialog;
      dialog.own(dialog.onDidChoose((row) => this.goTo(row)));
    }
    dialog.setDiff(diff);
    dialog.show();
  }

  /** A removed room is not in the open model, and a report about another model leads nowhere. */
  private goTo(row: DiffRow): void {
    const session = this.deps.session();
    if (!session || row.kind === 'removed' || !row.globalId || session.schedule.metadata.source.sha256 !== this.shownFor) return;
    const index = session.spaces.findIndex((s) => s.globalId === row.globalId);
    if (index >= 0) this.deps.goTo(index);
  }
}
