// The status bar: what the app is doing, a progress bar while an operation runs, a Cancel button
// beside it, and the process memory (refreshed by the resource monitor). It only draws the view it
// is given: the LoadPresenter (src/ui/app/load-presenter.ts) is its one writer.
import { QProgressBar, QPushButton, QStatusBar } from '../qt';
import { Disposable, Emitter, Event } from '../../core/lifecycle';
import type { StatusView } from '../app/load-presenter';
import { plainTextLabel } from '../widgets/plain-text';
import { listen } from '../widgets/qt-lifecycle';

export class StatusArea extends Disposable {
  readonly bar = new QStatusBar();
  /** File and archive entry names appear here: plain text. */
  private readonly message = plainTextLabel();
  private readonly progress = new QProgressBar();
  private readonly cancelButton = new QPushButton();
  private readonly memory = plainTextLabel();
  private readonly cancelled = this.register(new Emitter<void>('StatusArea.cancel'));
  readonly onDidClickCancel: Event<void> = this.cancelled.event;
  private busyNow = false;

  constructor() {
    super('StatusArea');
    this.message.setObjectName('statusMessage');
    this.progress.setObjectName('statusProgress');
    this.progress.setFixedWidth(220);
    this.progress.setRange(0, 1000);
    this.progress.setTextVisible(true);
    this.cancelButton.setText('Cancel');
    this.cancelButton.setObjectName('statusCancel');
    this.memory.setObjectName('statusMemory');
    this.bar.addWidget(this.message, 1);
    this.bar.addPermanentWidget(this.progress);
    this.bar.addPermanentWidget(this.cancelButton);
    this.bar.addPermanentWidget(this.memory);
    this.register(listen(this.cancelButton, 'clicked', () => this.cancelled.fire(), 'statusCancel.clicked'));
    this.render({ message: 'Ready', busy: false });
  }

  render(view: StatusView): void {
    this.busyNow = view.busy;
    this.message.setText(view.message);
    this.progress.setVisible(view.busy);
    this.cancelButton.setVisible(view.busy);
    if (!view.busy) return;
    if (view.fraction === undefined) {
      this.progress.setRange(0, 0); // a busy indicator until the first real progress arrives
      return;
    }
    this.progress.setRange(0, 1000);
    this.progress.setValue(Math.round(Math.min(1, Math.max(0, view.fraction)) * 1000));
    this.progress.setFormat(`${Math.round(view.fraction * 100)} %`);
  }

  get text(): string {
    return this.message.text();
  }

  get isBusy(): boolean {
    return this.busyNow;
  }

  /** Whether the progress bar and Cancel button are shown (tests). */
  get showsCancel(): boolean {
    return this.cancelButton.isVisible() || (this.busyNow && !this.cancelButton.isHidden());
  }

  setMemory(rssBytes: number): void {
    this.memory.setText(`Memory ${(rssBytes / 1048576).toFixed(0)} MB`);
  }
}
