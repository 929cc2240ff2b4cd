// A storey's plan as an SVG document: the rooms (each a <path> with data-global-id and a <title>,
// so a browser shows the room on hover and a script can find it), their labels, the legend, a north
// arrow and a scale bar. Drawn from the same scene the window paints; the PNG export and the PDF's
// plan pages render this document.
import { PlanPolygon, RoomSchedule } from '../core/schedule/model';
import { ColourKey } from '../core/plan/colour-schemes';
import { placeLabels } from '../core/plan/plan-labels';
import { BACKGROUND, INK, OUTLINE, SELECTION } from '../core/plan/palette';
import { buildPlanScene, PlanOrientation, PlanScene, SceneOptions } from '../core/plan/plan-scene';
import { findStorey, planStoreys } from '../core/plan/plan-storeys';
import { fitView, PlanView, scaleBar, toScreen } from '../core/plan/plan-view';
import { dejaVuWidth, PLAN_FONT_FAMILY } from '../core/plan/text-metrics';

export interface PlanSvgOptions {
  colourBy?: ColourKey;
  orientation?: PlanOrientation;
  /** Page size in pixels (CSS px; 1 px = 1/96 in). Default 1400 wide, height from the plan's shape. */
  width?: number;
  height?: number;
  /** Which rooms have notes; the schedule's annotations otherwise. */
  isAnnotated?: SceneOptions['isAnnotated'];
  colouring?: SceneOptions['colouring'];
  /** A room to outline as selected (index into schedule.spaces). */
  selectedSpaceIndex?: number;
}

const LEGEND_WIDTH = 280;
const HEADER = 44;
const FOOTER = 16;
const MARGIN = 16;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

function pathData(polygons: readonly PlanPolygon[], view: PlanView): string {
  const ring = (r: readonly [number, number][]) => r.map(([x, y], i) => `${i ? 'L' : 'M'}${toScreen(view, x, y).map(n).join(' ')}`).join('') + 'Z';
  return polygons.map((p) => [p.outer, ...p.holes].map(ring).join('')).join('');
}

function northArrow(cx: number, cy: number, deg: number): string {
  return [
    `<g id="north" transform="translate(${n(cx)} ${n(cy)}) rotate(${n(deg)})">`,
    `<title>True north (${Math.round(deg)}° clockwise from up)</title>`,
    '<circle r="20" fill="#FFFFFF" stroke="#555555" stroke-width="1"/>',
    `<path d="M0 -17 L7 8 L0 3 L-7 8 Z" fill="${INK}"/>`,
    `<text y="-24" text-anchor="middle" font-size="12" font-weight="bold" fill="${INK}" transform="rotate(${n(-deg)} 0 -28)">N</text>`,
    '</g>',
  ].join('');
}

function scaleBarSvg(x: number, y: number, scale: number): string {
  const bar = scaleBar(scale, LEGEND_WIDTH - 90);
  const half = bar.px / 2;
  return [
    `<g id="scale-bar" transform="translate(${n(x)} ${n(y)})">`,
    `<rect width="${n(half)}" height="6" fill="${INK}"/><rect x="${n(half)}" width="${n(half)}" height="6" fill="#FFFFFF" stroke="${INK}" stroke-width="1"/>`,
    `<text x="0" y="20" font-size="11" fill="${INK}">0</text><text x="${n(bar.px)}" y="20" font-size="11" text-anchor="middle" fill="${INK}">${esc(bar.label)}</text>`,
    '</g>',
  ].join('');
}

/** Cuts `text` with "…" to fit `maxPx` at `fontPx`. */
function fitText(text: string, fontPx: number, maxPx: number): string {
  if (dejaVuWidth(text, fontPx) <= maxPx) return text;
  let k = text.length;
  while (k > 1 && dejaVuWidth(`${text.slice(0, k)}…`, fontPx) > maxPx) k--;
  return `${text.slice(0, k).trimEnd()}…`;
}

/** The side column: legend, north arrow and scale bar, then what the plan leaves out. Never over a room. */
function legendSvg(scene: PlanScene, x: number, y: number, scale: number, dropped: number, shortened: number): string {
  const out = [`<g id="legend" transform="translate(${n(x)} ${n(y)})">`, `<text font-size="13" font-weight="bold" fill="${INK}">${esc(scene.legendTitle)}</text>`];
  let at = 14;
  for (const e of scene.legend) {
    out.push(`<g class="legend-entry" data-entry="${esc(e.id)}"><rect x="0" y="${at}" width="18" height="14" fill="${e.fill}" stroke="${OUTLINE}" stroke-width="1"/>`);
    out.push(`<text x="26" y="${at + 11}" font-size="12" fill="${INK}">${esc(fitText(`${e.label} (${e.count})`, 12, LEGEND_WIDTH - 40))}</text></g>`);
    at += 20;
  }
  at += 16;
  out.push(northArrow(20, at + 28, scene.northDeg));
  out.push(scaleBarSvg(56, at + 24, scale));
  at += 60;
  const notes = [
    dropped ? `${dropped} room${dropped === 1 ? '' : 's'} too small to label` : '',
    shortened ? `${shortened} label${shortened === 1 ? '' : 's'} shortened` : '',
    scene.missing.length ? `${scene.missing.length} room${scene.missing.length === 1 ? '' : 's'} without an outline: ${scene.missing.map((m) => m.number || m.name).join(', ')}` : '',
  ].filter((t) => t);
  at += 8;
  for (const t of notes) {
    out.push(`<text y="${at + 11}" font-size="11" fill="#555555">${esc(fitText(t, 11, LEGEND_WIDTH - 16))}</text>`);
    at += 16;
  }
  out.push('</g>');
  return out.join('');
}

