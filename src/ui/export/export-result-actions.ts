// After an export, two buttons in the status bar: "Open file" and "Show in folder". They stay
// until the next export starts or the model closes, so the user can come back to them.
import * as path from 'path';
import { Disposable } from '../../core/lifecycle';
import { QPushButton, QStatusBar } from '../qt';
import { listen } from '../widgets/qt-lifecycle';
import { openExternally } from './open-externally';

export class ExportResultActions extends Disposable {
  private readonly openFile = new QPushButton();
  private readonly showFolder = new QPushButton();
  private files: string[] = [];

  constructor(bar: QStatusBar, private readonly showProblem: (message: string) => void, open: typeof openExternally = openExternally) {
    super('ExportResultActions');
    this.openFile.setText('Open file');
    this.openFile.setObjectName('exportOpenFile');
    this.showFolder.setText('Show in folder');
    this.showFolder.setObjectName('exportShowFolder');
    bar.addWidget(this.openFile);
    bar.addWidget(this.showFolder);
    this.hide();
    this.register(listen(this.openFile, 'clicked', () => this.files[0] && open(this.files[0], this.showProblem), 'exportOpenFile.clicked'));
    this.register(listen(this.showFolder, 'clicked', () => this.files[0] && open(path.dirname(this.files[0]), this.showProblem), 'exportShowFolder.clicked'));
  }

  /** The files just written (the first is the one "Open file" opens). */
  show(files: string[]): void {
    this.files = files;
    this.openFile.setProperty('toolTip', files.join('\n'));
    this.showFolder.setProperty('toolTip', path.dirname(files[0] ?? ''));
    this.openFile.setVisible(files.length > 0);
    this.showFolder.setVisible(files.length > 0);
  }

  hide(): void {
    this.files = [];
    this.openFile.setVisible(false);
    this.showFolder.setVisible(false);
  }

  get shownFiles(): readonly string[] {
    return this.files;
  }

  /** Clicks a button as the user would (tests). */
  click(which: 'open' | 'folder'): void {
    (which === 'open' ? this.openFile : this.showFolder).click();
  }
}
