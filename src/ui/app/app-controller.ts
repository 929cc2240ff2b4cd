// The composition root of the desktop app: creates the engine-side services (operation runner,
// resource monitor), the main window and the commands, and connects them. What each command does
// lives in small controllers (loading, exporting, diagnostics); this file only wires and tracks state.
import * as path from 'path';
import { Disposable, disposableTimeout, Emitter, Event, markAsSingleton, MutableDisposable } from '../../core/lifecycle';
import { OperationRunner } from '../../core/operations/operation-runner';
import { OperationErrorInfo } from '../../core/operations/protocol';
import { OperationLog } from '../../core/operations/operation-log';
import { ResourceMonitor } from '../../core/monitor/resource-monitor';
import { displayName } from '../../core/schedule/model';
import { warmUpRoomOrder } from '../../core/schedule/space-rows';
import type { RoomsPreview } from '../../core/schedule/room-preview';
import type { ExtractionEngine } from '../../ifc/extraction-engine';
import { appPaths, AppPaths } from '../../platform/paths';
import { SettingsStore } from '../../platform/settings';
import { log } from '../../platform/logging';
import { MainWindow } from '../main-window/main-window';
import { CommandContext, Commands } from './commands';
import { LoadController, LoadOutcome } from './load-controller';
import { LoadPresenter } from './load-presenter';
import { restoreWindowGeometry, saveWindowGeometry } from './window-geometry';
import type { ExportOutcome } from '../export/export-controller';
import { ModelSession } from './model-session';
import { ChoiceDialog } from '../dialogs/choice-dialog';
import { AppDialogs } from './app-dialogs';
import { DiagnosticsController } from '../diagnostics/diagnostics-controller';
import { ExportController } from '../export/export-controller';
import { NotesController } from '../export/notes-controller';
import { GoToSpaceController } from '../spaces/go-to-space-controller';
import { CompareController } from '../compare/compare-controller';
import { CheckController } from '../check/check-controller';
import { chooseModelFile } from '../dialogs/model-file-dialog';
import { PlanController } from '../plan/plan-controller';
import type { DropChoice } from '../main-window/dropped-files';
import { validationSummary } from '../../core/schedule/validation';
import { listen } from '../widgets/qt-lifecycle';
import { USER_GUIDE, aboutText } from './help-texts';

export type AppState = 'empty' | 'loading' | 'ready';

export interface ScreenState {
  heading: string;
  status: string;
  busy: boolean;
  enabled: { cancel: boolean; close: boolean; refresh: boolean; export: boolean };
  state: AppState;
}

/** The engine's log (src/core knows no winston): the app's logger, resolved at each call. */
const engineLog: OperationLog = {
  info: (message, detail) => log().info(message, detail),
  warn: (message, detail) => log().warn(message, detail),
  error: (message, detail) => log().error(message, detail),
};

export interface AppControllerOptions {
  paths?: AppPaths;
  monitorIntervalMs?: number;
  /** How models are read (--engine); DEFAULT_ENGINE when not given. */
  engine?: ExtractionEngine;
}

export class AppController extends Disposable {
  readonly paths: AppPaths;
  readonly settings: SettingsStore;
  readonly commands = this.register(new Commands());
  readonly runner = this.register(new OperationRunner({ log: engineLog }));
  readonly monitor: ResourceMonitor;
  readonly window: MainWindow;
  readonly loader: LoadController;
  readonly diagnostics: DiagnosticsController;
  readonly exporter: ExportController;
  readonly notes: NotesController;
  readonly goToSpace: GoToSpaceController;
  readonly compare: CompareController;
  readonly check: CheckController;
  /** The Plan view (a tab of the details): linked both ways with the room list. */
  readonly plan: PlanController;
  /** The one writer of the status bar and of the heading while no model is open. */
  readonly presenter: LoadPresenter;
  private readonly dialogs: AppDialogs;
  private readonly sessionSlot = this.register(new MutableDisposable<ModelSession>());
  private readonly pendingVerification = this.register(new MutableDisposable());
  private readonly pendingSettingsWrite = this.register(new MutableDisposable());
  private readonly pendingFirstSelection = this.register(new MutableDisposable());
  private stateNow: AppState = 'empty';
  private loadSummary = '';
  private readonly stateChanged = this.register(new Emitter<AppState>('AppController.state'));
  readonly onDidChangeState: Event<AppState> = this.stateChanged.event;
  private readonly loadEnded = this.register(new Emitter<LoadOutcome>('AppController.loadEnded'));
  /** After the UI has shown the outcome of a load (tests and automation wait on it). */
  readonly onDidFinishLoad: Event<LoadOutcome> = this.loadEnded.event;
  private readonly exitRequested = this.register(new Emitter<void>('AppController.exit'));
  readonly onDidRequestExit: Event<void> = this.exitRequested.event;

