// A non-blocking question or message: a title line, an explanation, optional detail, and buttons.
// Non-modal (see AppDialog), so the app keeps running and progress keeps arriving while it is up.
// The answer comes back as an event.
import { Emitter, Event } from '../../core/lifecycle';
import { QLabel, QPlainTextEdit, QPushButton, QWidget } from '../qt';
import { fill, grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { AppDialog } from './app-dialog';

export interface ChoiceButton<Id extends string> {
  id: Id;
  text: string;
  default?: boolean;
}

export interface ChoiceDialogSpec<Id extends string> {
  title: string;
  heading: string;
  message: string;
  detail?: string;
  buttons: ChoiceButton<Id>[];
  objectName?: string;
}

export class ChoiceDialog<Id extends string> extends AppDialog {
  private readonly messageLabel: QLabel;
  private readonly buttons = new Map<Id, QPushButton>();
  private readonly chosen = this.register(new Emitter<Id | 'closed'>('ChoiceDialog.chosen'));
  /** The button the user pressed, or 'closed' when the dialog was closed otherwise. */
  readonly onDidChoose: Event<Id | 'closed'> = this.chosen.event;
  private answered = false;
  /** The title line as shown (tests read it). */
  readonly heading: string;

  constructor(parent: QWidget | undefined, spec: ChoiceDialogSpec<Id>) {
    super('ChoiceDialog', { parent, objectName: spec.objectName ?? 'choiceDialog', title: spec.title });
    this.heading = spec.heading;
    const heading = label(spec.heading, { name: 'dialogHeading', wrap: true, selectable: true });
    heading.setStyleSheet('font-weight: bold; font-size: 12pt;');
    this.messageLabel = label(spec.message, { wrap: true, selectable: true });
    const children: QWidget[] = [heading, this.messageLabel];
    if (spec.detail) {
      const detail = new QPlainTextEdit();
      detail.setReadOnly(true);
      detail.setPlainText(spec.detail);
      detail.setMaximumHeight(140);
      children.push(detail);
    }
    const row: (QWidget | 'stretch')[] = ['stretch'];
    for (const b of spec.buttons) {
      const button = new QPushButton();
      button.setText(b.text);
      button.setObjectName(`choice-${b.id}`);
      if (b.default) button.setDefault(true);
      this.register(listen(button, 'clicked', () => this.answer(b.id), `choice.${b.id}`));
      this.buttons.set(b.id, button);
      row.push(button);
    }
    fill(this.dialog, vbox([...children.map((c) => grow(c, 0)), hbox(row, { spacing: 6 })], { margins: 12, spacing: 8 }));
    this.dialog.setMinimumWidth(440);
    this.register(listen(this.dialog, 'finished', () => this.answer('closed'), 'choiceDialog.finished'));
  }

  override show(): this {
    super.show();
    return this;
  }

  setMessage(text: string): void {
    this.messageLabel.setText(text);
  }

  /** Presses a button as the user would (keyboard automation and tests). */
  press(id: Id): void {
    this.buttons.get(id)?.click();
  }

  get isOpen(): boolean {
    return !this.answered && !this.isDisposed;
  }

  private answer(id: Id | 'closed'): void {
    if (this.answered) return;
    this.answered = true;
    this.chosen.fire(id);
    this.dialog.hide();
  }
}
