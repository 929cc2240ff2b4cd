// What the plan draws for a storey: every room with an outline, in the right storey, coloured by the
// chosen key with a legend, labels that never overlap, and a turned building squared up.
import { colourRooms } from '../../../src/core/plan/colour-schemes';
import { placeLabels } from '../../../src/core/plan/plan-labels';
import { buildPlanScene, planRotation } from '../../../src/core/plan/plan-scene';
import { findStorey, planStoreys } from '../../../src/core/plan/plan-storeys';
import { FIRST, GROUND, rect, room, schedule } from './plan-fixtures';
import { PlanPoint } from '../../../src/core/schedule/model';

const withCategory = (category: string) => ({ propertySets: [{ name: 'Pset_SpaceCommon', globalId: null, type: 'IfcPropertySet', properties: [{ name: 'Category', value: category }] }] });

describe('plan scene', () => {
  test('rooms are split by storey; a room without an outline is listed as missing, not drawn', () => {
    const s = schedule([
      room(1, '0.01', 'Entrance', [{ outer: rect(0, 0, 5, 5), holes: [] }]),
      room(2, '1.01', 'Office', [{ outer: rect(0, 0, 5, 5), holes: [] }], FIRST),
      room(3, '0.02', 'Shaft', null),
    ]);
    const storeys = planStoreys(s);
    expect(storeys.map((x) => x.label)).toEqual(['Ground floor', 'First floor']);
    const ground = buildPlanScene(s, storeys[0], { colourBy: 'category' });
    expect(ground.rooms.map((r) => r.number)).toEqual(['0.01']);
    expect(ground.missing.map((r) => r.number)).toEqual(['0.02']);
    expect(findStorey(storeys, ' first FLOOR ').key).toBe('storey-first');
    expect(() => findStorey(storeys, 'Roof')).toThrow(/No storey “Roof”. The storeys with rooms are: “Ground floor”, “First floor”/);
  });

  test('two storeys with the same name are told apart, and asking for the name says which to choose', () => {
    const s = schedule([room(1, 'A', 'a', [{ outer: rect(0, 0, 1, 1), holes: [] }]), room(2, 'B', 'b', [{ outer: rect(0, 0, 1, 1), holes: [] }], { ...GROUND, expressId: 99, globalId: 'other-ground' })]);
    const storeys = planStoreys(s);
    expect(storeys.map((x) => x.label)).toEqual(['Ground floor (1 of 2)', 'Ground floor (2 of 2)']);
    expect(() => findStorey(storeys, 'Ground floor')).toThrow(/2 storeys are named “Ground floor”/);
    expect(findStorey(storeys, 'Ground floor (2 of 2)').key).toBe('other-ground');
  });

  test('colours by category: the same category has the same colour, nine and more share "Other", the legend counts this storey', () => {
    const spaces = Array.from({ length: 11 }, (_, i) => room(i + 1, `R${i + 1}`, 'Room', [{ outer: rect(i * 5, 0, i * 5 + 4, 4), holes: [] }], GROUND, withCategory(i < 2 ? 'Office' : `Use ${i}`)));
    spaces.push(room(20, 'X', 'Nothing', [{ outer: rect(0, 10, 4, 14), holes: [] }]));
    const s = schedule(spaces);
    const scene = buildPlanScene(s, planStoreys(s)[0], { colourBy: 'category' });
    const fillOf = (n: string) => scene.rooms.find((r) => r.number === n)!.fill;
    expect(fillOf('R1')).toBe(fillOf('R2'));
    expect(new Set(scene.rooms.filter((r) => r.legendId.startsWith('v')).map((r) => r.fill)).size).toBe(8);
    const labels = scene.legend.map((e) => `${e.label}: ${e.count}`);
    expect(labels[0]).toBe('Office: 2');
    expect(labels).toContain('No category: 1');
    expect(labels.find((l) => l.startsWith('Other'))).toMatch(/^Other \(2 more: .*\): 2$/);
  });

  test('area bands follow the model’s spread, in round numbers, light to dark; findings tell a disputed area from an agreed one; unknown is grey', () => {
    // Net floor areas in m² (each room's outline is its area's rectangle; the disputed room below is 16 m²).
    const sizes = [2, 3, 12, 14, 30, 36, 48, 60, 110, 130, 250, 300];
    const spaces = sizes.map((side, i) => room(i + 1, `R${i + 1}`, 'r', [{ outer: rect(i * 20, 0, i * 20 + side / 2, 2), holes: [] }]));
    const disputed = room(50, 'D', 'd', [{ outer: rect(0, 10, 4, 14), holes: [] }]);
    disputed.quantities[0].disputed = true;
    const unknown = room(51, 'U', 'u', [{ outer: rect(30, 10, 34, 14), holes: [] }]);
    unknown.quantities[0] = { ...unknown.quantities[0], value: null, source: 'missing', candidates: [] };
    const all = [...spaces, disputed, unknown];
    const bands = colourRooms(all, 'area', () => false);
    expect(bands.entries.map((e) => `${e.label}: ${e.count}`)).toEqual(['under 10 m²: 2', '10–15 m²: 2', '15–40 m²: 3', '40–60 m²: 1', '60–150 m²: 3', '150 m² and more: 2', 'Area unknown: 1']);
    expect(new Set(bands.entries.map((e) => e.fill)).size).toBe(7);
    // Eight rooms of 27 to 50 m² (LargeBuilding’s) still get three colours, the ramp's ends among them.
    const revit = colourRooms([26.9, 33.2, 39.8, 49.9, 26.9, 33.2, 39.8, 49.9].map((a, i) => room(i + 1, `${i + 1}`, 'Room', [{ outer: rect(i * 10, 0, i * 10 + a / 5, 5), holes: [] }])), 'area', () => false);
    expect(revit.entries.map((e) => `${e.label}: ${e.count} ${e.fill}`)).toEqual(['under 30 m²: 2 #FFF7BC', '30–40 m²: 4 #FB9A29', '40 m² and more: 2 #CC4C02']);
    const findings = colourRooms(all, 'findings', () => false);
    expect(findings.entryOf.slice(-2)).toEqual(['disagreement', 'no-area']);
    expect(new Set(findings.entries.map((e) => e.fill)).size).toBe(3);
  });

  test('a building turned 24° on its site is squared up, and the north arrow turns with it', () => {
    const turn = (points: PlanPoint[], deg: number): PlanPoint[] => points.map(([x, y]) => [x * Math.cos((deg * Math.PI) / 180) - y * Math.sin((deg * Math.PI) / 180), x * Math.sin((deg * Math.PI) / 180) + y * Math.cos((deg * Math.PI) / 180)]);
    const s = schedule([room(1, 'A', 'a', [{ outer: turn(rect(0, 0, 10, 4), 24), holes: [] }]), room(2, 'B', 'b', [{ outer: turn(rect(0, 4, 10, 9), 24), holes: [] }])], 10);
    expect(planRotation(s, 'aligned')).toBeCloseTo(-24, 6);
    const scene = buildPlanScene(s, planStoreys(s)[0], { colourBy: 'category' });
    const a = scene.rooms.find((r) => r.number === 'A')!;
    expect(a.box.maxX - a.box.minX).toBeCloseTo(10, 6);
    expect(a.box.maxY - a.box.minY).toBeCloseTo(4, 6);
    // True north was 10° clockwise of the model's +Y; the model turned 24° clockwise on the page.
    expect(scene.northDeg).toBeCloseTo(34, 6);
    expect(buildPlanScene(s, planStoreys(s)[0], { colourBy: 'category', orientation: 'north' }).northDeg).toBeCloseTo(0, 6);
  });

  test('labels: full where the room is large, shortened where it is narrow, dropped where nothing fits, never overlapping', () => {
    const s = schedule([
      room(1, '1.01', 'Conference room', [{ outer: rect(0, 0, 10, 8), holes: [] }]),
      room(2, '1.02', 'Corridor to the east stair', [{ outer: rect(10, 0, 12, 8), holes: [] }]),
      room(3, '1.03', 'Duct', [{ outer: rect(12, 0, 12.2, 8), holes: [] }]),
      room(4, '1.04', 'Store', [{ outer: rect(2, 2, 3, 3), holes: [] }]),
    ]);
    const scene = buildPlanScene(s, planStoreys(s)[0], { colourBy: 'category', orientation: 'model' });
    const layout = placeLabels(scene.rooms, 40);
    const byNumber = new Map(layout.labels.map((l) => [scene.rooms.find((r) => r.spaceIndex === l.spaceIndex)!.number, l]));
    expect(byNumber.get('1.01')!.lines.map((l) => l.text)).toEqual(['1.01', 'Conference room', '80.0 m²']);
    const corridor = byNumber.get('1.02')!;
    expect(corridor.shortened).toBe(true);
    expect(corridor.lines[0].text).toBe('1.02');
    expect(byNumber.has('1.03')).toBe(false);
    expect(layout.dropped).toBeGreaterThanOrEqual(1);
    // The hall's label keeps clear of the store inside it.
    const hall = byNumber.get('1.01')!;
    const store = scene.rooms.find((r) => r.number === '1.04')!;
    const [hw, hh] = [hall.widthPx / 80, hall.heightPx / 80];
    expect(hall.x - hw >= store.box.maxX || hall.x + hw <= store.box.minX || hall.y - hh >= store.box.maxY || hall.y + hh <= store.box.minY).toBe(true);
    for (const a of layout.labels) for (const b of layout.labels) {
      if (a === b) continue;
      const apart = Math.abs(a.x - b.x) * 40 >= (a.widthPx + b.widthPx) / 2 || Math.abs(a.y - b.y) * 40 >= (a.heightPx + b.heightPx) / 2;
      expect(apart).toBe(true);
    }
  });
});
