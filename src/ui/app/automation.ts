// Flags for tests, docs and benchmarks: select a room, take a screenshot at a given moment, cancel
// a load after some time, quit after some time. Each timer is owned here and disposed at exit.
import * as fs from 'fs';
import * as path from 'path';
import { Disposable, disposableTimeout, MutableDisposable } from '../../core/lifecycle';
import { log } from '../../platform/logging';
import { WidgetEventTypes } from '../qt';
import { listen } from '../widgets/qt-lifecycle';
import { AppArgs } from './app-args';
import type { AppController } from './app-controller';
import { EventLoopProbe } from './event-loop-probe';
import { buildAppReport, writeAppReport } from './app-report';
import { ExerciseResult, runExercise } from './exercise';

export class Automation extends Disposable {
  constructor(
    private readonly app: AppController,
    private readonly args: AppArgs,
    private readonly exit: (code: number, why: string) => void,
    private readonly startedAt: number,
  ) {
    super('Automation');
  }

  /** `file`: the model the app was started with (the exercise's model). */
  start(file: string | undefined): void {
    const a = this.args;
    if (a.exercise) {
      if (!file) throw new Error('--exercise needs a model file');
      void this.exercise(file);
    } else if (a.report) {
      const report = a.report;
      const sub = this.register(
        this.app.onDidFinishLoad(() => {
          this.store.delete(sub);
          void this.report(report);
        }),
      );
    }
    // --quit-after closes the main window, exactly as the user would: the same path to exit code 0.
    if (a.quitAfter !== undefined) this.register(disposableTimeout(() => this.app.window.window.close(), a.quitAfter, 'quit-after', { owner: this }));
    if (a.cancelAfter !== undefined) this.register(disposableTimeout(() => void this.app.cancel(), a.cancelAfter, 'cancel-after', { owner: this }));
    // As File → Open in a window already up: the dialog shows now (its extraction thread starts,
    // loader.prepare) and the file is chosen a.openAfter ms later; the time to the rooms is the load's.
    if (a.openAfter !== undefined && file && !a.exercise) {
      this.app.loader.prepare();
      this.register(disposableTimeout(() => this.app.open(file), a.openAfter, 'open-after', { owner: this }));
    }
    this.watchEventLoop();
    this.register(
      this.app.onDidFinishLoad((o) => {
        // First paint after the model is shown: reported for the start-up benchmark.
        log().info(`model ${o.kind} ${Math.round(performance.now() - this.startedAt)} ms after start; window title "${this.app.window.window.windowTitle()}"`);
        if (o.kind === 'loaded') {
          this.selectRequestedRoom();
          // After the app selects the first room (a timer of its own), which brings that room's storey.
          this.register(disposableTimeout(() => this.showRequestedPlan(), 0, 'show-requested-plan', { owner: this }));
        }
        // After the load's event-loop watch has ended (250 ms), so the two are measured apart.
        const other = a.compareWith;
        if (o.kind === 'loaded' && other) this.register(disposableTimeout(() => this.app.compare.compareWith(other), 400, 'compare-with', { owner: this }));
        const ids = a.checkIds;
        if (o.kind === 'loaded' && ids) this.register(disposableTimeout(() => this.app.check.checkWith(ids), 400, 'check-ids', { owner: this }));
        if (a.screenshot && a.screenshotWhen === 'loaded' && o.kind === 'loaded') this.screenshotSoon();
        if (a.screenshot && a.screenshotWhen === 'diagnostics' && o.kind === 'cancelled') this.screenshotDiagnosticsSoon();
        if (a.screenshot && o.kind === 'failed' && a.screenshotWhen === 'loaded') this.screenshotSoon();
      }),
    );
    if (a.screenshot && a.screenshotWhen === 'loading') {
      this.register(
        this.app.loader.onDidProgress((p) => {
          if ((p.fraction ?? 0) > 0.15 && !this.tookShot) this.screenshotSoon(0);
        }),
      );
    }
  }

  private tookShot = false;

  private async exercise(file: string): Promise<void> {
    const spec = this.args.exercise!;
    let result: ExerciseResult;
    try {
      result = await runExercise(this.app, file, spec);
    } catch (e) {
      log().error('the exercise failed', e);
      this.exit(1, 'exercise failed');
      return;
    }
    if (this.args.report) await this.report(this.args.report, result);
    else this.exit(0, 'exercise done');
  }