  constructor(options: AppControllerOptions = {}) {
    super('AppController');
    // The composition root lives as long as the app: what it owns is in use, not leaked.
    markAsSingleton(this);
    this.paths = options.paths ?? appPaths();
    this.settings = new SettingsStore(this.paths.config);
    const s = this.settings.get();
    this.monitor = this.register(
      new ResourceMonitor({
        intervalMs: options.monitorIntervalMs ?? s.monitorIntervalMs,
        runner: this.runner,
        memoryWarnBytes: s.memoryWarnMb * 1048576,
        memoryCriticalBytes: s.memoryCriticalMb * 1048576,
        log: engineLog,
      }),
    );
    this.defineCommands();
    this.window = this.register(new MainWindow(this.commands, () => this.session?.annotations, () => this.settings.get().recentFiles, (f) => this.open(f)));
    this.loader = this.register(new LoadController(this.runner, options.engine));
    this.diagnostics = this.register(new DiagnosticsController(this.window.window, this.monitor, () => this.freeMemory()));
    this.dialogs = this.register(new AppDialogs(this.window.window));
    this.exporter = this.register(new ExportController(this.window, this.runner, () => this.session, (m) => this.showError(m), this.settings, this.paths.config));
    this.notes = this.register(new NotesController({ parent: this.window.window, runner: this.runner, session: () => this.session, settings: this.settings, showError: (e) => this.showError(e), notice: (t) => this.presenter.setNotice(t), written: (f) => this.exporter.results.show(f) }));
    this.goToSpace = this.register(new GoToSpaceController(this.window.window, this.window.spaces, () => this.session?.spaces ?? []));
    this.compare = this.register(
      new CompareController({ parent: this.window.window, list: this.window.spaces, runner: this.runner, session: () => this.session, dataDir: this.paths.data, showError: (e) => this.showError(e), goTo: (i) => this.goToSpace.goTo(i), notice: (t) => this.presenter.setNotice(t) }),
    );
    this.check = this.register(
      new CheckController({ parent: this.window.window, list: this.window.spaces, runner: this.runner, session: () => this.session, dataDir: this.paths.data, showError: (e) => this.showError(e), goTo: (i) => this.goToSpace.goTo(i), notice: (t) => this.presenter.setNotice(t) }),
    );
    // A preview room chosen while loading holds the details too (the presenter leaves them alone).
    this.presenter = this.register(new LoadPresenter(this.runner, this.window.status, this.window.details, () => this.session !== undefined || this.window.spaces.selectedPreviewRoom !== undefined));
    this.plan = this.register(new PlanController({ details: this.window.details, spaces: this.window.spaces, settings: this.settings, session: () => this.session, goTo: (i) => this.goToSpace.goTo(i), notice: (t) => this.presenter.setNotice(t), showError: (e) => this.showError(e) }));
    this.wire();
    restoreWindowGeometry(this.window.window, this.settings);
    this.updateState();
  }

  get session(): ModelSession | undefined {
    return this.sessionSlot.value;
  }

  get state(): AppState {
    return this.stateNow;
  }

  show(): void {
    this.window.window.show();
    this.monitor.start();
    // A first sample now, so memory shows in the status bar without waiting a whole interval.
    void this.monitor.sampleNow().catch((e) => log().debug('first monitor sample failed', e));
  }

  open(file: string): void {
    log().info(`open ${file}`);
    this.loader.open(file);
    // While the worker starts, not when its rooms arrive.
    warmUpRoomOrder();
    this.updateState();
  }