/** The SVG of one scene at a page size. */
export function sceneSvg(scene: PlanScene, options: Pick<PlanSvgOptions, 'width' | 'height' | 'selectedSpaceIndex'> = {}): string {
  const width = Math.round(options.width ?? 1400);
  const planWidth = width - LEGEND_WIDTH - 2 * MARGIN;
  const bw = Math.max(1, scene.box.maxX - scene.box.minX);
  const bh = Math.max(1, scene.box.maxY - scene.box.minY);
  const height = Math.round(options.height ?? Math.min(2400, Math.max(560, (planWidth * bh) / bw + HEADER + FOOTER + 2 * MARGIN)));
  const planHeight = height - HEADER - FOOTER;
  const view = fitView(scene.box, planWidth, planHeight, 28);
  const placed: PlanView = { ...view, offsetX: view.offsetX + MARGIN, offsetY: view.offsetY + HEADER };
  const layout = placeLabels(scene.rooms, placed.scale);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${PLAN_FONT_FAMILY}, Verdana, sans-serif">`);
  out.push(`<title>${esc(`${scene.modelName} — ${scene.storey.label}`)}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`);
  const roomsText = `${scene.rooms.length} room${scene.rooms.length === 1 ? '' : 's'}`;
  out.push(`<text x="${MARGIN}" y="28" font-size="18" font-weight="bold" fill="${INK}">${esc(fitText(`${scene.storey.label} — ${roomsText}`, 18, width - 2 * MARGIN - 300))}</text>`);
  out.push(`<text x="${width - MARGIN}" y="28" font-size="12" text-anchor="end" fill="#555555">${esc(fitText(scene.modelName, 12, 290))}</text>`);
  out.push(`<g id="rooms" stroke="${OUTLINE}" stroke-width="1" stroke-linejoin="round" fill-rule="evenodd">`);
  for (const room of scene.rooms) {
    const id = room.globalId ? `data-global-id="${esc(room.globalId)}"` : `data-express-id="${room.spaceIndex}"`;
    out.push(`<path class="room" ${id} data-number="${esc(room.number)}" fill="${room.fill}" d="${pathData(room.polygons, placed)}"><title>${esc(room.title)}</title></path>`);
  }
  out.push('</g>');
  const selected = scene.rooms.find((r) => r.spaceIndex === options.selectedSpaceIndex);
  if (selected) out.push(`<path id="selection" d="${pathData(selected.polygons, placed)}" fill="none" stroke="${SELECTION}" stroke-width="3" fill-rule="evenodd"/>`);
  out.push(`<g id="labels" fill="${INK}" text-anchor="middle" pointer-events="none">`);
  for (const l of layout.labels) {
    const [cx, cy] = toScreen(placed, l.x, l.y);
    const top = cy - (l.lines.length * l.lineHeightPx) / 2;
    const lines = l.lines.map((line, i) => `<tspan x="${n(cx)}" y="${n(top + (i + 0.78) * l.lineHeightPx)}"${line.bold ? ' font-weight="bold"' : ''}>${esc(line.text)}</tspan>`).join('');
    out.push(`<text font-size="${l.fontPx}">${lines}</text>`);
  }
  out.push('</g>');
  out.push(legendSvg(scene, width - LEGEND_WIDTH, HEADER + 16, placed.scale, layout.dropped, layout.shortened));
  out.push('</svg>');
  return out.join('\n');
}

/**
 * The plan of one storey (its key, as planStoreys gives it, or its name) as an SVG document: what
 * `ifc-room-schedule plan` writes and the PDF schedule puts on a page per storey.
 */
export function storeyPlanSvg(schedule: RoomSchedule, storeyKey: string, options: PlanSvgOptions = {}): string {
  const storey = findStorey(planStoreys(schedule), storeyKey);
  const scene = buildPlanScene(schedule, storey, { colourBy: options.colourBy ?? 'category', orientation: options.orientation, isAnnotated: options.isAnnotated, colouring: options.colouring });
  return sceneSvg(scene, options);
}