  /** Writes --report and quits: exit code 0 when the verification found nothing, 3 when it found leaks. */
  private async report(file: string, exercise?: ExerciseResult): Promise<void> {
    try {
      const clean = writeAppReport(path.resolve(file), await buildAppReport(this.app, exercise));
      log().info(`report written: ${path.resolve(file)} (${clean ? 'clean' : 'leaks found'})`);
      this.exit(clean ? 0 : 3, 'report written');
    } catch (e) {
      log().error('writing the report failed', e);
      this.exit(1, 'report failed');
    }
  }

  /** The responsiveness and start-up benchmark's probe (src/ui/app/event-loop-probe.ts). */
  private watchEventLoop(): void {
    const probe = this.register(new EventLoopProbe());
    this.register(
      this.app.window.spaces.onDidShowRooms((shown) => {
        const { startedAt, file } = this.app.loader;
        if (startedAt === undefined || file === undefined) return;
        // Asked for, or (complete rooms) the one that read them: the fast engine hands files it refuses to web-ifc.
        const engine = (shown.complete ? this.app.session?.schedule.metadata.engine.name : undefined) ?? this.app.loader.engine;
        probe.roomsShown({ event: 'rooms-shown', file, complete: shown.complete, rooms: shown.rooms, msSinceOpen: Math.round(shown.at - startedAt), engine });
      }),
    );
    probe.watchFirstPaint((onPaint) => listen(this.app.window.window, WidgetEventTypes.Paint, onPaint, 'mainWindow.firstPaint'));
    // The command-line file is already loading when automation starts; later loads announce themselves.
    if (this.app.loader.isLoading) probe.startLoad(this.app.loader.file ?? '');
    this.register(
      this.app.runner.onDidStart((op) => {
        if (op.kind === 'extract' || op.kind === 'ids-check') probe.startLoad(op.label);
      }),
    );
    // Ended a moment after the outcome is shown, so filling and painting the room list is measured too.
    const ending = this.register(new MutableDisposable());
    this.register(this.app.onDidFinishLoad((o) => (ending.value = disposableTimeout(() => probe.endLoad(o.kind), 250, 'event-loop-probe-end', { owner: this }))));
    // Compare with… reads the other model the same way: its reading and comparing are watched too.
    this.register(this.app.compare.onDidFinish((o) => (ending.value = disposableTimeout(() => probe.endLoad(`compare ${o.kind}`), 250, 'event-loop-probe-end', { owner: this }))));
    // So is a requirements check: the worker reads and checks, the window lists the results.
    this.register(this.app.check.onDidFinish((o) => (ending.value = disposableTimeout(() => probe.endLoad(`check ${o.kind}`), 250, 'event-loop-probe-end', { owner: this }))));
  }

  private selectRequestedRoom(): void {
    const session = this.app.session;
    const want = this.args.select;
    if (!session || !want) return;
    let index = session.spaces.findIndex((s) => s.name?.trim() === want.trim());
    if (index < 0 && /^\d+$/.test(want)) index = Number(want) - 1;
    if (index >= 0 && index < session.spaces.length) this.app.selectSpace(index);
    if (this.args.tab) this.app.window.details.showTab(this.args.tab);
  }

  /** --view plan and --storey: the Plan tab, on the storey asked for. */
  private showRequestedPlan(): void {
    const { view, storey } = this.args;
    if (!view && !storey) return;
    if (!this.app.plan.show(storey)) log().warn(`--storey ${storey}: no such storey; the plan shows ${this.app.plan.panel.currentStorey?.label ?? 'nothing'}`);
  }

  private screenshotSoon(delayMs = 300): void {
    if (this.tookShot) return;
    this.tookShot = true;
    // A short delay lets Qt lay out and paint the new content before the grab.
    this.register(disposableTimeout(() => this.grab(this.app.window.window), delayMs, 'screenshot', { owner: this }));
  }

  private screenshotDiagnosticsSoon(): void {
    if (this.tookShot) return;
    this.tookShot = true;
    this.register(
      disposableTimeout(() => {
        const dialog = this.app.diagnostics.show();
        this.register(disposableTimeout(() => this.grab(dialog), 700, 'screenshot-diagnostics', { owner: this }));
      }, 3500, 'diagnostics-after-cancel', { owner: this }),
    );
  }

  private grab(widget: { grab(): { save(file: string, format?: string): boolean } }): void {
    const file = path.resolve(this.args.screenshot!);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const ok = widget.grab().save(file, 'PNG');
    log().info(`screenshot ${ok ? 'saved' : 'FAILED'}: ${file}`);
    if (!ok) process.exitCode = 1;
    if (this.args.quitAfterScreenshot) this.exit(ok ? 0 : 1, 'screenshot taken');
  }
}