  /** Files dropped on the window: the model among them opens; otherwise the status bar says why not. */
  openDropped(choice: DropChoice): void {
    if ('error' in choice) {
      this.presenter.setNotice(choice.error);
      return;
    }
    this.open(choice.file);
    if (choice.note) this.presenter.noteWhileBusy(choice.note);
  }

  /** Cancels whatever runs (load or export); the UI is ready again before this returns. */
  cancel(): Promise<void> {
    const pending: Promise<void>[] = [];
    if (this.loader.isLoading) pending.push(this.loader.cancel());
    if (this.exporter.isRunning) pending.push(this.exporter.cancel());
    if (this.notes.isRunning) pending.push(this.notes.cancel());
    if (this.compare.isRunning) pending.push(this.compare.cancel());
    if (this.check.isRunning) pending.push(this.check.cancel());
    return Promise.all(pending).then(() => undefined);
  }

  closeModel(): void {
    this.session?.flush();
    this.exporter.results.hide();
    this.sessionSlot.clear();
    this.goToSpace.modelChanged();
    this.window.setModelTitle(undefined);
    this.window.spaces.clear();
    this.plan.modelChanged();
    this.presenter.modelClosed();
    this.updateState();
  }

  freeMemory(): Promise<void> {
    return this.inBackground(this.monitor.freeMemory().then(() => undefined));
  }

  /** Work the app started and did not await (free memory, verification): tracked, so whenIdle() can wait for it. */
  private readonly background = new Set<Promise<unknown>>();

  private inBackground<T>(p: Promise<T>): Promise<T> {
    this.background.add(p);
    const done = () => this.background.delete(p);
    p.then(done, done);
    return p;
  }

  /** Resolves when no background work and no operation (or worker shutdown) is pending. */
  async whenIdle(): Promise<void> {
    while (this.background.size) await Promise.allSettled([...this.background]);
    await this.runner.whenIdle();
    await this.monitor.whenSampled();
  }

  /** What the user sees now: the heading, the status bar, and which of the main buttons can be pressed. */
  screenState(): ScreenState {
    const c = this.commands;
    return {
      heading: this.window.details.heading,
      status: this.window.status.text,
      busy: this.window.status.isBusy,
      enabled: { cancel: c.isEnabled('cancel'), close: c.isEnabled('close'), refresh: c.isEnabled('refresh'), export: c.isEnabled('export') },
      state: this.state,
    };
  }

  selectSpace(index: number): boolean {
    return this.window.spaces.selectSpace(index);
  }

