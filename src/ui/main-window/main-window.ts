// The main window: menu bar, toolbar, rooms on the left, details on the right, status bar.
// Only layout and wiring of its parts; what commands do lives in the app controller.
import { Disposable, DisposableStore, Emitter, Event, IDisposable, MutableDisposable } from '../../core/lifecycle';
import { AnnotationSet } from '../../core/schedule/annotations';
import { QDragEnterEvent, QDropEvent, QIcon, QMainWindow, QMenu, QSplitter, Orientation, QWidget, WidgetEventTypes } from '../qt';
import { Commands } from '../app/commands';
import { DetailsPanel } from '../details/details-panel';
import { SpaceListPanel } from '../spaces/space-list-panel';
import { grow, vbox } from '../widgets/layout';
import { listen, qtObjectDisposable } from '../widgets/qt-lifecycle';
import { buildMenuBar } from './menu-bar';
import { StatusArea } from './status-area';
import { buildToolbar, Toolbar } from './toolbar';
import { assetPath } from '../../platform/assets';
import { APP_STYLE } from './style';
import { chooseDroppedModel, DropChoice } from './dropped-files';

export const APP_TITLE = 'IFC Room Schedule';

export class MainWindow extends Disposable {
  readonly window = new QMainWindow();
  /** Registered first, so disposed last: the children's listeners disconnect while the widgets still exist. */
  private readonly windowOwnership = this.register(qtObjectDisposable(this.window, 'MainWindow'));
  readonly spaces = this.register(new SpaceListPanel());
  readonly details: DetailsPanel;
  readonly status = this.register(new StatusArea());
  readonly toolbar: Toolbar;
  private readonly splitter = new QSplitter();
  private readonly recentMenu: QMenu | undefined;
  private readonly dropped = this.register(new Emitter<DropChoice>('MainWindow.dropped'));
  /** Files were dropped on the window: the model to open, or why there is none. */
  readonly onDidDrop: Event<DropChoice> = this.dropped.event;
  private readonly closing = this.register(new Emitter<void>('MainWindow.closing'));
  readonly onDidClose: Event<void> = this.closing.event;

  constructor(commands: Commands, annotations: () => AnnotationSet | undefined, private readonly recentFiles: () => string[], openRecent: (file: string) => void) {
    super('MainWindow');
    this.details = this.register(new DetailsPanel(annotations));
    this.window.setObjectName('mainWindow');
    this.window.setWindowTitle(APP_TITLE);
    this.window.setWindowIcon(new QIcon(assetPath('icons', 'app.svg')));
    this.window.setStyleSheet(APP_STYLE);
    this.window.resize(1260, 780);
    const { bar, recentMenu } = buildMenuBar(commands, (menu) => this.fillRecent(menu, openRecent));
    this.recentMenu = recentMenu;
    this.window.setMenuBar(bar);
    this.toolbar = buildToolbar(commands, ['open', 'close', 'refresh', '|', 'previous', 'next', '|', 'validate', 'export', '|', 'cancel', '|', 'diagnostics']);
    this.splitter.setOrientation(Orientation.Horizontal);
    this.splitter.addWidget(this.spaces.widget);
    this.splitter.addWidget(this.details.widget);
    // NodeGui's QSplitter has no setSizes(): the panels' minimum widths give the first split.
    this.spaces.widget.setMinimumWidth(340);
    this.details.widget.setMinimumWidth(520);
    this.window.setCentralWidget(vbox([this.toolbar.widget, grow(this.splitter)], { spacing: 0, name: 'central' }));
    this.window.setStatusBar(this.status.bar);
    this.window.setAcceptDrops(true);
    this.register(listen(this.window, WidgetEventTypes.DragEnter, (e) => this.onDragEnter(e), 'mainWindow.dragEnter'));
    this.register(listen(this.window, WidgetEventTypes.Drop, (e) => this.onDrop(e), 'mainWindow.drop'));
    this.register(listen(this.window, WidgetEventTypes.Close, () => this.closing.fire(), 'mainWindow.close'));
  }

  setModelTitle(modelName: string | undefined): void {
    this.window.setWindowTitle(modelName ? `${modelName} — ${APP_TITLE}` : APP_TITLE);
  }

  setSpacesPanelVisible(visible: boolean): void {
    this.spaces.widget.setVisible(visible);
  }

  get spacesPanelVisible(): boolean {
    return !this.spaces.widget.isHidden();
  }

  refreshRecentFiles(openRecent: (file: string) => void): void {
    if (this.recentMenu) this.fillRecent(this.recentMenu, openRecent);
  }

  private readonly recentListeners = this.register(new MutableDisposable<DisposableStore>());

  private fillRecent(menu: QMenu, openRecent: (file: string) => void): void {
    const listeners = new DisposableStore('recent-files');
    this.recentListeners.value = listeners;
    menu.clear();
    const files = this.recentFiles();
    if (files.length === 0) {
      const none = menu.addAction('(none yet)');
      none.setEnabled(false);
      return;
    }
    for (const f of files) {
      const a = menu.addAction(f);
      listeners.add(listen(a, 'triggered', () => openRecent(f), 'recentFile.triggered'));
    }
  }

  private onDragEnter(raw: unknown): void {
    const e = new QDragEnterEvent(raw as never);
    if (e.mimeData().hasUrls()) e.acceptProposedAction();
  }

  private onDrop(raw: unknown): void {
    const e = new QDropEvent(raw as never);
    // NodeGui types urls() as a one-element tuple; it is a list of any length.
    const urls = e.mimeData().urls() as Array<{ toLocalFile(): string }>;
    if (urls.length === 0) return;
    e.acceptProposedAction();
    this.dropped.fire(chooseDroppedModel(urls.map((u) => u.toLocalFile())));
  }

  get widget(): QWidget {
    return this.window;
  }
}
