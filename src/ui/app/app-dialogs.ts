// The app's questions and messages, all non-blocking: errors, "still reading — wait, retry or
// cancel?", "memory is running low", and plain messages. One at a time: a new one replaces the old.
import { Disposable, MutableDisposable } from '../../core/lifecycle';
import { OperationErrorInfo } from '../../core/operations/protocol';
import { log } from '../../platform/logging';
import { QWidget } from '../qt';
import { ChoiceDialog, ChoiceDialogSpec } from '../dialogs/choice-dialog';

export class AppDialogs extends Disposable {
  private readonly slot = this.register(new MutableDisposable<ChoiceDialog<string>>());

  constructor(private readonly parent: QWidget) {
    super('AppDialogs');
  }

  get current(): ChoiceDialog<string> | undefined {
    return this.slot.value;
  }

  private open<Id extends string>(spec: ChoiceDialogSpec<Id>, onChoice?: (id: Id | 'closed') => void): ChoiceDialog<Id> {
    const dialog = new ChoiceDialog<Id>(this.parent, spec);
    this.slot.value = dialog as unknown as ChoiceDialog<string>;
    if (onChoice) dialog.own(dialog.onDidChoose(onChoice));
    return dialog.show();
  }

  showError(e: OperationErrorInfo): void {
    log().warn(`${e.category}: ${e.message}${e.detail ? `\n${e.detail}` : ''}`);
    this.open({ title: 'IFC Room Schedule', heading: e.message, message: e.suggestion, detail: e.detail, buttons: [{ id: 'ok', text: 'OK', default: true }], objectName: 'errorDialog' });
  }

  showMessage(title: string, heading: string, text: string): void {
    this.open({ title, heading, message: text, buttons: [{ id: 'ok', text: 'OK', default: true }], objectName: 'messageDialog' });
  }

  askAfterTimeout(name: string, elapsedMs: number, onChoice: (c: 'wait' | 'retry' | 'cancel' | 'closed') => void): void {
    this.open(
      {
        title: 'Still reading the model',
        heading: `${name} is taking longer than expected (${Math.round(elapsedMs / 1000)} s).`,
        message: 'Large models can take minutes. You can keep waiting, stop now, or start again.',
        buttons: [
          { id: 'wait', text: 'Wait 2 more minutes', default: true },
          { id: 'retry', text: 'Retry' },
          { id: 'cancel', text: 'Cancel' },
        ],
        objectName: 'timeoutDialog',
      },
      onChoice,
    );
  }

  askOnMemoryPressure(rss: number, busy: boolean, onChoice: (c: 'free' | 'cancel' | 'ignore' | 'closed') => void): void {
    this.open<'free' | 'cancel' | 'ignore'>(
      {
        title: 'Memory is running low',
        heading: `The app is using ${(rss / 1048576).toFixed(0)} MB of memory.`,
        message: busy ? 'You can cancel the running operation, or free memory now.' : 'Free memory now: workers still winding down are ended and unused memory is collected.',
        buttons: [{ id: 'free', text: 'Free memory now', default: true }, ...(busy ? [{ id: 'cancel' as const, text: 'Cancel the operation' }] : []), { id: 'ignore', text: 'Ignore' }],
        objectName: 'memoryDialog',
      },
      onChoice,
    );
  }
}
