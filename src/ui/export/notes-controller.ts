// File → Save annotated IFC… and File → Import notes…: the notes leave the app inside a copy of
// the model (a worker writes it, cancellable like an export), and notes edited in an exported
// spreadsheet come back after the user has seen what would change.
import * as fs from 'fs';
import * as path from 'path';
import { Disposable, DisposableStore, Emitter, Event, MutableDisposable } from '../../core/lifecycle';
import { isCancelled, OperationError } from '../../core/operations/operation-error';
import type { OperationRunner } from '../../core/operations/operation-runner';
import type { OperationErrorInfo } from '../../core/operations/protocol';
import { withoutModelExtension } from '../../core/schedule/model-file';
import { describePlan, NotesImportPlan, planNotesImport } from '../../core/schedule/notes-import';
import { readNotesFile } from '../../export/notes-file';
import { AnnotatedCopyOutput, startAnnotatedCopy } from '../../ifc/annotated-copy-job';
import type { SettingsStore } from '../../platform/settings';
import type { ModelSession } from '../app/model-session';
import { OperationSlot } from '../app/operation-slot';
import { ChoiceDialog } from '../dialogs/choice-dialog';
import { AcceptMode, FileMode, QFileDialog, QWidget } from '../qt';
import { listen } from '../widgets/qt-lifecycle';

export interface NotesControllerDeps {
  parent: QWidget;
  runner: OperationRunner;
  session: () => ModelSession | undefined;
  settings: SettingsStore;
  showError: (e: OperationErrorInfo) => void;
  notice: (text: string) => void;
  /** After a copy is written: offer to open it or its folder. */
  written: (files: string[]) => void;
}

/** How many changes the preview lists by name; the rest are counted. */
const PREVIEW_LINES = 12;

export class NotesController extends Disposable {
  private readonly running = this.register(new OperationSlot<AnnotatedCopyOutput>('annotated-ifc'));
  private readonly preview = this.register(new MutableDisposable<ChoiceDialog<'apply' | 'cancel'>>());
  private readonly fileDialog = this.register(new MutableDisposable<DisposableStore>());
  private readonly ended = this.register(new Emitter<AnnotatedCopyOutput | undefined>('NotesController.ended'));
  /** A copy was written (its result) or not (undefined: cancelled or failed). */
  readonly onDidEndCopy: Event<AnnotatedCopyOutput | undefined> = this.ended.event;
  private readonly runningChanged = this.register(new Emitter<boolean>('NotesController.running'));
  readonly onDidChangeRunning: Event<boolean> = this.runningChanged.event;

  constructor(private readonly deps: NotesControllerDeps) {
    super('NotesController');
  }

  get isRunning(): boolean {
    return this.running.isRunning;
  }

  get previewDialog(): ChoiceDialog<'apply' | 'cancel'> | undefined {
    return this.preview.value;
  }

  /** Asks where the copy goes (beside the last export, or the model), then writes it. */
  askAndSaveAnnotated(): void {
    const s = this.deps.session();
    if (!s) return;
    const folder = this.deps.settings.get().exportFolder ?? path.dirname(s.filePath);
    const proposed = path.join(folder && fs.existsSync(folder) ? folder : path.dirname(s.filePath), `${path.basename(withoutModelExtension(s.filePath))}-annotated.ifc`);
    this.pickFile('Save annotated IFC', proposed, AcceptMode.AcceptSave, 'IFC (*.ifc)', (f) => void this.saveAnnotated(f.toLowerCase().endsWith('.ifc') ? f : `${f}.ifc`));
  }

  /** Writes the copy with the session's notes to `target`; resolves with what was written, or undefined. */
  saveAnnotated(target: string): Promise<AnnotatedCopyOutput | undefined> {
    const s = this.deps.session();
    if (!s || this.running.isRunning) return Promise.resolve(undefined);
    s.flush();
    const op = startAnnotatedCopy(this.deps.runner, { source: s.filePath, target: path.resolve(target), notes: s.annotations.snapshot() });
    this.running.hold(op);
    this.runningChanged.fire(true);
    const finish = () => {
      this.runningChanged.fire(false);
    };
    void op.result.then(finish, finish);
    return op.result.then(
      (r) => {
        if (!this.running.release(op)) return undefined;
        this.deps.settings.update({ exportFolder: path.dirname(r.target) });
        this.deps.notice(`Wrote ${r.rooms} room note${r.rooms === 1 ? '' : 's'} and ${r.surfaces} surface note${r.surfaces === 1 ? '' : 's'} into ${path.basename(r.target)}${r.unmatched ? ` (${r.unmatched} notes are for rooms the model no longer has)` : ''}`);
        this.deps.written([r.target]);
        this.ended.fire(r);
        return r;
      },
      (e: unknown) => {
        if (!this.running.release(op)) return undefined;
        if (isCancelled(e)) this.deps.notice('Save annotated IFC cancelled; no file was written');
        else this.deps.showError(e instanceof OperationError ? e.toInfo() : { category: 'internal', message: String(e), suggestion: 'Please report this with the log file.' });
        this.ended.fire(undefined);
        return undefined;
      },
    );
  }

