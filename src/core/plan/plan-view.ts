// The mapping from the drawing frame (metres, Y up) to a screen or page (pixels, Y down): a uniform
// scale and an offset, so rooms keep their shape and labels placed for one scale hold at any pan.
import { Box } from './plan-geometry';

export interface PlanView {
  /** Pixels per metre. */
  scale: number;
  /** Screen position of the drawing frame's origin. */
  offsetX: number;
  offsetY: number;
}

/** Closest and farthest zoom: a 1 cm detail to a 50 km site, beyond which nothing useful is drawn. */
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 5000;

export function toScreen(v: PlanView, x: number, y: number): [number, number] {
  return [v.offsetX + x * v.scale, v.offsetY - y * v.scale];
}

export function toDrawing(v: PlanView, sx: number, sy: number): [number, number] {
  return [(sx - v.offsetX) / v.scale, (v.offsetY - sy) / v.scale];
}

/** The view that shows all of `box` centred in a width × height area, `margin` pixels clear on every side. */
export function fitView(box: Box, width: number, height: number, margin = 24): PlanView {
  const w = Math.max(1, box.maxX - box.minX);
  const h = Math.max(1, box.maxY - box.minY);
  const scale = clampScale(Math.min(Math.max(1, width - 2 * margin) / w, Math.max(1, height - 2 * margin) / h));
  return centreOn({ scale, offsetX: 0, offsetY: 0 }, (box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2, width, height);
}

export function centreOn(v: PlanView, x: number, y: number, width: number, height: number): PlanView {
  return { scale: v.scale, offsetX: width / 2 - x * v.scale, offsetY: height / 2 + y * v.scale };
}

/** Zooms by `factor`, keeping the drawing point under (sx, sy) where it is. */
export function zoomAt(v: PlanView, factor: number, sx: number, sy: number): PlanView {
  const scale = clampScale(v.scale * factor);
  const [x, y] = toDrawing(v, sx, sy);
  return { scale, offsetX: sx - x * scale, offsetY: sy + y * scale };
}

export function panBy(v: PlanView, dx: number, dy: number): PlanView {
  return { scale: v.scale, offsetX: v.offsetX + dx, offsetY: v.offsetY + dy };
}

function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

/** A scale bar of a round length (1, 2 or 5 × 10ⁿ m) at most `maxPx` long. */
export function scaleBar(scale: number, maxPx: number): { metres: number; px: number; label: string } {
  const limit = maxPx / scale;
  let metres = 10 ** Math.floor(Math.log10(limit));
  for (const f of [5, 2]) if (metres * f <= limit) {
    metres *= f;
    break;
  }
  const label = metres >= 1000 ? `${metres / 1000} km` : metres >= 1 ? `${metres} m` : `${Math.round(metres * 100)} cm`;
  return { metres, px: metres * scale, label };
}
