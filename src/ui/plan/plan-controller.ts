// The Plan view in the app: the plan follows the open model, a click on a room goes to it in the
// list (and so to the details), a room chosen in the list is outlined and centred on the plan,
// File → Export plan… writes the storey shown as SVG or PNG, and the view's state (open, colour key)
// is kept in the settings for the next start.
import * as path from 'path';
import { Disposable } from '../../core/lifecycle';
import { COLOUR_KEYS, ColourKey } from '../../core/plan/colour-schemes';
import { OperationErrorInfo } from '../../core/operations/protocol';
import { buildPlanScene } from '../../core/plan/plan-scene';
import { withoutModelExtension } from '../../core/schedule/model-file';
import { svgToPngAsync } from '../../export/plan-png';
import { sceneSvg } from '../../export/plan-svg';
import { writeFileAtomicSync } from '../../platform/atomic-file';
import { log } from '../../platform/logging';
import { SettingsStore } from '../../platform/settings';
import { AcceptMode, QFileDialog, QWidget } from '../qt';
import type { ModelSession } from '../app/model-session';
import { DetailsPanel } from '../details/details-panel';
import { SpaceListPanel } from '../spaces/space-list-panel';
import { listen } from '../widgets/qt-lifecycle';
import { PlanPanel } from './plan-panel';

export interface PlanControllerHost {
  details: DetailsPanel;
  spaces: SpaceListPanel;
  settings: SettingsStore;
  session: () => ModelSession | undefined;
  /** Selects a room in the list (clearing its filter when that hides the room). */
  goTo: (spaceIndex: number) => boolean;
  notice: (text: string) => void;
  showError: (e: OperationErrorInfo) => void;
}

export class PlanController extends Disposable {
  readonly panel: PlanPanel;
  /** Set while a plan click is being passed to the list, so the plan does not jump to centre the room. */
  private selectingFromPlan = false;

  constructor(private readonly host: PlanControllerHost) {
    super('PlanController');
    const saved = host.settings.get().plan;
    const colourBy = (COLOUR_KEYS as readonly string[]).includes(saved?.colourBy) ? (saved.colourBy as ColourKey) : 'category';
    this.panel = this.register(new PlanPanel(colourBy));
    host.details.addTab('plan', this.panel.widget, 'Plan');
    if (saved?.open) host.details.showTab('plan');
    this.register(this.panel.onDidSelectSpace((i) => this.selectFromPlan(i)));
    this.register(host.spaces.onDidSelectSpace((i) => this.listSelected(i)));
    this.register(host.details.onDidAnnotate(() => this.panel.notesChanged()));
  }

  /** The open model changed (opened, reloaded, closed). */
  modelChanged(): void {
    const session = this.host.session();
    this.panel.setModel(session?.schedule, (s) => this.host.session()?.isAnnotated(s) ?? false);
  }

  get isShown(): boolean {
    return this.host.details.currentTab() === 'plan';
  }

  show(storey?: string): boolean {
    this.host.details.showTab('plan');
    return storey === undefined || this.panel.showStorey(storey);
  }

  private selectFromPlan(spaceIndex: number): void {
    this.selectingFromPlan = true;
    try {
      if (!this.host.goTo(spaceIndex)) this.panel.showSpace(spaceIndex);
    } finally {
      this.selectingFromPlan = false;
    }
  }

  private listSelected(spaceIndex: number): void {
    if (this.selectingFromPlan) this.panel.canvas.setSelected(spaceIndex);
    else this.panel.showSpace(spaceIndex);
  }

  /** File → Export plan…: the storey shown, in the colours shown, as SVG or PNG (by the name's extension). */
  showExportDialog(parent: QWidget): void {
    const session = this.host.session();
    const storey = this.panel.currentStorey;
    if (!session || !storey) return;
    const suggested = `${withoutModelExtension(session.name)}.${storey.label.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.svg`;
    const dialog = new QFileDialog(parent, 'Export plan', path.join(path.dirname(session.filePath), suggested));
    dialog.setAcceptMode(AcceptMode.AcceptSave);
    dialog.setNameFilter('SVG drawing (*.svg);;PNG image (*.png)');
    dialog.setDefaultSuffix('svg');
    const chosen = listen(dialog, 'fileSelected', (file: string) => void this.exportTo(file), 'exportPlan.fileSelected');
    const done = listen(dialog, 'finished', () => {
      chosen.dispose();
      done.dispose();
      dialog.deleteLater();
    }, 'exportPlan.finished');
    dialog.open();
  }

  /** Writes the plan of the storey shown to `file` (.svg or .png); resolves once it is on disk. */
  async exportTo(file: string): Promise<string | undefined> {
    const session = this.host.session();
    const storey = this.panel.currentStorey;
    if (!session || !storey) return undefined;
    const ext = path.extname(file).toLowerCase();
    if (ext !== '.svg' && ext !== '.png') {
      this.host.showError({ category: 'file', message: `A plan is exported as .svg or .png, not “${path.basename(file)}”.`, suggestion: 'Choose a name ending in .svg or .png.' });
      return undefined;
    }
    try {
      const scene = buildPlanScene(session.schedule, storey, { colourBy: this.panel.colourBy, colouring: this.panel.currentColouring() });
      const svg = sceneSvg(scene, { selectedSpaceIndex: this.panel.selectedSpaceIndex });
      writeFileAtomicSync(file, ext === '.png' ? await svgToPngAsync(svg) : svg);
      this.host.notice(`Exported the plan of ${storey.label} to ${path.basename(file)}`);
      return file;
    } catch (e) {
      log().warn('plan export failed', e);
      this.host.showError({ category: 'file', message: `The plan could not be written to ${file}: ${(e as Error).message}`, suggestion: 'Check that the folder exists and is writable, and that the disk is not full.' });
      return undefined;
    }
  }

  override dispose(): void {
    if (this.isDisposed) return;
    try {
      this.host.settings.update({ plan: { open: this.isShown, colourBy: this.panel.colourBy } });
    } catch (e) {
      log().warn('saving the plan view settings failed', e);
    }
    super.dispose();
  }
}
