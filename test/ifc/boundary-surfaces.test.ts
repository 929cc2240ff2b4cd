// Every kind of boundary surface and curve an IFC2X3 exporter writes, on a real model (the IFC4
// indexed poly curve is in room-geometry.test.ts): OneZone.ifc's
// 1 × 1 m window boundary (#4600, on a plane facing along x) redrawn with each kind in turn. The
// area must come out the same, and what cannot give one must say why.
import * as fs from 'fs';
import { RoomSchedule } from '../../src/core/schedule/model';
import { extractSchedule } from '../../src/ifc/extract';
import { realModel } from '../support/fixtures';

const ORIGINAL = '#4597= IFCCURVEBOUNDEDPLANE(#4579,#4594,());';

/** OneZone.ifc with the window's surface replaced by `surface` (as #4597) and `extra` lines added. */
async function windowAs(surface: string, extra: string[] = []): Promise<RoomSchedule> {
  const text = fs.readFileSync(realModel('OneZone.ifc'), 'latin1');
  expect(text).toContain(ORIGINAL);
  const edited = text.replace(ORIGINAL, [`#4597= ${surface};`, ...extra].join('\n'));
  return extractSchedule({ bytes: new Uint8Array(Buffer.from(edited, 'latin1')), name: 'OneZone-window.ifc' });
}

const windowOf = (s: RoomSchedule) => s.spaces[0].boundaries.find((b) => b.expressId === 4600)!;

// The window's corners in its plane's own coordinates (millimetres), as the file has them.
const SQUARE = ['#990001= IFCCARTESIANPOINT((0.,0.,0.));', '#990002= IFCCARTESIANPOINT((1000.,0.,0.));', '#990003= IFCCARTESIANPOINT((1000.,1000.,0.));', '#990004= IFCCARTESIANPOINT((0.,1000.,0.));'];
// The same corners placed on the window's plane (its IfcAxis2Placement3D #4578: origin (−15, 1000, 1100), axis x, ref. direction y).
const PLACED = ['#990011= IFCCARTESIANPOINT((-15.,1000.,1100.));', '#990012= IFCCARTESIANPOINT((-15.,2000.,1100.));', '#990013= IFCCARTESIANPOINT((-15.,2000.,2100.));', '#990014= IFCCARTESIANPOINT((-15.,1000.,2100.));'];

