// The plan scene painted with QPainter: the rooms and their labels (the cached layer, redrawn only
// when the scene, the scale or the size changes) and the overlay drawn over it on every paint
// (selection, hover, legend, north arrow, scale bar). Room outlines are QPainterPaths in the drawing
// frame, built once per scene; the painter's transform maps them, so a zoom costs one drawPath per room.
import { LabelLayout } from '../../core/plan/plan-labels';
import { BACKGROUND, HOVER, INK, OUTLINE, SELECTION } from '../../core/plan/palette';
import { PlanRoom, PlanScene } from '../../core/plan/plan-scene';
import { PlanView, scaleBar, toScreen } from '../../core/plan/plan-view';
import { dejaVuWidth, PLAN_FONT_FAMILY } from '../../core/plan/text-metrics';
import { BrushStyle, QBrush, QColor, QFont, QFontWeight, QPainter, QPainterPath, QPen, RenderHint } from '../qt';

/** Native objects a scene's painting reuses: one path per room, one brush per colour, one font per size. */
export class PaintResources {
  readonly paths: QPainterPath[];
  private readonly brushes = new Map<string, QBrush>();
  private readonly fonts = new Map<string, QFont>();
  private readonly pens = new Map<string, QPen>();

  constructor(readonly scene: PlanScene) {
    this.paths = scene.rooms.map((room) => {
      const path = new QPainterPath();
      for (const p of room.polygons) {
        for (const ring of [p.outer, ...p.holes]) {
          path.moveTo(ring[0][0], ring[0][1]);
          for (let i = 1; i < ring.length; i++) path.lineTo(ring[i][0], ring[i][1]);
          path.closeSubpath();
        }
      }
      return path;
    });
  }

  brush(colour: string): QBrush {
    let b = this.brushes.get(colour);
    if (!b) this.brushes.set(colour, (b = new QBrush(new QColor(colour), BrushStyle.SolidPattern)));
    return b;
  }

  noBrush(): QBrush {
    let b = this.brushes.get('none');
    if (!b) this.brushes.set('none', (b = new QBrush(new QColor(0, 0, 0, 0), BrushStyle.NoBrush)));
    return b;
  }

  font(px: number, bold: boolean): QFont {
    const key = `${px}${bold ? 'b' : ''}`;
    let f = this.fonts.get(key);
    if (!f) {
      f = new QFont(PLAN_FONT_FAMILY);
      f.setPixelSize(px);
      if (bold) f.setWeight(QFontWeight.Bold);
      this.fonts.set(key, f);
    }
    return f;
  }

  /** A pen `width` px wide; width 0 is Qt's cosmetic pen: one pixel whatever the transform. */
  pen(colour: string, width: number): QPen {
    const key = `${colour}/${width}`;
    let p = this.pens.get(key);
    if (!p) {
      p = new QPen();
      p.setColor(new QColor(colour));
      p.setWidth(width);
      this.pens.set(key, p);
    }
    return p;
  }
}

const IDENTITY = [1, 0, 0, 1, 0, 0];

/** Rooms and labels, the layer the canvas caches. */
export function paintRoomsAndLabels(p: QPainter, res: PaintResources, view: PlanView, layout: LabelLayout, width: number, height: number): void {
  p.fillRect(0, 0, width, height, new QColor(BACKGROUND));
  p.setRenderHint(RenderHint.Antialiasing, true);
  p.setTransform([view.scale, 0, 0, -view.scale, view.offsetX, view.offsetY]);
  p.setPen(res.pen(OUTLINE, 0));
  const rooms = res.scene.rooms;
  for (let i = 0; i < rooms.length; i++) {
    if (!visible(rooms[i], view, width, height)) continue;
    p.setBrush(res.brush(rooms[i].fill));
    p.drawPath(res.paths[i]);
  }
  p.setTransform(IDENTITY);
  p.setPen(res.pen(INK, 1));
  // Grouped by font: a setFont per label line would double the calls into Qt.
  const byFont = new Map<string, { px: number; bold: boolean; items: [number, number, string][] }>();
  for (const l of layout.labels) {
    const [cx, cy] = toScreen(view, l.x, l.y);
    if (cx < -200 || cy < -100 || cx > width + 200 || cy > height + 100) continue;
    const top = cy - (l.lines.length * l.lineHeightPx) / 2;
    l.lines.forEach((line, i) => {
      const key = `${l.fontPx}${line.bold ? 'b' : ''}`;
      let g = byFont.get(key);
      if (!g) byFont.set(key, (g = { px: l.fontPx, bold: line.bold, items: [] }));
      g.items.push([Math.round(cx - dejaVuWidth(line.text, l.fontPx, line.bold) / 2), Math.round(top + (i + 0.78) * l.lineHeightPx), line.text]);
    });
  }
  for (const g of byFont.values()) {
    p.setFont(res.font(g.px, g.bold));
    for (const [x, y, text] of g.items) p.drawText(x, y, text);
  }
}

function visible(room: PlanRoom, view: PlanView, width: number, height: number): boolean {
  const [x0, y1] = toScreen(view, room.box.minX, room.box.minY);
  const [x1, y0] = toScreen(view, room.box.maxX, room.box.maxY);
  return x1 >= 0 && y1 >= 0 && x0 <= width && y0 <= height;
}

