// The plan's drawing surface: a QWidget painted in its paint event. Rooms and labels are painted
// once into an image for the current scale and size and reused while nothing but the selection,
// the hover or (during a drag) the offset changes; the overlay is painted over it every time.
// Mouse: click selects, drag pans, wheel zooms about the pointer; keys: F fits, + and − zoom.
import { Disposable, Emitter, Event } from '../../core/lifecycle';
import { roomAt } from '../../core/plan/hit-test';
import { LabelLayout, placeLabels } from '../../core/plan/plan-labels';
import { BACKGROUND } from '../../core/plan/palette';
import { PlanRoom, PlanScene } from '../../core/plan/plan-scene';
import { centreOn, fitView, panBy, PlanView, toDrawing, toScreen, zoomAt } from '../../core/plan/plan-view';
import { CursorShape, FocusPolicy, QColor, QImage, QImageFormat, QKeyEvent, QMouseEvent, QPainter, QWheelEvent, QWidget, WidgetEventTypes } from '../qt';
import { listen } from '../widgets/qt-lifecycle';
import { HOVER, legendWidth, paintHoverBox, paintLegend, paintNorthAndScale, paintOutline, paintRoomsAndLabels, PaintResources, SELECTION } from './plan-painter';

interface CachedLayer {
  image: QImage;
  view: PlanView;
  width: number;
  height: number;
}

const ZOOM_STEP = 1.25;
/** Pointer travel (px) before a press becomes a drag rather than a click. */
const DRAG_SLOP = 4;

export class PlanCanvas extends Disposable {
  readonly widget = new QWidget();
  private scene: PlanScene | undefined;
  private resources: PaintResources | undefined;
  private view: PlanView | undefined;
  /** The user zoomed or panned: a resize keeps their view instead of fitting again. */
  private viewChangedByUser = false;
  private layout: { scale: number; labels: LabelLayout } | undefined;
  private layer: CachedLayer | undefined;
  private selected: number | undefined;
  private hovered: { room: PlanRoom; x: number; y: number } | undefined;
  private press: { x: number; y: number; view: PlanView; dragging: boolean } | undefined;
  private emptyText = 'Open a model to see its plan.';
  /** Milliseconds the last repaint of the cached layer took (rooms and labels), by the clock and in CPU time. */
  lastLayerMs = 0;
  lastLayerCpuMs = 0;
  /** Milliseconds the last whole paint event took. */
  lastPaintMs = 0;
  private readonly clicked = this.register(new Emitter<number>('PlanCanvas.clicked'));
  /** The user clicked a room (its index into schedule.spaces). */
  readonly onDidClickRoom: Event<number> = this.clicked.event;

  constructor() {
    super('PlanCanvas');
    this.widget.setObjectName('planCanvas');
    this.widget.setMouseTracking(true);
    this.widget.setFocusPolicy(FocusPolicy.StrongFocus);
    this.widget.setMinimumSize(240, 200);
    const w = this.widget;
    this.register(listen(w, WidgetEventTypes.Paint, () => this.paint(), 'planCanvas.paint'));
    this.register(listen(w, WidgetEventTypes.Resize, () => this.resized(), 'planCanvas.resize'));
    this.register(listen(w, WidgetEventTypes.MouseButtonPress, (e) => this.pressed(new QMouseEvent(e as never)), 'planCanvas.press'));
    this.register(listen(w, WidgetEventTypes.MouseMove, (e) => this.moved(new QMouseEvent(e as never)), 'planCanvas.move'));
    this.register(listen(w, WidgetEventTypes.MouseButtonRelease, (e) => this.released(new QMouseEvent(e as never)), 'planCanvas.release'));
    this.register(listen(w, WidgetEventTypes.Wheel, (e) => this.wheel(new QWheelEvent(e as never)), 'planCanvas.wheel'));
    this.register(listen(w, WidgetEventTypes.KeyPress, (e) => this.key(new QKeyEvent(e as never)), 'planCanvas.key'));
    this.register(listen(w, WidgetEventTypes.Leave, () => this.setHovered(undefined), 'planCanvas.leave'));
  }

