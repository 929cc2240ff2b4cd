import * as fs from 'fs';
import { extractSchedule } from '../../src/ifc/extract';
import { realModel } from '../support/fixtures';

/** OneZone.ifc with some of its lines rewritten: the same room under other units or another north. */
async function oneZoneWith(replacements: [string, string][]) {
  let text = fs.readFileSync(realModel('OneZone.ifc'), 'latin1');
  for (const [from, to] of replacements) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return extractSchedule({ bytes: new Uint8Array(Buffer.from(text, 'latin1')), name: 'OneZone-variant.ifc' });
}

describe('units and true north', () => {
  it('a model in feet (IfcConversionBasedUnit FOOT = 0.3048 m) has its areas in square metres', async () => {
    // The same coordinates (3000 units a side) read as feet instead of millimetres.
    const s = await oneZoneWith([['#16= IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.);', "#16= IFCCONVERSIONBASEDUNIT(#900001,.LENGTHUNIT.,'FOOT',#900003);\n#900001= IFCDIMENSIONALEXPONENTS(1,0,0,0,0,0,0);\n#900002= IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);\n#900003= IFCMEASUREWITHUNIT(IFCLENGTHMEASURE(0.3048),#900002);"]]);
    expect(s.metadata.lengthUnitToMetres).toBeCloseTo(0.3048, 12);
    const floor = s.spaces[0].boundaries.find((b) => b.surfaceCategory === 'floor')!;
    expect(floor.area).toBeCloseTo(3000 * 3000 * 0.3048 * 0.3048, 3);
    expect(s.spaces[0].storey?.elevation).toBe(0);
  });

  it('a model in metres with a centimetre area unit converts areas by the area unit, geometry by the length unit', async () => {
    const s = await oneZoneWith([['#16= IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.);', '#16= IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);']]);
    expect(s.metadata.lengthUnitToMetres).toBe(1);
    expect(s.spaces[0].boundaries.find((b) => b.surfaceCategory === 'floor')!.area).toBe(9e6);
  });

  it('with TrueNorth turned to model -X, the wall that faced north faces east', async () => {
    const plain = (await oneZoneWith([])).spaces[0].boundaries;
    const turned = await oneZoneWith([['#41= IFCDIRECTION((0.,1.));', '#41= IFCDIRECTION((-1.,0.));']]);
    expect(turned.metadata.trueNorthDeg).toBe(270);
    const northWall = plain.find((b) => b.surfaceCategory === 'wall' && b.orientation === 'N')!;
    const same = turned.spaces[0].boundaries.find((b) => b.expressId === northWall.expressId)!;
    expect(same.orientation).toBe('E');
    expect(same.azimuthDeg).toBe(90);
    // Floors and ceilings do not turn.
    expect(turned.spaces[0].boundaries.filter((b) => b.orientation === 'Up' || b.orientation === 'Down')).toHaveLength(2);
  });

  it('a TrueNorth 30° west of +Y puts a +Y-facing wall at 30° (NE), and metadata says 330°', async () => {
    const [x, y] = [-Math.sin(Math.PI / 6), Math.cos(Math.PI / 6)];
    const s = await oneZoneWith([['#41= IFCDIRECTION((0.,1.));', `#41= IFCDIRECTION((${x.toFixed(15)},${y.toFixed(15)}));`]]);
    expect(s.metadata.trueNorthDeg).toBeCloseTo(330, 6);
    const plusY = s.spaces[0].boundaries.find((b) => b.surfaceCategory === 'wall' && b.normal![1] > 0.99)!;
    expect(plusY.azimuthDeg).toBeCloseTo(30, 6);
    expect(plusY.orientation).toBe('NE');
  });
});
