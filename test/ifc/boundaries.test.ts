import * as fs from 'fs';
import * as W from 'web-ifc';
import { SpaceBoundary } from '../../src/core/schedule/model';
import { extractSchedule } from '../../src/ifc/extract';
import { realModel } from '../support/fixtures';
import { extracted, MODELS_WITH_BOUNDARIES, quantity } from './support/extracted';
import { spaceBodyAreas } from './support/space-body';

const byCategory = (bs: SpaceBoundary[], c: string) => bs.filter((b) => b.surfaceCategory === c);

describe('space boundaries of the real models', () => {
  it.each(MODELS_WITH_BOUNDARIES)('%s: IFC2X3 boundaries take their level from Name, their 2a/2b detail from Description, and nothing else is guessed', async (file) => {
    const s = await extracted(file);
    for (const b of s.spaces.flatMap((x) => x.boundaries)) {
      const name = b.name?.trim().toLowerCase();
      if (name === '2ndlevel') {
        expect(b.level).toBe('2ndLevel');
        expect(b.levelSource).toBe("IFC2X3 Name '2ndLevel'");
        expect(b.levelDetail).toBe(b.description === '2a' || b.description === '2b' ? b.description : null);
      } else if (name === '1stlevel') {
        expect(b.level).toBe('1stLevel');
      } else {
        expect(b.level).toBe('unspecified');
        expect(b.levelDetail).toBeNull();
        expect(b.levelSource).toMatch(/^not stated/);
      }
      expect(b.ifcType).toBe('IfcRelSpaceBoundary');
    }
  });

  it("SWW-5_SB.ifc's '3rdLevel' boundaries (the Space Boundary Tool's name for 2b pieces) stay unspecified", async () => {
    const all = (await extracted('SWW-5_SB.ifc')).spaces.flatMap((x) => x.boundaries);
    const third = all.filter((b) => b.name === '3rdLevel');
    expect(third).toHaveLength(26);
    expect(third.every((b) => b.level === 'unspecified' && b.levelSource.includes("'3rdLevel'"))).toBe(true);
    expect(all.filter((b) => b.level === '2ndLevel')).toHaveLength(82);
  });

  it.each(MODELS_WITH_BOUNDARIES)('%s: every boundary has an area from its geometry, a unit normal and a facing', async (file) => {
    for (const b of (await extracted(file)).spaces.flatMap((x) => x.boundaries)) {
      expect(b.areaIssue).toBeNull();
      expect(b.area).toBeGreaterThan(0);
      expect(Math.hypot(...b.normal!)).toBeCloseTo(1, 6);
      expect(b.orientation).not.toBeNull();
      expect(b.physicalOrVirtual).toMatch(/^(PHYSICAL|VIRTUAL)$/);
      expect(b.internalOrExternal).toMatch(/^(INTERNAL|EXTERNAL)$/);
    }
  });

  it('OneZone.ifc: the four walls face four different compass directions, the floor faces down and the ceiling up', async () => {
    const bs = (await extracted('OneZone.ifc')).spaces[0].boundaries;
    const walls = byCategory(bs, 'wall');
    expect(walls).toHaveLength(4);
    expect(walls.map((w) => w.orientation).sort()).toEqual(['E', 'N', 'S', 'W']);
    expect(walls.map((w) => w.azimuthDeg).sort((a, b) => a! - b!)).toEqual([0, 90, 180, 270]);
    expect(byCategory(bs, 'floor').map((b) => [b.orientation, b.relatedElement?.type])).toEqual([['Down', 'IfcSlab']]);
    expect(byCategory(bs, 'ceiling').map((b) => [b.orientation, b.relatedElement?.type])).toEqual([['Up', 'IfcSlab']]);
    // The window and the door sit in the south and north walls: same facing as their wall.
    expect(byCategory(bs, 'window').map((b) => b.orientation)).toEqual(['S']);
    expect(byCategory(bs, 'door').map((b) => b.orientation)).toEqual(['N']);
    // A 3 × 3 × 3 m room: 9 m² walls, floor and ceiling, a 1 m² window and a 2 m² door.
    expect(walls.map((w) => w.area)).toEqual([9, 9, 9, 9]);
    expect(byCategory(bs, 'window')[0].area).toBe(1);
    expect(byCategory(bs, 'door')[0].area).toBe(2);
    expect(bs.every((b) => b.relatedElement?.globalId && b.internalOrExternal === 'EXTERNAL' && b.adjacentSpace === null)).toBe(true);
  });

  it('OneZone.ifc totals the surfaces by category', async () => {
    const totals = (await extracted('OneZone.ifc')).spaces[0].surfaceTotals;
    expect(totals).toEqual([
      { category: 'wall', count: 4, area: 36, missingArea: 0 },
      { category: 'window', count: 1, area: 1, missingArea: 0 },
      { category: 'door', count: 1, area: 2, missingArea: 0 },
      { category: 'floor', count: 1, area: 9, missingArea: 0 },
      { category: 'ceiling', count: 1, area: 9, missingArea: 0 },
    ]);
  });

  it('TwoZones.ifc: the internal wall and door between the two rooms name the room on the other side', async () => {
    const [a, b] = (await extracted('TwoZones.ifc')).spaces;
    const internalA = a.boundaries.filter((x) => x.internalOrExternal === 'INTERNAL');
    const internalB = b.boundaries.filter((x) => x.internalOrExternal === 'INTERNAL');
    expect(internalA.map((x) => x.surfaceCategory).sort()).toEqual(['door', 'wall']);
    expect(internalA.every((x) => x.adjacentSpace?.globalId === b.globalId)).toBe(true);
    expect(internalB.every((x) => x.adjacentSpace?.globalId === a.globalId)).toBe(true);
    // Seen from each side the shared wall faces opposite ways.
    const wallA = internalA.find((x) => x.surfaceCategory === 'wall')!;
    const wallB = internalB.find((x) => x.surfaceCategory === 'wall')!;
    expect(wallA.relatedElement?.globalId).toBe(wallB.relatedElement?.globalId);
    expect(wallA.normal![0] * wallB.normal![0] + wallA.normal![1] * wallB.normal![1] + wallA.normal![2] * wallB.normal![2]).toBeCloseTo(-1, 6);
  });

  it('normals point out of the room whichever way the exporter wrote them (ArchiCAD: inwards; SWW-5_SB: outwards)', async () => {
    // Every room has exactly as much floor facing down as ceiling/roof facing up, by category.
    for (const file of MODELS_WITH_BOUNDARIES) {
      for (const space of (await extracted(file)).spaces) {
        for (const b of space.boundaries) {
          if (b.surfaceCategory === 'floor') expect(b.orientation).toBe('Down');
          if (b.surfaceCategory === 'ceiling') expect(b.orientation).toBe('Up');
        }
        expect(byCategory(space.boundaries, 'floor').length).toBeGreaterThan(0);
      }
    }
  });
});

