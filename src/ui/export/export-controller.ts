// Tools → Export: asks what to export (ExportDialog), then runs the export worker as a cancellable
// operation (its progress shows in the status bar, which follows the runner). Notes are flushed
// first so the file has the latest. The folder of the last export is remembered in the settings
// (the model's own folder may be read-only or a shared drive); afterwards the status bar offers to
// open the file or its folder.
import * as fs from 'fs';
import * as path from 'path';
import { Disposable, Emitter, Event, MutableDisposable } from '../../core/lifecycle';
import { OperationRunner, RunningOperation } from '../../core/operations/operation-runner';
import { isCancelled, OperationError } from '../../core/operations/operation-error';
import { OperationErrorInfo } from '../../core/operations/protocol';
import { annotationKey, Space } from '../../core/schedule/model';
import { withoutModelExtension } from '../../core/schedule/model-file';
import { ExportFormat } from '../../export/export-options';
import { startExport } from '../../export/export-job';
import { listTemplates } from '../../export/template-files';
import type { SettingsStore } from '../../platform/settings';
import { ExportResultActions } from './export-result-actions';
import type { MainWindow } from '../main-window/main-window';
import type { ModelSession } from '../app/model-session';
import { ExportChoice, ExportDialog } from './export-dialog';
import { OperationSlot } from '../app/operation-slot';

export type ExportOutcome = { files: string[] } | { error: OperationErrorInfo } | { cancelled: true };

export class ExportController extends Disposable {
  private readonly dialogSlot = this.register(new MutableDisposable<ExportDialog>());
  /** The running export (the runner owns the operation; we hold it and our subscriptions). */
  private readonly running = this.register(new OperationSlot<{ files: string[] }>('export'));
  private readonly runningChanged = this.register(new Emitter<boolean>('ExportController.running'));
  readonly onDidChangeRunning: Event<boolean> = this.runningChanged.event;
  private readonly finished = this.register(new Emitter<ExportOutcome>('ExportController.finished'));
  readonly onDidFinish: Event<ExportOutcome> = this.finished.event;
  readonly results: ExportResultActions;
  /** The template chosen last, preselected the next time. */
  private lastTemplate: string | undefined;

  constructor(
    private readonly window: MainWindow,
    private readonly runner: OperationRunner,
    private readonly session: () => ModelSession | undefined,
    private readonly showError: (e: OperationErrorInfo) => void,
    private readonly settings: SettingsStore,
    private readonly configDir: string,
  ) {
    super('ExportController');
    this.results = this.register(new ExportResultActions(window.status.bar, (message) => showError({ category: 'file', message, suggestion: 'Open the file from your file manager instead.' })));
  }

  get isRunning(): boolean {
    return this.running.isRunning;
  }

  get dialog(): ExportDialog | undefined {
    return this.dialogSlot.value;
  }

  showDialog(format?: ExportFormat): ExportDialog | undefined {
    const s = this.session();
    if (!s) return undefined;
    const remembered = this.settings.get().exportFolder;
    const folder = remembered && fs.existsSync(remembered) ? remembered : path.dirname(s.filePath);
    const base = path.join(folder, path.basename(withoutModelExtension(s.filePath)) + '-rooms');
    const { templates, problems } = listTemplates(this.configDir);
    // Through a function, not an inline closure over `s`: the dialog's listener below would share
    // that closure's context and keep a closed model's session alive for as long as the dialog lives.
    const annotated = annotatedSpaces(s).length;
    const dialog = new ExportDialog(this.window.window, {
      defaultBase: base,
      counts: { all: s.spaces.length, annotated, filtered: this.window.spaces.visibleSpaceIndexes().length },
      templates,
      templateProblems: problems.map((p) => `${path.basename(p.file)}: ${p.message}`),
      initial: format,
    });
    if (this.lastTemplate) dialog.setTemplate(this.lastTemplate);
    this.dialogSlot.value = dialog;
    dialog.own(dialog.onDidAccept((c) => this.run(c)));
    dialog.show();
    return dialog;
  }

  run(choice: ExportChoice): RunningOperation<{ files: string[] }> | undefined {
    const s = this.session();
    if (!s || this.running.isRunning) return undefined;
    s.flush();
    let spaceFilter: string[] | undefined;
    if (choice.scope === 'annotated') spaceFilter = annotatedSpaces(s).map((x) => annotationKey(x));
    if (choice.scope === 'filtered') spaceFilter = this.window.spaces.visibleSpaceIndexes().map((i) => annotationKey(s.spaces[i]));
    const op = startExport(this.runner, {
      schedule: s.schedule,
      annotations: s.annotations.snapshot(),
      request: { format: choice.format, outPath: path.resolve(choice.outPath), spaceFilter, template: choice.template, csv: choice.csv },
    });
    this.lastTemplate = choice.template.name;
    this.results.hide();
    this.running.hold(op);
    this.runningChanged.fire(true);
    op.result.then(
      (r) => this.end(op, r),
      (e: unknown) => {
        if (isCancelled(e)) return this.end(op, { cancelled: true });
        const info = e instanceof OperationError ? e.toInfo() : { category: 'internal' as const, message: String(e), suggestion: 'Please report this with the log file.' };
        if (this.end(op, { error: info })) this.showError(info);
      },
    );
    return op;
  }

  async cancel(): Promise<void> {
    const done = this.running.cancel('user');
    if (!done) return;
    this.runningChanged.fire(false);
    this.finished.fire({ cancelled: true });
    await done;
  }

  private end(op: RunningOperation<{ files: string[] }>, outcome: ExportOutcome): boolean {
    if (!this.running.release(op)) return false;
    if ('files' in outcome && outcome.files.length) {
      this.results.show(outcome.files);
      this.settings.update({ exportFolder: path.dirname(outcome.files[0]) });
    }
    this.runningChanged.fire(false);
    this.finished.fire(outcome);
    return true;
  }
}

function annotatedSpaces(s: ModelSession): Space[] {
  return s.spaces.filter((x) => s.isAnnotated(x));
}