  private defineCommands(): void {
    const c = this.commands;
    const hasModel = (x: CommandContext) => x.hasModel;
    const idleWithModel = (x: CommandContext) => x.hasModel && !x.busy;
    c.define('open', { text: '&Open…', shortcut: 'Ctrl+O', icon: 'open', tip: 'Open an IFC model', run: () => this.showOpenDialog() });
    c.define('close', { text: '&Close', shortcut: 'Ctrl+W', icon: 'close', tip: 'Close the model', enabledWhen: (x) => x.hasModel || x.loading, run: () => this.closeModel() });
    c.define('compare', { text: 'Compare &with…', tip: 'Compare the rooms with another revision of the model', enabledWhen: idleWithModel, run: () => this.compare.chooseFile(path.dirname(this.session?.filePath ?? process.cwd())) });
    c.define('exit', { text: 'E&xit', shortcut: 'Ctrl+Q', run: () => this.exitRequested.fire() });
    c.define('refresh', { text: '&Refresh', shortcut: 'F5', icon: 'refresh', tip: 'Read the model file again', enabledWhen: idleWithModel, run: () => this.session && this.open(this.session.filePath) });
    c.define('toggleSpaces', { text: 'Show &spaces panel', shortcut: 'Ctrl+L', checkable: true, run: () => this.toggleSpacesPanel() });
    c.define('next', { text: '&Next space', shortcut: 'Alt+Down', icon: 'next', tip: 'Next room', enabledWhen: hasModel, run: () => this.window.spaces.step(1) });
    c.define('previous', { text: '&Previous space', shortcut: 'Alt+Up', icon: 'previous', tip: 'Previous room', enabledWhen: hasModel, run: () => this.window.spaces.step(-1) });
    c.define('goto', { text: '&Go to space…', shortcut: 'Ctrl+G', enabledWhen: hasModel, run: () => this.goToSpace.show() });
    c.define('filter', { text: '&Filter rooms', shortcut: 'Ctrl+F', enabledWhen: hasModel, run: () => this.window.spaces.focusFilter() });
    c.define('export', { text: '&Export…', shortcut: 'Ctrl+E', icon: 'export', tip: 'Export the room schedule', enabledWhen: idleWithModel, run: () => this.exporter.showDialog() });
    c.define('exportJson', { text: 'Export &JSON…', enabledWhen: idleWithModel, run: () => this.exporter.showDialog('json') });
    c.define('exportCsv', { text: 'Export &CSV…', enabledWhen: idleWithModel, run: () => this.exporter.showDialog('csv') });
    c.define('exportPlan', { text: 'Export &plan…', tip: 'Export the plan of the storey shown as SVG or PNG', enabledWhen: hasModel, run: () => this.plan.showExportDialog(this.window.window) });
    c.define('exportXlsx', { text: 'Export &XLSX…', enabledWhen: idleWithModel, run: () => this.exporter.showDialog('xlsx') });
    c.define('exportPdf', { text: 'Export &PDF…', enabledWhen: idleWithModel, run: () => this.exporter.showDialog('pdf') });
    c.define('saveAnnotatedIfc', { text: 'Save &annotated IFC…', tip: 'A copy of the model with your notes as a property set on each room', enabledWhen: idleWithModel, run: () => this.notes.askAndSaveAnnotated() });
    c.define('importNotes', { text: '&Import notes…', tip: 'Notes edited in an exported CSV or XLSX, matched by GlobalId, after a preview', enabledWhen: idleWithModel, run: () => this.notes.askAndImport() });
    c.define('checkRequirements', { text: 'Check &requirements…', tip: 'Check the model against an IDS file (buildingSMART Information Delivery Specification)', enabledWhen: idleWithModel, run: () => this.check.chooseFile() });
    c.define('validate', { text: '&Validate data', icon: 'validate', tip: 'Check the model data for gaps', enabledWhen: hasModel, run: () => this.validate() });
    c.define('freeMemory', { text: '&Free memory now', run: () => void this.freeMemory() });
    c.define('diagnostics', { text: '&Diagnostics…', icon: 'diagnostics', tip: 'Resources, leaks and cleanup history', run: () => this.diagnostics.show() });
    c.define('guide', { text: '&User guide', shortcut: 'F1', run: () => this.showMessage('User guide', 'IFC Room Schedule', USER_GUIDE) });
    c.define('about', { text: '&About', run: () => this.showMessage('About', 'IFC Room Schedule', aboutText()) });
    c.define('cancel', { text: 'Ca&ncel', shortcut: 'Esc', icon: 'cancel', tip: 'Cancel the running operation', enabledWhen: (x) => x.busy, run: () => void this.cancel() });
    c.action('toggleSpaces').setChecked(true);
  }

  private wire(): void {
    const w = this.window;
    this.register(w.spaces.onDidSelectSpace((i) => this.showSpace(i)));
    this.register(w.spaces.onDidSelectPreviewRoom((room) => this.presenter.previewRoomChosen(room)));
    this.register(this.loader.onDidPreview((p) => this.showPreview(p.preview)));
    this.register(w.details.onDidAnnotate(() => w.spaces.refreshMarks()));
    this.register(w.onDidDrop((d) => this.openDropped(d)));
    this.register(w.onDidClose(() => this.exitRequested.fire()));
    this.register(w.status.onDidClickCancel(() => void this.cancel()));
    this.register(this.loader.onDidEnd((o) => this.onLoadEnded(o)));
    this.register(this.runner.onDidStart(() => this.updateState()));
    this.register(this.runner.onDidEnd(() => this.updateState()));
    this.register(
      this.loader.onDidTimeout((t) =>
        this.dialogs.askAfterTimeout(path.basename(t.file), t.elapsedMs, (choice) => {
          if (choice === 'wait') this.loader.waitLonger(120_000);
          else if (choice === 'cancel') void this.cancel();
          else if (choice === 'retry') this.open(t.file);
        }),
      ),
    );
    this.register(this.exporter.onDidChangeRunning(() => this.updateState()));
    this.register(this.exporter.onDidFinish((o) => this.presenter.setNotice(exportNotice(o))));
    this.register(this.notes.onDidChangeRunning(() => this.updateState()));
    this.register(this.monitor.onDidSample((snap) => w.status.setMemory(snap.rss)));
    // LeakCanary's habit: some seconds after a cancel, prove that what it released is really gone.
    this.register(
      this.runner.history.onDidRecord((r) => {
        if (r.trigger !== 'cancel' && r.trigger !== 'free-memory') return;
        this.pendingVerification.value = disposableTimeout(() => void this.inBackground(this.monitor.verify()).catch((e) => log().warn('verification failed', e)), 3000, 'verify-after-cancel', { owner: this });
      }),
    );
    this.register(
      this.monitor.onDidDetectMemoryPressure((p) => {
        if (p.level !== 'critical') return;
        const busy = this.commandContext().busy;
        this.dialogs.askOnMemoryPressure(p.rss, busy, (choice) => {
          if (choice === 'free') void this.freeMemory();
          else if (choice === 'cancel') void this.cancel();
        });
      }),
    );
  }