function screenPath(room: PlanRoom, view: PlanView): QPainterPath {
  const path = new QPainterPath();
  for (const poly of room.polygons) {
    for (const ring of [poly.outer, ...poly.holes]) {
      ring.forEach(([x, y], i) => {
        const [sx, sy] = toScreen(view, x, y);
        if (i === 0) path.moveTo(sx, sy);
        else path.lineTo(sx, sy);
      });
      path.closeSubpath();
    }
  }
  return path;
}

export function paintOutline(p: QPainter, res: PaintResources, room: PlanRoom, view: PlanView, colour: string, width: number): void {
  p.setRenderHint(RenderHint.Antialiasing, true);
  p.setBrush(res.noBrush());
  p.setPen(res.pen(colour, width));
  p.drawPath(screenPath(room, view));
}

export { HOVER, SELECTION };

function box(p: QPainter, res: PaintResources, x: number, y: number, w: number, h: number): void {
  p.setPen(res.pen('#999999', 1));
  p.setBrush(res.brush('#F8FFFFFF'));
  p.drawRect(x, y, w, h);
}

/** How wide the legend box is (the fit keeps the rooms clear of it). */
export function legendWidth(scene: PlanScene, notes: readonly string[] = []): number {
  const lines = scene.legend.map((e) => `${e.label} (${e.count})`);
  const textWidth = Math.max(dejaVuWidth(scene.legendTitle, 12, true), ...lines.map((l) => dejaVuWidth(l, 11) + 24), ...notes.map((n) => dejaVuWidth(n, 10)));
  return Math.min(320, Math.ceil(textWidth) + 16);
}

/** The legend in the top-right corner: the scheme's title, one swatch per colour used, what is hidden. */
export function paintLegend(p: QPainter, res: PaintResources, width: number, notes: string[]): void {
  const scene = res.scene;
  const lines = scene.legend.map((e) => `${e.label} (${e.count})`);
  const w = legendWidth(scene, notes);
  const h = 26 + lines.length * 18 + notes.length * 15 + (notes.length ? 4 : 0);
  const x = width - w - 10;
  const y = 10;
  box(p, res, x, y, w, h);
  p.setPen(res.pen(INK, 1));
  p.setFont(res.font(12, true));
  p.drawText(x + 8, y + 17, scene.legendTitle);
  p.setFont(res.font(11, false));
  scene.legend.forEach((e, i) => {
    const ty = y + 26 + i * 18;
    p.setPen(res.pen(OUTLINE, 1));
    p.setBrush(res.brush(e.fill));
    p.drawRect(x + 8, ty, 16, 12);
    p.setPen(res.pen(INK, 1));
    p.drawText(x + 30, ty + 11, lines[i]);
  });
  p.setFont(res.font(10, false));
  p.setPen(res.pen('#555555', 1));
  notes.forEach((n, i) => p.drawText(x + 8, y + 26 + lines.length * 18 + 12 + i * 15, n));
}

/** North arrow and scale bar in the bottom-left corner. */
export function paintNorthAndScale(p: QPainter, res: PaintResources, view: PlanView, height: number): void {
  const cx = 32;
  const cy = height - 34;
  box(p, res, 8, height - 64, 210, 56);
  p.setRenderHint(RenderHint.Antialiasing, true);
  const r = (res.scene.northDeg * Math.PI) / 180;
  const rot = (x: number, y: number): [number, number] => [cx + x * Math.cos(r) - y * Math.sin(r), cy + x * Math.sin(r) + y * Math.cos(r)];
  const arrow = new QPainterPath();
  const pts: [number, number][] = [rot(0, -18), rot(7, 8), rot(0, 3), rot(-7, 8)];
  arrow.moveTo(...pts[0]);
  for (const q of pts.slice(1)) arrow.lineTo(...q);
  arrow.closeSubpath();
  p.setPen(res.pen(INK, 1));
  p.setBrush(res.brush(INK));
  p.drawPath(arrow);
  p.setFont(res.font(11, true));
  const [nx, ny] = rot(0, -24);
  p.drawText(Math.round(nx - 4), Math.round(ny + 4), 'N');
  const bar = scaleBar(view.scale, 130);
  const bx = 62;
  const by = height - 40;
  p.setBrush(res.brush(INK));
  p.drawRect(bx, by, Math.round(bar.px / 2), 6);
  p.setBrush(res.brush('#FFFFFF'));
  p.drawRect(bx + Math.round(bar.px / 2), by, Math.round(bar.px / 2), 6);
  p.setFont(res.font(10, false));
  p.drawText(bx, by + 20, '0');
  p.drawText(Math.round(bx + bar.px - dejaVuWidth(bar.label, 10) / 2), by + 20, bar.label);
}

/** The hover box: number, name and area of the room under the pointer. */
export function paintHoverBox(p: QPainter, res: PaintResources, room: PlanRoom, x: number, y: number, width: number, height: number): void {
  const lines = [room.number, room.name, room.area === null ? 'Net floor area unknown' : `Net floor area ${room.area.toFixed(2)} m²`].filter((t) => t);
  const w = Math.ceil(Math.max(...lines.map((l, i) => dejaVuWidth(l, 12, i === 0 && !!room.number)))) + 16;
  const h = lines.length * 16 + 10;
  const bx = Math.min(x + 16, width - w - 4);
  const by = Math.min(y + 18, height - h - 4);
  box(p, res, bx, by, w, h);
  p.setPen(res.pen(INK, 1));
  lines.forEach((l, i) => {
    p.setFont(res.font(12, i === 0 && !!room.number));
    p.drawText(bx + 8, by + 17 + i * 16, l);
  });
}
