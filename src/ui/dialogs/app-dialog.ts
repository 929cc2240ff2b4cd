// What every dialog window of the app shares: it owns its QDialog, its controller can tie
// subscriptions to the dialog's life (own), and showing it brings it to the front. Dialogs are shown
// with show(), never exec(): exec() would run a nested Qt loop and block Node's.
import { Disposable, IDisposable } from '../../core/lifecycle';
import { QDialog, QWidget } from '../qt';
import { qtObjectDisposable } from '../widgets/qt-lifecycle';

export interface AppDialogSpec {
  parent?: QWidget;
  objectName: string;
  title: string;
}

export abstract class AppDialog extends Disposable {
  readonly dialog: QDialog;

  protected constructor(debugName: string, spec: AppDialogSpec) {
    super(debugName);
    this.dialog = spec.parent ? new QDialog(spec.parent) : new QDialog();
    this.dialog.setObjectName(spec.objectName);
    this.dialog.setWindowTitle(spec.title);
    // Registered first, so deleted last: a store disposes in reverse order, and every listener the
    // subclass registers on the dialog's widgets must go before the native dialog does.
    this.register(qtObjectDisposable(this.dialog, `dialog:${spec.objectName}`));
  }

  /** Ties a subscription (to this dialog's events) to the dialog's life. */
  own<T extends IDisposable>(d: T): T {
    return this.register(d);
  }

  show(): void {
    this.dialog.show();
    this.dialog.raise();
  }
}