  /**
   * The rooms of the model being read, listed before its schedule is complete — in an empty window.
   * A model already open stays listed until the new one is complete (or it fails, or is cancelled).
   */
  private showPreview(preview: RoomsPreview): void {
    if (this.session) return;
    this.window.spaces.setPreview(preview.rooms);
  }

  private onLoadEnded(o: LoadOutcome): void {
    const name = path.basename(o.file);
    // A preview of a load that did not complete leaves with it: an empty window again.
    if (o.kind !== 'loaded' && !this.session && this.window.spaces.showsPreview) this.window.spaces.clear();
    if (o.kind === 'loaded') {
      this.sessionSlot.value = new ModelSession(o.schedule, o.file, this.paths.data, {
        // Once per failing streak: the autosave keeps retrying quietly and says when it works again.
        onProblem: (e) => this.showError({ category: 'file', message: `Your notes could not be saved: ${e.message}`, suggestion: `${e.suggestion} Your notes stay in this window and are saved as soon as it works again.` }),
        onRecovered: () => this.presenter.setNotice('Your notes are saved again.'),
        onMerged: () => {
          // Notes another window saved: show them (the selected room's note too).
          this.window.spaces.refreshMarks();
          const selected = this.window.spaces.selectedSpaceIndex();
          if (selected >= 0) this.showSpace(selected);
        },
      });
      const session = this.session!;
      // No closure below captures the session: a timer's callback kept in its slot after it fired
      // would keep the closed model's session alive (its notes, their autosave) until the next load.
      // After the rooms are on screen: the settings write fsyncs, which has no place in the stall budget.
      this.pendingSettingsWrite.value = disposableTimeout(() => {
        this.settings.addRecentFile(o.file);
        this.window.refreshRecentFiles((f) => this.open(f));
      }, 0, 'recent-files-write', { owner: this });
      this.window.setModelTitle(name);
      // A room the user chose in the preview is the room to show, found again by its express id.
      const chosen = this.window.spaces.selectedPreviewRoom;
      const fromPreview = this.window.spaces.showsPreview;
      this.window.spaces.setSpaces(session.spaces, (s) => this.session?.isAnnotated(s) ?? false);
      this.plan.modelChanged();
      this.goToSpace.modelChanged();
      const m = o.schedule.metadata;
      const warnings = o.schedule.warnings.length ? ` · ${o.schedule.warnings.length} warning${o.schedule.warnings.length === 1 ? '' : 's'}` : '';
      this.loadSummary = `${name}: ${m.counts.spaces} rooms, ${m.counts.boundaries} boundaries, ${m.schema} · loaded in ${(o.ms / 1000).toFixed(1)} s${warnings}`;
      const shown = this.window.spaces.visibleSpaceIndexes();
      const again = chosen ? session.spaces.findIndex((s) => s.expressId === chosen.expressId) : -1;
      const first = shown.includes(again) ? again : shown[0];
      // The first room's (or the one chosen in the preview) details on the next turn: the list paints
      // first, and the two halves of the work stay short stalls instead of one long one. A room chosen
      // meanwhile wins. A preview the user scrolled through without choosing stays where it was.
      const reveal = chosen !== undefined || !fromPreview;
      if (first !== undefined) {
        this.pendingFirstSelection.value = disposableTimeout(() => {
          if (this.window.spaces.selectedSpaceIndex() < 0) this.window.spaces.selectSpace(first, true, reveal);
        }, 0, 'select-first-room', { owner: this });
      }
      if (session.restoreWarning) this.showError({ category: 'file', message: session.restoreWarning, suggestion: session.notesBlocked ? 'Check the data folder\'s permissions and disk, then open the model again.' : 'Your earlier notes are in the kept file; new notes are saved normally.' });
      const truncated = o.schedule.warnings.find((x) => x.code === 'truncated');
      if (truncated) this.showError({ category: 'parse', message: truncated.message, suggestion: 'The rooms shown may be incomplete. Export the model again from the authoring tool.' });
    } else if (o.kind === 'failed') {
      this.showError(o.error);
    }
    this.presenter.loadEnded(o, this.loadSummary);
    this.updateState();
    this.loadEnded.fire(o);
  }