describe('net floor area from the floor boundaries', () => {
  const api = new W.IfcAPI();
  beforeAll(async () => {
    await api.Init(undefined, true);
    api.SetLogLevel(W.LogLevel.LOG_LEVEL_OFF);
  });

  /**
   * Compares each room's NetFloorArea (from its quantity set, or computed from its floor boundaries)
   * with the floor area of the room's own body (profile of its extruded solid or its footprint).
   * Measured on the fixtures: Revit's BaseQuantities equal the body exactly (11 rooms); the
   * boundary sums equal it to 0.001 m² in 27 of 29 rooms; in RooftopBuilding4ZonesThin the
   * Technicalroom is 0.001 m² (0.04 %) short and the large Badroom, whose floor is split into two
   * boundaries, 0.10 m² (0.28 %). No fixture has both a quantity
   * set and floor boundaries, so the Qto-vs-boundary comparison itself is logged as empty. A
   * tolerance of 0.5 % passes these and catches a unit, level or double-counting slip (≥ 5 %).
   */
  it.each([...MODELS_WITH_BOUNDARIES, 'LargeBuilding.ifc', 'TallBuilding.ifc'])('%s: NetFloorArea matches the room body within 0.5 %%', async (file) => {
    const s = await extracted(file);
    const model = api.OpenModel(new Uint8Array(fs.readFileSync(realModel(file))));
    try {
      const bodies = spaceBodyAreas(api, model, s.metadata.lengthUnitToMetres);
      const rows = s.spaces.map((space) => {
        const nfa = quantity(space, 'NetFloorArea')!;
        const floorSum = byCategory(space.boundaries, 'floor').reduce((a, b) => a + (b.area ?? 0), 0);
        const body = bodies.get(space.expressId)!;
        return { space: (space.longName ?? space.name ?? '').trim(), source: nfa.source, nfa: nfa.value!, floorSum, body, diff: nfa.value! - body, pct: (100 * (nfa.value! - body)) / body };
      });
      const both = rows.filter((r) => r.source.startsWith('qto:') && r.floorSum > 0);
      console.log(`${file}: NetFloorArea vs room body (m²)\n${rows.map((r) => `  ${r.space}: ${r.nfa.toFixed(3)} (${r.source}) vs ${r.body.toFixed(3)}: ${r.diff >= 0 ? '+' : ''}${r.diff.toFixed(3)} (${r.pct.toFixed(2)} %)`).join('\n')}\n  Qto vs floor boundaries: ${both.length ? both.map((r) => `${r.space} ${(r.nfa - r.floorSum).toFixed(3)}`).join(', ') : 'no room has both'}`);
      for (const r of rows) expect(Math.abs(r.pct)).toBeLessThanOrEqual(0.5);
      for (const r of both) expect(Math.abs(r.nfa - r.floorSum) / r.nfa).toBeLessThanOrEqual(0.005);
    } finally {
      api.CloseModel(model);
    }
  });

  it('the floor boundaries\' sum is a candidate for NetFloorArea, after the room\'s own body, and says how it was computed', async () => {
    const room = (await extracted('SWW-5_SB.ifc')).spaces.find((x) => byCategory(x.boundaries, 'floor').length === 8)!;
    const area = quantity(room, 'NetFloorArea')!;
    expect(area.source).toBe('geometry:extrusion');
    expect(area.candidates.map((c) => c.source)).toEqual(['geometry:extrusion', 'boundaries']);
    expect(area.candidates[1]).toMatchObject({ source: 'boundaries', method: expect.stringMatching(/^the sum of 8 floor space boundaries \(2ndLevel, with 4 unnamed 2a\/2b parts\)/) });
  });
});