describe("a window boundary's area, whatever its surface is made of", () => {
  let original: ReturnType<typeof windowOf>;
  beforeAll(async () => {
    original = windowOf(await windowAs(ORIGINAL.slice(7, -1)));
  });

  test('as written (IfcCurveBoundedPlane over an IfcCompositeCurve): 1 m², in a wall (facing a compass direction)', () => {
    expect(original.area).toBeCloseTo(1, 6);
    expect(original.normal![2]).toBeCloseTo(0, 6);
    expect(original.orientation).toMatch(/^[NESW]{1,2}$/);
  });

  test.each([
    ['an Ifc2DCompositeCurve outline (ArchiCAD 9)', 'IFCCURVEBOUNDEDPLANE(#4579,#990020,())', ['#990020= IFC2DCOMPOSITECURVE((#4592),.F.);']],
    ['a plain IfcPolyline outline', 'IFCCURVEBOUNDEDPLANE(#4579,#4590,())', []],
    ['an IfcRectangularTrimmedSurface on the plane', 'IFCRECTANGULARTRIMMEDSURFACE(#4579,0.,0.,1000.,1000.,.T.,.T.)', []],
    ['an IfcSurfaceOfLinearExtrusion of a 1 m line, 1 m deep', 'IFCSURFACEOFLINEAREXTRUSION(#990030,#4578,#990033,1000.)', ['#990031= IFCPOLYLINE((#990001,#990002));', '#990030= IFCARBITRARYOPENPROFILEDEF(.CURVE.,$,#990031);', '#990033= IFCDIRECTION((0.,1.,0.));', ...SQUARE]],
    ['an IfcFaceBasedSurfaceModel of one face', 'IFCFACEBASEDSURFACEMODEL((#990040))', [...PLACED, '#990041= IFCPOLYLOOP((#990011,#990012,#990013,#990014));', '#990042= IFCFACEOUTERBOUND(#990041,.T.);', '#990043= IFCFACE((#990042));', '#990040= IFCCONNECTEDFACESET((#990043));']],
    ['an IfcShellBasedSurfaceModel of one face', 'IFCSHELLBASEDSURFACEMODEL((#990050))', [...PLACED, '#990041= IFCPOLYLOOP((#990011,#990012,#990013,#990014));', '#990042= IFCFACEOUTERBOUND(#990041,.T.);', '#990043= IFCFACE((#990042));', '#990050= IFCOPENSHELL((#990043));']],
    ['a single IfcFace', 'IFCFACE((#990042))', [...PLACED, '#990041= IFCPOLYLOOP((#990011,#990012,#990013,#990014));', '#990042= IFCFACEOUTERBOUND(#990041,.T.);']],
  ])('%s: the same 1 m²', async (_what, surface, extra) => {
    const w = windowOf(await windowAs(surface as string, extra as string[]));
    expect({ area: w.area, issue: w.areaIssue }).toEqual({ area: expect.any(Number), issue: null });
    expect(w.area!).toBeCloseTo(1, 6);
  });

  test('an outline with a trimmed circle: a round window of 1 m diameter is π/4 m²', async () => {
    const w = windowOf(
      await windowAs('IFCCURVEBOUNDEDPLANE(#4579,#990060,())', ['#990061= IFCCARTESIANPOINT((500.,500.));', '#990062= IFCAXIS2PLACEMENT2D(#990061,$);', '#990060= IFCCIRCLE(#990062,500.);']),
    );
    expect(w.area!).toBeCloseTo(Math.PI / 4, 2);
  });

  test('a face with an inner bound: a 1 m² pane with a 0.5 × 0.5 m hole is 0.75 m²', async () => {
    const hole = ['#990071= IFCCARTESIANPOINT((-15.,1250.,1350.));', '#990072= IFCCARTESIANPOINT((-15.,1750.,1350.));', '#990073= IFCCARTESIANPOINT((-15.,1750.,1850.));', '#990074= IFCCARTESIANPOINT((-15.,1250.,1850.));', '#990075= IFCPOLYLOOP((#990071,#990074,#990073,#990072));', '#990076= IFCFACEBOUND(#990075,.T.);'];
    const w = windowOf(await windowAs('IFCFACE((#990042,#990076))', [...PLACED, '#990041= IFCPOLYLOOP((#990011,#990012,#990013,#990014));', '#990042= IFCFACEOUTERBOUND(#990041,.T.);', ...hole]));
    expect(w.area!).toBeCloseTo(0.75, 6);
  });

  test.each([
    ['an unbounded IfcPlane', 'IFCPLANE(#4578)', [], /unbounded IfcPlane/],
    ['an unbounded IfcLine as the outline', 'IFCCURVEBOUNDEDPLANE(#4579,#990080,())', ['#990082= IFCDIRECTION((1.,0.,0.));', '#990081= IFCVECTOR(#990082,1.);', '#990080= IFCLINE(#990001,#990081);', ...SQUARE], /^Curves of type IfcLine are not supported/],
    ['a trimmed rectangle without bounds', 'IFCRECTANGULARTRIMMEDSURFACE(#4579,$,0.,1000.,1000.,.T.,.T.)', [], /no valid bounds/],
    ['an extrusion without depth', 'IFCSURFACEOFLINEAREXTRUSION(#990030,#4578,#990033,0.)', ['#990031= IFCPOLYLINE((#990001,#990002));', '#990030= IFCARBITRARYOPENPROFILEDEF(.CURVE.,$,#990031);', '#990033= IFCDIRECTION((0.,1.,0.));', ...SQUARE], /no depth/],
  ])('%s gives no area, and says why', async (_what, surface, extra, reason) => {
    const w = windowOf(await windowAs(surface as string, extra as string[]));
    expect(w.area).toBeNull();
    expect(w.areaIssue).toMatch(reason as RegExp);
  });
});