  /** Shows a scene (or a message when there is none), fitted to the widget. */
  setScene(scene: PlanScene | undefined, emptyText?: string): void {
    this.scene = scene;
    this.resources = scene ? new PaintResources(scene) : undefined;
    this.layout = undefined;
    this.layer = undefined;
    this.hovered = undefined;
    this.viewChangedByUser = false;
    this.view = scene ? this.fittedView(scene) : undefined;
    if (emptyText) this.emptyText = emptyText;
    this.widget.update();
  }

  get currentScene(): PlanScene | undefined {
    return this.scene;
  }

  get currentView(): PlanView | undefined {
    return this.view;
  }

  /** Outlines a room (or none) without redrawing the rooms. */
  setSelected(spaceIndex: number | undefined): void {
    if (spaceIndex === this.selected) return;
    this.selected = spaceIndex;
    this.widget.update();
  }

  /** Centres the view on a room; zooms out first when it would not fit in the window. */
  centreOnRoom(spaceIndex: number): void {
    const room = this.scene?.rooms.find((r) => r.spaceIndex === spaceIndex);
    if (!room || !this.view) return;
    const [w, h] = this.size();
    let view = this.view;
    // Already in full view: the plan stays still (a jump for nothing loses the user's place).
    const [x0, y1] = toScreen(view, room.box.minX, room.box.minY);
    const [x1, y0] = toScreen(view, room.box.maxX, room.box.maxY);
    if (x0 >= 8 && y0 >= 8 && x1 <= w - 8 && y1 <= h - 8) return;
    const fits = Math.min(w / (room.box.maxX - room.box.minX || 1), h / (room.box.maxY - room.box.minY || 1)) * 0.8;
    if (view.scale > fits) view = { ...view, scale: fits };
    this.setView(centreOn(view, room.labelAt[0], room.labelAt[1], w, h), this.viewChangedByUser);
  }

  fit(): void {
    if (!this.scene) return;
    this.setView(this.fittedView(this.scene), false);
  }

  zoom(factor: number, at?: [number, number]): void {
    if (!this.view) return;
    const [w, h] = this.size();
    const [x, y] = at ?? [w / 2, h / 2];
    this.setView(zoomAt(this.view, factor, x, y), true);
  }

  /** The room under a widget position. */
  roomAtPixel(x: number, y: number): PlanRoom | undefined {
    if (!this.scene || !this.view) return undefined;
    const [dx, dy] = toDrawing(this.view, x, y);
    return roomAt(this.scene, dx, dy);
  }

  /** The labels for the current scale: placed again only when the scale changes. */
  currentLabels(): LabelLayout | undefined {
    if (!this.scene || !this.view) return undefined;
    if (!this.layout || this.layout.scale !== this.view.scale) this.layout = { scale: this.view.scale, labels: placeLabels(this.scene.rooms, this.view.scale) };
    return this.layout.labels;
  }

  private size(): [number, number] {
    const s = this.widget.size();
    return [Math.max(1, s.width()), Math.max(1, s.height())];
  }

  /** The whole storey, clear of the legend (right) and the north arrow and scale bar (bottom left). */
  private fittedView(scene: PlanScene): PlanView {
    const [w, h] = this.size();
    const beside = w - legendWidth(scene) - 20;
    // On a narrow pane the legend would take more than the rooms: let it cover a corner instead.
    return fitView(scene.box, beside > w * 0.55 ? beside : w, h - 56, 24);
  }

  private setView(view: PlanView, byUser: boolean): void {
    this.view = view;
    this.viewChangedByUser = byUser;
    this.widget.update();
  }

  private resized(): void {
    this.layer = undefined;
    if (this.scene && !this.viewChangedByUser) this.view = this.fittedView(this.scene);
    this.widget.update();
  }

  /** Paints rooms and labels into the cached image for the current view and size. */
  private paintLayer(width: number, height: number): CachedLayer {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const image = new QImage(width, height, QImageFormat.ARGB32_Premultiplied);
    const p = new QPainter(image);
    try {
      paintRoomsAndLabels(p, this.resources!, this.view!, this.currentLabels()!, width, height);
    } finally {
      p.end();
    }
    this.lastLayerMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    this.lastLayerCpuMs = (used.user + used.system) / 1000;
    return { image, view: this.view!, width, height };
  }

