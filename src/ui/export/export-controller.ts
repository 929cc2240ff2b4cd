// Tools → Export: asks what to export (ExportDialog), then runs the export worker as a cancellable
// operation with progress in the status bar. Notes are flushed first so the file has the latest.
import * as path from 'path';
import { Disposable, Emitter, Event, IDisposable, MutableDisposable } from '../../core/lifecycle';
import { OperationRunner, RunningOperation } from '../../core/operations/operation-runner';
import { isCancelled, OperationError } from '../../core/operations/operation-error';
import { OperationErrorInfo } from '../../core/operations/protocol';
import { annotationKey } from '../../core/schedule/model';
import { withoutModelExtension } from '../../core/schedule/model-file';
import { ExportFormat } from '../../export/export-options';
import { startExport } from '../../export/export-job';
import type { MainWindow } from '../main-window/main-window';
import type { ModelSession } from '../app/model-session';
import { ExportChoice, ExportDialog } from './export-dialog';

export class ExportController extends Disposable {
  private readonly dialogSlot = this.register(new MutableDisposable<ExportDialog>());
  private readonly running = this.register(new MutableDisposable<RunningOperation<{ files: string[] }>>());
  private readonly subscriptions = this.register(new MutableDisposable<IDisposable>());
  private readonly runningChanged = this.register(new Emitter<boolean>('ExportController.running'));
  readonly onDidChangeRunning: Event<boolean> = this.runningChanged.event;
  private readonly finished = this.register(new Emitter<{ files: string[] } | { error: OperationErrorInfo } | { cancelled: true }>('ExportController.finished'));
  readonly onDidFinish = this.finished.event;

  constructor(
    private readonly window: MainWindow,
    private readonly runner: OperationRunner,
    private readonly session: () => ModelSession | undefined,
    private readonly showError: (e: OperationErrorInfo) => void,
  ) {
    super('ExportController');
  }

  get isRunning(): boolean {
    return this.running.value !== undefined;
  }

  get dialog(): ExportDialog | undefined {
    return this.dialogSlot.value;
  }

  showDialog(format?: ExportFormat): ExportDialog | undefined {
    const s = this.session();
    if (!s) return undefined;
    const base = withoutModelExtension(s.filePath) + '-rooms';
    const annotated = s.spaces.filter((x) => s.isAnnotated(x)).length;
    const dialog = new ExportDialog(this.window.window, base, { all: s.spaces.length, annotated, filtered: this.window.spaces.visibleSpaceIndexes().length }, format);
    this.dialogSlot.value = dialog;
    dialog.own(dialog.onDidAccept((c) => this.run(c)));
    dialog.show();
    return dialog;
  }

  run(choice: ExportChoice): RunningOperation<{ files: string[] }> | undefined {
    const s = this.session();
    if (!s || this.running.value) return undefined;
    s.flush();
    let spaceFilter: string[] | undefined;
    if (choice.scope === 'annotated') spaceFilter = s.spaces.filter((x) => s.isAnnotated(x)).map((x) => annotationKey(x));
    if (choice.scope === 'filtered') spaceFilter = this.window.spaces.visibleSpaceIndexes().map((i) => annotationKey(s.spaces[i]));
    const op = startExport(this.runner, {
      schedule: s.schedule,
      annotations: s.annotations.toJSON(),
      request: { format: choice.format, outPath: path.resolve(choice.outPath), spaceFilter },
    });
    this.running.value = op;
    this.runningChanged.fire(true);
    this.window.status.busy(`Exporting ${choice.format.toUpperCase()}…`);
    this.subscriptions.value = op.onDidProgress((p) => this.window.status.showProgress(p));
    op.result.then(
      (r) => this.end(op, () => {
        this.window.status.idle(`Exported ${r.files.map((f) => path.basename(f)).join(', ')}`);
        this.finished.fire(r);
      }),
      (e: unknown) => this.end(op, () => {
        if (isCancelled(e)) {
          this.window.status.idle('Export cancelled; no file was written');
          this.finished.fire({ cancelled: true });
        } else {
          const info = e instanceof OperationError ? e.toInfo() : { category: 'internal' as const, message: String(e), suggestion: 'Please report this with the log file.' };
          this.window.status.idle('Export failed');
          this.showError(info);
          this.finished.fire({ error: info });
        }
      }),
    );
    return op;
  }

  async cancel(): Promise<void> {
    const op = this.running.value;
    if (!op) return;
    const done = op.cancel('user');
    await done;
  }

  private end<T>(op: RunningOperation<T>, then: () => void): void {
    if ((this.running.value as unknown) !== op) return;
    this.subscriptions.clear();
    this.running.clear();
    this.runningChanged.fire(false);
    then();
  }
}
