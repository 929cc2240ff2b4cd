// The Plan view: a storey switcher, the colour key, zoom buttons and the canvas. Holds the scenes of
// the open model (built when a storey is first shown, kept until the model or the colours change)
// and turns a click on a room into a selection the app passes on to the list and the details.
import { Disposable, Emitter, Event } from '../../core/lifecycle';
import { COLOUR_KEY_TITLES, COLOUR_KEYS, ColourKey, RoomColouring } from '../../core/plan/colour-schemes';
import { buildPlanScene, PlanScene, sceneColouring } from '../../core/plan/plan-scene';
import { planStoreys, PlanStorey, storeyKey } from '../../core/plan/plan-storeys';
import { RoomSchedule, Space } from '../../core/schedule/model';
import { QComboBox, QIcon, QPushButton, QWidget, WidgetEventTypes } from '../qt';
import { grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { PlanCanvas } from './plan-canvas';

export class PlanPanel extends Disposable {
  readonly widget: QWidget;
  readonly canvas = this.register(new PlanCanvas());
  private readonly storeyBox = new QComboBox();
  private readonly colourBox = new QComboBox();
  private schedule: RoomSchedule | undefined;
  private isAnnotated: (s: Space) => boolean = () => false;
  private storeys: PlanStorey[] = [];
  private colouring: RoomColouring | undefined;
  private readonly scenes = new Map<string, PlanScene>();
  private storeyAt = -1;
  private colourKey: ColourKey;
  private selectedSpace: number | undefined;
  /** While the combo boxes are filled by code, their change signals are not the user's. */
  private filling = false;
  /** The storey changed while the Plan tab was hidden: drawn when it is shown, not during a load. */
  private stale = false;
  /** Milliseconds the last storey switch spent building its scene. */
  lastSceneMs = 0;
  private readonly selected = this.register(new Emitter<number>('PlanPanel.selected'));
  /** The user clicked a room on the plan (its index into schedule.spaces). */
  readonly onDidSelectSpace: Event<number> = this.selected.event;
  private readonly colourChanged = this.register(new Emitter<ColourKey>('PlanPanel.colourChanged'));
  readonly onDidChangeColourKey: Event<ColourKey> = this.colourChanged.event;

  constructor(colourKey: ColourKey = 'category') {
    super('PlanPanel');
    this.colourKey = colourKey;
    this.storeyBox.setObjectName('planStorey');
    this.colourBox.setObjectName('planColourBy');
    for (const k of COLOUR_KEYS) this.colourBox.addItem(new QIcon(), COLOUR_KEY_TITLES[k]);
    this.colourBox.setCurrentIndex(COLOUR_KEYS.indexOf(colourKey));
    const button = (text: string, tip: string, run: () => void, name: string) => {
      const b = new QPushButton();
      b.setText(text);
      b.setObjectName(name);
      b.setToolTip(tip);
      this.register(listen(b, 'clicked', run, `${name}.clicked`));
      b.setFixedWidth(text.length > 1 ? 44 : 30);
      return b;
    };
    const controls = hbox(
      [
        label('Storey'),
        grow(this.storeyBox, 3),
        label('Colour by'),
        grow(this.colourBox, 1),
        button('−', 'Zoom out (−, or the mouse wheel)', () => this.canvas.zoom(1 / 1.25), 'planZoomOut'),
        button('+', 'Zoom in (+, or the mouse wheel)', () => this.canvas.zoom(1.25), 'planZoomIn'),
        button('Fit', 'Show the whole storey (F)', () => this.canvas.fit(), 'planFit'),
      ],
      { spacing: 6 },
    );
    this.widget = vbox([controls, grow(this.canvas.widget)], { margins: 4, spacing: 4, name: 'planPanel' });
    this.register(listen(this.storeyBox, 'currentIndexChanged', (i: number) => !this.filling && this.showStoreyAt(i), 'planStorey.changed'));
    this.register(listen(this.colourBox, 'currentIndexChanged', (i: number) => !this.filling && this.setColourKey(COLOUR_KEYS[i]), 'planColourBy.changed'));
    this.register(this.canvas.onDidClickRoom((i) => this.selected.fire(i)));
    this.register(listen(this.widget, WidgetEventTypes.Show, () => this.stale && this.redrawStorey(), 'planPanel.show'));
  }

  /** A newly opened model (or none): its storeys in the switcher, the first one shown. */
  setModel(schedule: RoomSchedule | undefined, isAnnotated: (s: Space) => boolean): void {
    this.schedule = schedule;
    this.isAnnotated = isAnnotated;
    this.storeys = schedule ? planStoreys(schedule) : [];
    this.colouring = undefined;
    this.scenes.clear();
    this.selectedSpace = undefined;
    this.filling = true;
    try {
      while (this.storeyBox.count() > 0) this.storeyBox.removeItem(0);
      for (const s of this.storeys) this.storeyBox.addItem(new QIcon(), `${s.label} (${s.spaceIndexes.length} room${s.spaceIndexes.length === 1 ? '' : 's'})`);
    } finally {
      this.filling = false;
    }
    this.storeyAt = -1;
    if (this.storeys.length) this.showStoreyAt(0);
    else this.canvas.setScene(undefined, schedule ? 'This model has no rooms to draw.' : 'Open a model to see its plan.');
  }

  get storeyList(): readonly PlanStorey[] {
    return this.storeys;
  }

  get currentStorey(): PlanStorey | undefined {
    return this.storeys[this.storeyAt];
  }

  get colourBy(): ColourKey {
    return this.colourKey;
  }

  /** Shows the storey with this key, label or name; false when the model has none such. */
  showStorey(query: string): boolean {
    const q = query.trim().toLowerCase();
    const at = this.storeys.findIndex((s) => s.key === query || s.label.toLowerCase() === q || s.name.toLowerCase() === q);
    if (at < 0) return false;
    this.showStoreyAt(at);
    return true;
  }

  /** The room selected elsewhere (the list, Go to space): its storey shown, the room outlined and centred. */
  showSpace(spaceIndex: number | undefined): void {
    this.selectedSpace = spaceIndex;
    const space = spaceIndex === undefined ? undefined : this.schedule?.spaces[spaceIndex];
    if (space) {
      const at = this.storeys.findIndex((s) => s.key === storeyKey(space.storey));
      if (at >= 0 && at !== this.storeyAt) this.showStoreyAt(at);
    }
    this.canvas.setSelected(spaceIndex);
    if (spaceIndex !== undefined) this.canvas.centreOnRoom(spaceIndex);
  }

  setColourKey(key: ColourKey): void {
    if (key === this.colourKey && this.colouring) return;
    this.colourKey = key;
    this.colouring = undefined;
    this.scenes.clear();
    if (COLOUR_KEYS.indexOf(key) !== this.colourBox.currentIndex()) {
      this.filling = true;
      this.colourBox.setCurrentIndex(COLOUR_KEYS.indexOf(key));
      this.filling = false;
    }
    if (this.storeyAt >= 0) this.redrawStorey();
    this.colourChanged.fire(key);
  }

  /** Notes changed: the "notes" colours follow; other keys do not depend on notes. */
  notesChanged(): void {
    if (this.colourKey !== 'notes') return;
    this.colouring = undefined;
    this.scenes.clear();
    if (this.storeyAt >= 0) this.redrawStorey();
  }

  /** The colours of the whole model for the current key (what an export of this plan uses). */
  currentColouring(): RoomColouring | undefined {
    if (!this.schedule) return undefined;
    this.colouring ??= sceneColouring(this.schedule, { colourBy: this.colourKey, isAnnotated: this.isAnnotated });
    return this.colouring;
  }

  get selectedSpaceIndex(): number | undefined {
    return this.selectedSpace;
  }

  private showStoreyAt(at: number): void {
    if (at < 0 || at >= this.storeys.length) return;
    this.storeyAt = at;
    if (this.storeyBox.currentIndex() !== at) {
      this.filling = true;
      this.storeyBox.setCurrentIndex(at);
      this.filling = false;
    }
    this.redrawStorey();
  }

  private redrawStorey(): void {
    const storey = this.storeys[this.storeyAt];
    if (!storey || !this.schedule) return;
    // Hidden behind another tab: opening a model need not pay for a plan nobody looks at.
    this.stale = !this.widget.isVisible();
    if (this.stale) {
      this.canvas.setScene(undefined, '');
      return;
    }
    let scene = this.scenes.get(storey.key);
    if (!scene) {
      const started = performance.now();
      scene = buildPlanScene(this.schedule, storey, { colourBy: this.colourKey, colouring: this.currentColouring(), isAnnotated: this.isAnnotated });
      this.lastSceneMs = performance.now() - started;
      this.scenes.set(storey.key, scene);
    }
    this.canvas.setScene(scene.rooms.length ? scene : undefined, `No room on ${storey.label} has an outline to draw.`);
    this.canvas.setSelected(this.selectedSpace);
    if (this.selectedSpace !== undefined) this.canvas.centreOnRoom(this.selectedSpace);
  }
}