  private paint(): void {
    const started = performance.now();
    const [width, height] = this.size();
    const p = new QPainter(this.widget);
    try {
      if (!this.scene || !this.view || !this.resources) {
        p.fillRect(0, 0, width, height, new QColor(BACKGROUND));
        p.drawText(16, 28, this.emptyText);
        return;
      }
      const layer = this.layer;
      const reusable = layer && layer.width === width && layer.height === height && layer.view.scale === this.view.scale && (this.press?.dragging || (layer.view.offsetX === this.view.offsetX && layer.view.offsetY === this.view.offsetY));
      if (reusable) {
        const dx = Math.round(this.view.offsetX - layer.view.offsetX);
        const dy = Math.round(this.view.offsetY - layer.view.offsetY);
        if (dx || dy) p.eraseRect(0, 0, width, height);
        p.drawImage(dx, dy, layer.image);
      } else {
        this.layer = this.paintLayer(width, height);
        p.drawImage(0, 0, this.layer.image);
      }
      const res = this.resources;
      const selected = this.scene.rooms.find((r) => r.spaceIndex === this.selected);
      if (selected) paintOutline(p, res, selected, this.view, SELECTION, 3);
      if (this.hovered && this.hovered.room !== selected) paintOutline(p, res, this.hovered.room, this.view, HOVER, 2);
      const labels = this.currentLabels()!;
      const notes = [
        labels.dropped ? `${labels.dropped} room${labels.dropped === 1 ? '' : 's'} too small to label: zoom in` : '',
        this.scene.missing.length ? `${this.scene.missing.length} room${this.scene.missing.length === 1 ? '' : 's'} without an outline` : '',
      ].filter((t) => t);
      paintLegend(p, res, width, notes);
      paintNorthAndScale(p, res, this.view, height);
      if (this.hovered && !this.press?.dragging) paintHoverBox(p, res, this.hovered.room, this.hovered.x, this.hovered.y, width, height);
    } finally {
      p.end();
      this.lastPaintMs = performance.now() - started;
    }
  }

  private pressed(e: QMouseEvent): void {
    if (!this.view) return;
    this.widget.setFocus();
    this.press = { x: e.x(), y: e.y(), view: this.view, dragging: false };
  }

  private moved(e: QMouseEvent): void {
    const press = this.press;
    if (press && e.buttons() !== 0) {
      const [dx, dy] = [e.x() - press.x, e.y() - press.y];
      if (!press.dragging && Math.hypot(dx, dy) < DRAG_SLOP) return;
      if (!press.dragging) this.widget.setCursor(CursorShape.ClosedHandCursor);
      press.dragging = true;
      this.view = panBy(press.view, dx, dy);
      this.viewChangedByUser = true;
      this.widget.update();
      return;
    }
    const room = this.roomAtPixel(e.x(), e.y());
    this.setHovered(room ? { room, x: e.x(), y: e.y() } : undefined);
  }

  private released(e: QMouseEvent): void {
    const press = this.press;
    this.press = undefined;
    if (!press) return;
    if (press.dragging) {
      this.widget.unsetCursor();
      // The drag showed the cached image shifted; the next paint draws what it uncovered.
      this.layer = undefined;
      this.widget.update();
      return;
    }
    this.clickAt(e.x(), e.y());
  }

  /** A click (no drag) at a widget position, as the mouse gives it: the room there is reported. */
  clickAt(x: number, y: number): void {
    const room = this.roomAtPixel(x, y);
    if (room) this.clicked.fire(room.spaceIndex);
  }

  private wheel(e: QWheelEvent): void {
    const steps = e.angleDelta().y / 120;
    if (!steps) return;
    const at = e.position();
    this.zoom(ZOOM_STEP ** steps, [at.x, at.y]);
    e.accept();
  }

  private key(e: QKeyEvent): void {
    const text = e.text();
    if (text === 'f' || text === 'F') this.fit();
    else if (text === '+' || text === '=') this.zoom(ZOOM_STEP);
    else if (text === '-' || text === '_') this.zoom(1 / ZOOM_STEP);
  }

  private setHovered(h: { room: PlanRoom; x: number; y: number } | undefined): void {
    if (!h && !this.hovered) return;
    if (h && this.hovered && h.room === this.hovered.room && Math.abs(h.x - this.hovered.x) < 2 && Math.abs(h.y - this.hovered.y) < 2) return;
    this.hovered = h;
    this.widget.update();
  }
}
