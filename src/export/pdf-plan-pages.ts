// The PDF's plan pages: one per storey that has exported rooms with an outline, drawn by the plan
// export (storeyPlanSvg, the same picture as File → Export plan) and rendered to PNG at twice its
// pixel size, so lines stay sharp when printed on A4.
import { planStoreys } from '../core/plan/plan-storeys';
import { ExportControl } from './export-options';
import { ExportSelection } from './export-selection';
import { svgToPngAsync } from './plan-png';
import { storeyPlanSvg } from './plan-svg';

export interface PlanPage {
  title: string;
  png: Buffer;
}

/** Pixels of the plan drawing: the A4 landscape page's printable area at 96 px/in, about. */
const PLAN_SIZE = { width: 1400, height: 940 };

export async function pdfPlanPages(selection: ExportSelection, control: ExportControl): Promise<PlanPage[]> {
  const { schedule } = selection;
  const exported = new Set(selection.spaces);
  const pages: PlanPage[] = [];
  for (const storey of planStoreys(schedule)) {
    const rooms = storey.spaceIndexes.map((i) => schedule.spaces[i]);
    if (!rooms.some((s) => exported.has(s) && s.footprint !== null)) continue;
    control.throwIfCancelled();
    const svg = storeyPlanSvg(schedule, storey.key, { ...PLAN_SIZE, isAnnotated: (s) => selection.spaceNote(s) !== null });
    pages.push({ title: storey.label, png: await svgToPngAsync(svg, 2) });
    await control.yieldToMessages();
  }
  return pages;
}