  cancel(): Promise<void> {
    const done = this.running.cancel('user');
    if (!done) return Promise.resolve();
    this.runningChanged.fire(false);
    this.deps.notice('Save annotated IFC cancelled; no file was written');
    return done.then(() => undefined);
  }

  askAndImport(): void {
    const s = this.deps.session();
    if (!s) return;
    this.pickFile('Import notes from an exported CSV or XLSX', this.deps.settings.get().exportFolder ?? path.dirname(s.filePath), AcceptMode.AcceptOpen, 'Exported schedules (*.csv *.xlsx)', (f) => void this.previewImport(f));
  }

  /** Reads `file` and shows what importing it would change; nothing changes until Apply. */
  async previewImport(file: string): Promise<NotesImportPlan | undefined> {
    const s = this.deps.session();
    if (!s) return undefined;
    let plan: NotesImportPlan;
    try {
      plan = planNotesImport(s.schedule, s.annotations.snapshot(), await readNotesFile(file));
    } catch (e) {
      this.deps.showError(e instanceof OperationError ? e.toInfo() : { category: 'file', message: String(e), suggestion: 'Use a CSV or XLSX file exported by this app.' });
      return undefined;
    }
    const lines = plan.changes.slice(0, PREVIEW_LINES).map((c) => `${c.kind === 'added' ? '+' : c.kind === 'cleared' ? '−' : '~'} ${c.label}: ${c.after ? `“${oneLine(c.after)}”` : '(cleared)'}${c.kind === 'changed' ? ` (was “${oneLine(c.before)}”)` : ''}`);
    if (plan.changes.length > PREVIEW_LINES) lines.push(`… and ${plan.changes.length - PREVIEW_LINES} more`);
    const dialog = new ChoiceDialog<'apply' | 'cancel'>(this.deps.parent, {
      title: 'Import notes',
      heading: `${path.basename(file)}: ${describePlan(plan)}`,
      message: plan.changes.length ? lines.join('\n') : 'The file has the same notes as the app: nothing to change.',
      detail: plan.unknown.length ? `GlobalIds not in this model:\n${plan.unknown.join('\n')}` : undefined,
      buttons: plan.changes.length ? [{ id: 'cancel', text: 'Cancel' }, { id: 'apply', text: `Apply ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}`, default: true }] : [{ id: 'cancel', text: 'Close', default: true }],
      objectName: 'notesImportDialog',
    });
    this.preview.value = dialog;
    dialog.own(dialog.onDidChoose((choice) => choice === 'apply' && this.apply(plan)));
    dialog.show();
    return plan;
  }

  /** Applies a previewed import to the session's notes (saved as usual, by the autosave). */
  apply(plan: NotesImportPlan): void {
    const s = this.deps.session();
    if (!s) return;
    for (const c of plan.changes) s.annotations.set(c.target, c.key, c.after);
    this.deps.notice(`Imported notes: ${describePlan(plan).replace(/^Notes: /, '')}`);
  }

  private pickFile(title: string, start: string, mode: AcceptMode, filter: string, chosen: (file: string) => void): void {
    const d = new QFileDialog(this.deps.parent, title, start);
    d.setAcceptMode(mode);
    d.setFileMode(mode === AcceptMode.AcceptSave ? FileMode.AnyFile : FileMode.ExistingFile);
    d.setNameFilter(filter);
    const store = new DisposableStore('NotesController.fileDialog');
    store.add(listen(d, 'fileSelected', (f: string) => chosen(f), 'notesFile.selected'));
    store.add(listen(d, 'finished', () => queueMicrotask(() => this.fileDialog.clear()), 'notesFile.finished'));
    store.add({ dispose: () => d.deleteLater() });
    this.fileDialog.value = store;
    d.open();
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
