// The plan of every storey of every real sample: each room with an outline is drawn once, on its
// own storey, as a <path> carrying its GlobalId and a <title> naming it; the count is the schedule's.
import * as fs from 'fs';
import * as path from 'path';
import { planStoreys } from '../../src/core/plan/plan-storeys';
import { storeyPlanSvg } from '../../src/export/plan-svg';
import { extracted } from '../ifc/support/extracted';
import { FIXTURES } from '../support/fixtures';

const SAMPLES = fs.readdirSync(path.join(FIXTURES, 'real')).filter((f) => /\.ifc(zip)?$/i.test(f)).sort();

interface DrawnRoom {
  globalId: string;
  title: string;
}

function drawnRooms(svg: string): DrawnRoom[] {
  return [...svg.matchAll(/<path class="room" data-global-id="([^"]+)"[^>]*><title>([^<]*)<\/title><\/path>/g)].map((m) => ({ globalId: m[1], title: m[2] }));
}

describe('plan SVG of the real samples', () => {
  test.each(SAMPLES)('%s: every room with an outline is drawn once, on its storey, with its GlobalId and title', async (file) => {
    const schedule = await extracted(file);
    const storeys = planStoreys(schedule);
    const drawnIds: string[] = [];
    for (const storey of storeys) {
      const svg = storeyPlanSvg(schedule, storey.key, { colourBy: 'category' });
      const rooms = drawnRooms(svg);
      const expected = storey.spaceIndexes.map((i) => schedule.spaces[i]).filter((s) => s.footprint && s.footprint.polygons.length > 0);
      expect(rooms.map((r) => r.globalId).sort()).toEqual(expected.map((s) => s.globalId).sort());
      expect(svg.match(/<path class="room"/g)?.length ?? 0).toBe(expected.length);
      for (const space of expected) {
        const title = rooms.find((r) => r.globalId === space.globalId)!.title;
        const name = (space.longName ?? '').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;');
        if (name) expect(title).toContain(name);
        if (space.name?.trim()) expect(title.startsWith(space.name.trim())).toBe(true);
      }
      drawnIds.push(...rooms.map((r) => r.globalId));
    }
    // Every room of the model, on one plan each (every real sample gives every room an outline).
    expect(drawnIds.sort()).toEqual(schedule.spaces.map((s) => s.globalId!).sort());
    expect(new Set(drawnIds).size).toBe(drawnIds.length);
  });

  test('a legend entry for each colour used, a north arrow and a scale bar', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const svg = storeyPlanSvg(schedule, 'EG', { colourBy: 'category' });
    const entries = [...svg.matchAll(/<g class="legend-entry" data-entry="[^"]+"><rect [^>]*fill="(#[0-9A-F]{6})"[^>]*\/><text[^>]*>([^<]*)<\/text>/g)].map((m) => [m[1], m[2]]);
    expect(entries.map(([, label]) => label)).toEqual(['Hauptnutzfläche (12)', 'Nebennutzfläche (1)']);
    const roomFills = new Set([...svg.matchAll(/<path class="room"[^>]* fill="(#[0-9A-F]{6})"/g)].map((m) => m[1]));
    expect([...roomFills].sort()).toEqual(entries.map(([fill]) => fill).sort());
    expect(svg).toContain('<g id="north"');
    expect(svg).toMatch(/<g id="scale-bar"[^]*>\d+ m<\/text>/);
  });
});