describe('boundaries whose geometry cannot give an area', () => {
  async function oneZoneWith(from: string, to: string) {
    const text = fs.readFileSync(realModel('OneZone.ifc'), 'latin1');
    expect(text).toContain(from);
    return extractSchedule({ bytes: new Uint8Array(Buffer.from(text.replace(from, to), 'latin1')), name: 'OneZone-variant.ifc' });
  }

  it('a curve instead of a surface, or a reference to nothing: area empty, the reason given, one folded warning', async () => {
    const curve = await oneZoneWith('#4599= IFCCONNECTIONSURFACEGEOMETRY(#4597,$);', '#4599= IFCCONNECTIONCURVEGEOMETRY(#4594,$);');
    const window = curve.spaces[0].boundaries.find((b) => b.expressId === 4600)!;
    expect(window).toMatchObject({ area: null, areaIssue: 'The ConnectionGeometry is an IfcConnectionCurveGeometry, not a surface.', normal: null, orientation: null });
    expect(curve.warnings).toEqual([expect.objectContaining({ code: 'geometry', count: 1, expressId: 4600 })]);
    // Still a window (its element says so); the room's totals say its area is missing.
    expect(curve.spaces[0].surfaceTotals.find((t) => t.category === 'window')).toEqual({ category: 'window', count: 1, area: 0, missingArea: 1 });

    const dangling = await oneZoneWith('#4597= IFCCURVEBOUNDEDPLANE(#4579,#4594,());', '#4597= IFCCURVEBOUNDEDPLANE(#9999999,#4594,());');
    expect(dangling.spaces[0].boundaries.find((b) => b.expressId === 4600)).toMatchObject({ area: null, areaIssue: 'The basis surface #9999999 is not in the file.' });
  });
});