  private showSpace(index: number): void {
    const space = this.session?.spaces[index];
    this.window.details.show(space);
    // The room, then what was loaded: the load summary stays readable while walking the rooms. The
    // position is the one in the list as shown (sorted, maybe filtered), where Next/Previous walk.
    if (!space) return;
    const shown = this.window.spaces.visibleSpaceIndexes();
    const at = shown.indexOf(index);
    const where = at >= 0 ? `${at + 1} of ${shown.length}${shown.length < this.session!.spaces.length ? ' shown' : ''}` : `not in the filtered list`;
    this.presenter.setNotice(`${displayName(space)} · ${where}   —   ${this.loadSummary}`);
  }

  /** The app's state and every command's enablement, derived again (after each start, end, open and close). */
  private updateState(): void {
    const next: AppState = this.loader.isLoading ? 'loading' : this.session ? 'ready' : 'empty';
    this.commands.updateEnablement(this.commandContext());
    if (next !== this.stateNow) {
      this.stateNow = next;
      this.stateChanged.fire(next);
    }
  }

  private showOpenDialog(): void {
    const recent = this.settings.get().recentFiles[0];
    // The extraction thread starts while the user chooses; closed without a choice, it ends.
    this.loader.prepare();
    chooseModelFile(this.window.window, 'Open IFC model', recent ? path.dirname(recent) : process.cwd(), (file) => this.open(file), () => this.loader.unprepare());
  }

  private toggleSpacesPanel(): void {
    const visible = !this.window.spacesPanelVisible;
    this.window.setSpacesPanelVisible(visible);
    this.commands.action('toggleSpaces').setChecked(visible);
  }

  private validate(): void {
    const s = this.session;
    if (!s) return;
    const report = validationSummary(s.schedule);
    this.showMessage('Validate data', report.heading, report.text);
  }

  showError(e: OperationErrorInfo): void {
    this.dialogs.showError(e);
  }

  private showMessage(title: string, heading: string, text: string): void {
    this.dialogs.showMessage(title, heading, text);
  }

  /** The dialog currently shown by the app (tests press its buttons). */
  get openDialog(): ChoiceDialog<string> | undefined {
    return this.dialogs.current;
  }

  saveGeometry(): void {
    saveWindowGeometry(this.window.window, this.settings);
  }

  /** What command enablement depends on, derived from the session, the loads and the runner. */
  private commandContext(): CommandContext {
    const loading = this.loader.isLoading;
    return { hasModel: this.session !== undefined, loading, busy: loading || this.exporter.isRunning || this.runner.active().length > 0 };
  }

  override dispose(): void {
    if (this.isDisposed) return;
    try {
      this.session?.flush();
      this.saveGeometry();
    } catch (e) {
      log().warn('saving state at exit failed', e);
    }
    super.dispose();
  }
}

/** The status bar's message once an export ended. */
function exportNotice(o: ExportOutcome): string {
  if ('files' in o) return `Exported ${o.files.map((f) => path.basename(f)).join(', ')}`;
  if ('cancelled' in o) return 'Export cancelled; no file was written';
  return 'Export failed';
}
