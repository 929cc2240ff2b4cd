// Help → Diagnostics: opens the dialog (one at a time) and carries out its buttons.
import * as fs from 'fs';
import * as path from 'path';
import { Disposable, MutableDisposable } from '../../core/lifecycle';
import type { ResourceMonitor } from '../../core/monitor/resource-monitor';
import { log } from '../../platform/logging';
import { writeFileAtomicSync } from '../../platform/atomic-file';
import { AcceptMode, FileMode, QApplication, QDialog, QFileDialog, QWidget } from '../qt';
import { listen } from '../widgets/qt-lifecycle';
import { DiagnosticsDialog } from './diagnostics-dialog';

export class DiagnosticsController extends Disposable {
  private readonly slot = this.register(new MutableDisposable<DiagnosticsDialog>());

  constructor(
    private readonly parent: QWidget,
    private readonly monitor: ResourceMonitor,
    private readonly freeMemory: () => Promise<void>,
  ) {
    super('DiagnosticsController');
  }

  get dialog(): DiagnosticsDialog | undefined {
    return this.slot.value;
  }

  show(): QDialog {
    let d = this.slot.value;
    if (!d) {
      d = new DiagnosticsDialog(this.parent, this.monitor);
      this.slot.value = d;
      const dialog = d;
      d.own(d.onDidRequest((what) => void this.handle(what, dialog)));
    }
    d.show();
    return d.dialog;
  }

  /** Saves the current report as JSON (also used by Save report… once a file is chosen). */
  saveReport(file: string): void {
    writeFileAtomicSync(file, JSON.stringify(this.monitor.getResourceMonitorReport(), null, 2));
  }

  private async handle(what: 'free' | 'verify' | 'copy' | 'save', d: DiagnosticsDialog): Promise<void> {
    try {
      if (what === 'free') await this.freeMemory();
      else if (what === 'verify') await this.monitor.verify();
      else if (what === 'copy') QApplication.clipboard()?.setText(JSON.stringify(this.monitor.getResourceMonitorReport(), null, 2));
      else this.askWhereToSave(d);
    } catch (e) {
      log().warn(`diagnostics ${what} failed`, e);
    }
    if (!d.isDisposed) d.refresh();
  }

  private askWhereToSave(d: DiagnosticsDialog): void {
    const suggested = path.join(process.cwd(), `ifc-room-schedule-report-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const fd = new QFileDialog(d.dialog, 'Save diagnostics report', suggested);
    fd.setAcceptMode(AcceptMode.AcceptSave);
    fd.setFileMode(FileMode.AnyFile);
    const sub = listen(fd, 'fileSelected', (file: string) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      this.saveReport(file);
    }, 'diagSave.fileSelected');
    const done = listen(fd, 'finished', () => {
      sub.dispose();
      done.dispose();
      fd.deleteLater();
    }, 'diagSave.finished');
    fd.open();
  }
}
