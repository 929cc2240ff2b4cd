// A room's quantities from its own body, for each kind of geometry an exporter writes: profiles
// (rectangle, circle, rounded rectangle, arbitrary with voids), curves (polyline, composite with
// line and arc segments, Ifc2DCompositeCurve, indexed poly curve with arcs), mapped items,
// clippings, Breps, FootPrint curve sets, and broken geometry that must give no number.
import { Quantity, RoomSchedule } from '../../src/core/schedule/model';
import { extractOneRoom, extruded, OneRoom } from './support/one-room-model';

const q = (s: RoomSchedule, name: string): Quantity => s.spaces[0].quantities.find((x) => x.name === name)!;
const values = (s: RoomSchedule) => Object.fromEntries(['NetFloorArea', 'GrossPerimeter', 'Height', 'GrossVolume'].map((n) => [n, q(s, n).value]));

const rectangle = (x: number, y: number) => ['#1000= IFCCARTESIANPOINT((0.,0.));', '#1001= IFCAXIS2PLACEMENT2D(#1000,$);', `#1002= IFCRECTANGLEPROFILEDEF(.AREA.,$,#1001,${x.toFixed(3)},${y.toFixed(3)});`];
const points2d = (pts: [number, number][], from: number) => pts.map(([x, y], i) => `#${from + i}= IFCCARTESIANPOINT((${x.toFixed(4)},${y.toFixed(4)}));`);
const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `#${from + i}`).join(',');

/** A closed polyline over the points (first repeated at the end), as #1100 onwards, the polyline #1199. */
function polyline(pts: [number, number][]): string[] {
  return [...points2d(pts, 1100), `#1199= IFCPOLYLINE((${ids(1100, pts.length)},#1100));`];
}

async function room(r: OneRoom, mesh = false): Promise<RoomSchedule> {
  return extractOneRoom(r, { meshEveryRoom: mesh });
}

describe('a room measured from its extruded body', () => {
  it('a 4 × 5 m rectangle, 3 m high: 20 m², 18 m, 3 m, 60 m³, and the triangulated body agrees', async () => {
    const s = await room({ lines: [...rectangle(4, 5), ...extruded(1002, 3)], body: [1999] }, true);
    expect(values(s)).toEqual({ NetFloorArea: 20, GrossPerimeter: 18, Height: 3, GrossVolume: 60 });
    expect(q(s, 'NetFloorArea')).toMatchObject({ source: 'geometry:extrusion', disputed: false, note: expect.stringContaining('IfcRectangleProfileDef') });
    for (const name of ['NetFloorArea', 'GrossPerimeter', 'Height', 'GrossVolume']) {
      const mesh = q(s, name).candidates.find((c) => c.source === 'geometry:mesh')!;
      expect(mesh.value).toBeCloseTo(q(s, name).value!, 4);
    }
    expect(s.spaces[0].footprint).toMatchObject({ source: 'geometry:extrusion', floorElevation: 0, polygons: [{ outer: [[-2, -2.5], [2, -2.5], [2, 2.5], [-2, 2.5]], holes: [] }] });
  });

  it('in millimetres, placed 10 m east and 3 m up: the same room in metres, its footprint where it stands', async () => {
    const s = await room({ millimetres: true, at: [10000, 0, 3000], lines: [...rectangle(4000, 5000), ...extruded(1002, 3000)], body: [1999] });
    expect(values(s)).toEqual({ NetFloorArea: 20, GrossPerimeter: 18, Height: 3, GrossVolume: 60 });
    expect(s.spaces[0].footprint!.polygons[0].outer[0]).toEqual([8, -2.5]);
    expect(s.spaces[0].footprint!.floorElevation).toBe(3);
  });

  it('a round room (IfcCircleProfileDef, r = 2 m): π r² exactly, 2π r round', async () => {
    const s = await room({ lines: ['#1000= IFCCARTESIANPOINT((0.,0.));', '#1001= IFCAXIS2PLACEMENT2D(#1000,$);', '#1002= IFCCIRCLEPROFILEDEF(.AREA.,$,#1001,2.);', ...extruded(1002, 2.5)], body: [1999] });
    expect(q(s, 'NetFloorArea').value).toBeCloseTo(Math.PI * 4, 6);
    expect(q(s, 'GrossPerimeter').value).toBeCloseTo(4 * Math.PI, 6);
    expect(q(s, 'GrossVolume').value).toBeCloseTo(Math.PI * 4 * 2.5, 5);
  });

  it('a rounded rectangle: the corners taken off exactly', async () => {
    const s = await room({ lines: ['#1000= IFCCARTESIANPOINT((0.,0.));', '#1001= IFCAXIS2PLACEMENT2D(#1000,$);', '#1002= IFCROUNDEDRECTANGLEPROFILEDEF(.AREA.,$,#1001,4.,2.,0.5);', ...extruded(1002, 3)], body: [1999] });
    expect(q(s, 'NetFloorArea').value).toBeCloseTo(8 - (4 - Math.PI) * 0.25, 6);
    expect(q(s, 'GrossPerimeter').value).toBeCloseTo(12 - 4 + Math.PI, 6);
  });

  it('a 10 × 10 m hall around a 2 × 2 m shaft (IfcArbitraryProfileDefWithVoids): 96 m², the outline 40 m, the shaft a hole in plan', async () => {
    const outer = polyline([[0, 0], [10, 0], [10, 10], [0, 10]]);
    const hole = [...points2d([[4, 4], [4, 6], [6, 6], [6, 4]], 1200), `#1299= IFCPOLYLINE((${ids(1200, 4)},#1200));`];
    const s = await room({ lines: [...outer, ...hole, "#1002= IFCARBITRARYPROFILEDEFWITHVOIDS(.AREA.,$,#1199,(#1299));", ...extruded(1002, 3)], body: [1999] }, true);
    expect(values(s)).toEqual({ NetFloorArea: 96, GrossPerimeter: 40, Height: 3, GrossVolume: 288 });
    expect(s.spaces[0].footprint!.polygons[0].holes).toHaveLength(1);
    expect(q(s, 'NetFloorArea').candidates.find((c) => c.source === 'geometry:mesh')!.value).toBeCloseTo(96, 4);
  });

  it('an apse (IfcCompositeCurve: three lines and a trimmed circle): the half-disc added to the rectangle', async () => {
    // 4 × 2 m rectangle open at x = 4, closed by a half circle of radius 1 around (4, 1).
    const lines = [
      ...points2d([[0, 0], [4, 0], [4, 2], [0, 2]], 1100),
      '#1110= IFCPOLYLINE((#1103,#1100,#1101));',
      '#1111= IFCCARTESIANPOINT((4.,1.));',
      '#1112= IFCAXIS2PLACEMENT2D(#1111,$);',
      '#1113= IFCCIRCLE(#1112,1.);',
      // Trimmed by parameter, in the model's plane angle unit (radians): −π/2 to π/2.
      `#1114= IFCTRIMMEDCURVE(#1113,(IFCPARAMETERVALUE(${(-Math.PI / 2).toFixed(10)})),(IFCPARAMETERVALUE(${(Math.PI / 2).toFixed(10)})),.T.,.PARAMETER.);`,
      '#1115= IFCPOLYLINE((#1102,#1103));',
      '#1120= IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,#1110);',
      '#1121= IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,#1114);',
      '#1122= IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,#1115);',
      '#1123= IFCCOMPOSITECURVE((#1120,#1121,#1122),.F.);',
      '#1002= IFCARBITRARYCLOSEDPROFILEDEF(.AREA.,$,#1123);',
      ...extruded(1002, 3),
    ];
    const s = await room({ lines, body: [1999] });
    expect(q(s, 'NetFloorArea').value).toBeCloseTo(8 + Math.PI / 2, 2);
    expect(q(s, 'GrossPerimeter').value).toBeCloseTo(10 + Math.PI, 2);
  });

  it('an IFC2X3 Ifc2DCompositeCurve outline (ArchiCAD 9 writes them): read like any composite curve', async () => {
    const lines = [
      ...points2d([[0, 0], [6, 0], [6, 3], [0, 3]], 1100),
      '#1110= IFCPOLYLINE((#1100,#1101,#1102));',
      '#1111= IFCPOLYLINE((#1102,#1103,#1100));',
      '#1120= IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,#1110);',
      '#1121= IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,#1111);',
      '#1123= IFC2DCOMPOSITECURVE((#1120,#1121),.F.);',
      '#1002= IFCARBITRARYCLOSEDPROFILEDEF(.AREA.,$,#1123);',
      ...extruded(1002, 2.5),
    ];
    const s = await room({ schema: 'IFC2X3', lines, body: [1999] });
    expect(values(s)).toEqual({ NetFloorArea: 18, GrossPerimeter: 18, Height: 2.5, GrossVolume: 45 });
  });

  it('an IFC4 indexed poly curve with an arc segment: a 4 × 2 m room with a half-round end', async () => {
    const lines = [
      '#1100= IFCCARTESIANPOINTLIST2D(((0.,0.),(4.,0.),(5.,1.),(4.,2.),(0.,2.)),$);',
      '#1101= IFCINDEXEDPOLYCURVE(#1100,(IFCLINEINDEX((1,2)),IFCARCINDEX((2,3,4)),IFCLINEINDEX((4,5,1))),.F.);',
      '#1002= IFCARBITRARYCLOSEDPROFILEDEF(.AREA.,$,#1101);',
      ...extruded(1002, 3),
    ];
    const s = await room({ lines, body: [1999] });
    expect(q(s, 'NetFloorArea').value).toBeCloseTo(8 + Math.PI / 2, 2);
    expect(q(s, 'GrossPerimeter').value).toBeCloseTo(10 + Math.PI, 2);
  });

  it('a body placed through IfcMappedItem: the mapping origin and target move it, the numbers stay', async () => {
    const lines = [
      ...rectangle(4, 5),
      ...extruded(1002, 3),
      "#1500= IFCSHAPEREPRESENTATION(#20,'Body','SweptSolid',(#1999));",
      '#1501= IFCREPRESENTATIONMAP(#14,#1500);',
      '#1502= IFCCARTESIANPOINT((100.,50.,0.));',
      '#1503= IFCCARTESIANTRANSFORMATIONOPERATOR3D($,$,#1502,1.,$);',
      '#1504= IFCMAPPEDITEM(#1501,#1503);',
    ];
    const s = await room({ lines, body: [1504], bodyType: 'MappedRepresentation' });
    expect(values(s)).toEqual({ NetFloorArea: 20, GrossPerimeter: 18, Height: 3, GrossVolume: 60 });
    expect(s.spaces[0].footprint!.polygons[0].outer[0]).toEqual([98, 47.5]);
  });

  it('a room under a sloping roof (IfcBooleanClippingResult): area and outline exact from the profile, volume and height from the triangulated body', async () => {
    const lines = [
      ...rectangle(4, 4),
      ...extruded(1002, 4),
      // A plane through (0, 0, 2) tilted about y, cutting away what is above it.
      '#1600= IFCCARTESIANPOINT((0.,0.,2.));',
      '#1601= IFCDIRECTION((0.3,0.,1.));',
      '#1602= IFCAXIS2PLACEMENT3D(#1600,#1601,$);',
      '#1603= IFCPLANE(#1602);',
      '#1604= IFCHALFSPACESOLID(#1603,.F.);',
      '#1605= IFCBOOLEANCLIPPINGRESULT(.DIFFERENCE.,#1999,#1604);',
    ];
    const s = await room({ lines, body: [1605], bodyType: 'Clipping' });
    expect(q(s, 'NetFloorArea')).toMatchObject({ value: 16, source: 'geometry:extrusion' });
    expect(q(s, 'GrossPerimeter')).toMatchObject({ value: 16, source: 'geometry:extrusion' });
    const volume = q(s, 'GrossVolume');
    expect(volume.source).toBe('geometry:mesh');
    // The profile spans x = −2…2; the cut leaves z = 2 − 0.3·x: 2.6 m high at the west wall, 1.4 m
    // at the east, 2 m on average over 16 m².
    expect(volume.value!).toBeCloseTo(32, 3);
    expect(q(s, 'Height')).toMatchObject({ source: 'geometry:mesh' });
    expect(q(s, 'Height').value!).toBeCloseTo(2.6, 6);
  });
});

/** A 4 × 5 × 3 m box as an IfcFacetedBrep, faces listed in `faces` (all six by default). */
function brepBox(faces = [0, 1, 2, 3, 4, 5], flip: number[] = []): string[] {
  const p = [[0, 0, 0], [4, 0, 0], [4, 5, 0], [0, 5, 0], [0, 0, 3], [4, 0, 3], [4, 5, 3], [0, 5, 3]];
  // Outward loops (counter-clockwise seen from outside).
  const loops = [[0, 3, 2, 1], [4, 5, 6, 7], [0, 1, 5, 4], [1, 2, 6, 5], [2, 3, 7, 6], [3, 0, 4, 7]];
  const lines = p.map((c, i) => `#${1100 + i}= IFCCARTESIANPOINT((${c.map((v) => v.toFixed(1)).join(',')}));`);
  for (const f of faces) {
    const loop = flip.includes(f) ? [...loops[f]].reverse() : loops[f];
    lines.push(`#${1200 + f}= IFCPOLYLOOP((${loop.map((i) => `#${1100 + i}`).join(',')}));`);
    lines.push(`#${1210 + f}= IFCFACEOUTERBOUND(#${1200 + f},.T.);`);
    lines.push(`#${1220 + f}= IFCFACE((#${1210 + f}));`);
  }
  lines.push(`#1230= IFCCLOSEDSHELL((${faces.map((f) => `#${1220 + f}`).join(',')}));`, '#1231= IFCFACETEDBREP(#1230);');
  return lines;
}

describe('a room measured from a triangulated body (Brep)', () => {
  it('a closed box: 20 m², 18 m, 3 m, 60 m³ by signed tetrahedra', async () => {
    const s = await room({ lines: brepBox(), body: [1231], bodyType: 'Brep' });
    expect(values(s)).toEqual({ NetFloorArea: 20, GrossPerimeter: 18, Height: 3, GrossVolume: 60 });
    expect(q(s, 'GrossVolume')).toMatchObject({ source: 'geometry:mesh', note: expect.stringContaining('signed tetrahedra') });
    expect(s.spaces[0].footprint).toMatchObject({ source: 'geometry:mesh', floorElevation: 0 });
  });

  it('a box without its ceiling is open: no volume, with the reason; area, outline and height still measured', async () => {
    const s = await room({ lines: brepBox([0, 2, 3, 4, 5]), body: [1231], bodyType: 'Brep' });
    expect(q(s, 'GrossVolume')).toMatchObject({ value: null, source: 'missing', note: expect.stringContaining('not closed') });
    expect(q(s, 'NetFloorArea').value).toBe(20);
    expect(q(s, 'Height').value).toBe(3);
  });

  it('a FootPrint curve set serves the plan and the area before the triangulated body', async () => {
    const footprint = [...points2d([[0, 0], [4, 0], [4, 5], [0, 5]], 1300), `#1310= IFCPOLYLINE((${ids(1300, 4)},#1300));`, '#1311= IFCGEOMETRICCURVESET((#1310));'];
    const s = await room({ lines: [...brepBox(), ...footprint], body: [1231], bodyType: 'Brep', footprint: [1311] });
    expect(q(s, 'NetFloorArea')).toMatchObject({ value: 20, source: 'geometry:footprint' });
    expect(q(s, 'GrossVolume')).toMatchObject({ value: 60, source: 'geometry:mesh' });
    expect(s.spaces[0].footprint!.source).toBe('geometry:footprint');
  });
});

describe('broken geometry gives no number, and says why', () => {
  const profile = (pts: [number, number][]) => [...polyline(pts), '#1002= IFCARBITRARYCLOSEDPROFILEDEF(.AREA.,$,#1199);', ...extruded(1002, 3)];
  const missingEverything = (s: RoomSchedule, reason: RegExp) => {
    for (const name of ['NetFloorArea', 'GrossPerimeter', 'Height', 'GrossVolume']) expect(q(s, name)).toMatchObject({ value: null, source: 'missing', note: expect.stringMatching(reason) });
  };

  it('a profile whose points lie on one line encloses nothing', async () => {
    missingEverything(await room({ lines: profile([[0, 0], [2, 0], [4, 0]]), body: [1999] }), /encloses no area|fewer than 3/);
  });

  it('a bow-tie profile crosses itself: refused rather than measured as its halves cancelling', async () => {
    missingEverything(await room({ lines: profile([[0, 0], [4, 4], [4, 0], [0, 4]]), body: [1999] }), /crosses itself/);
  });

  it('a coordinate that is not a finite number (1.E400) is named as such', async () => {
    const lines = profile([[0, 0], [4, 0], [4, 4], [0, 4]]).map((l) => l.replace('#1101= IFCCARTESIANPOINT((4.0000,0.0000));', '#1101= IFCCARTESIANPOINT((1.E400,0.0000));'));
    missingEverything(await room({ lines, body: [1999] }), /point #1101 has no valid coordinates/);
  });

  it('a zero-depth extrusion has no volume and no height', async () => {
    const s = await room({ lines: [...rectangle(4, 5), ...extruded(1002, 0)], body: [1999] });
    missingEverything(s, /no positive depth/);
  });
});

describe("the file's own values, checked against the geometry", () => {
  const box = { lines: [...rectangle(4, 5), ...extruded(1002, 3)], body: [1999] };

  it('a GrossVolume 1000× floor area × height is passed over as a unit error, with the likely value', async () => {
    const s = await room({ ...box, quantities: ["#2000= IFCQUANTITYVOLUME('GrossVolume',$,$,60000.);", "#2001= IFCQUANTITYAREA('NetFloorArea',$,$,20.);"] });
    expect(q(s, 'GrossVolume')).toMatchObject({ value: 60, source: 'geometry:extrusion', disputed: true });
    expect(s.spaces[0].quantityFindings).toEqual([expect.objectContaining({ kind: 'unit-error', quantity: 'GrossVolume', likelyCorrection: { value: 60, reason: expect.any(String) } })]);
    expect(q(s, 'NetFloorArea')).toMatchObject({ value: 20, source: 'qto:BaseQuantities', disputed: false });
  });

  it('an area in mm² labelled m² is a unit error too', async () => {
    const s = await room({ ...box, quantities: ["#2001= IFCQUANTITYAREA('NetFloorArea',$,$,20000000.);"] });
    expect(q(s, 'NetFloorArea')).toMatchObject({ value: 20, source: 'geometry:extrusion', disputed: true });
    expect(s.spaces[0].quantityFindings[0].message).toMatch(/mm²/);
  });

  it("a file area 15 % off the room's body wins by precedence, and the room says both", async () => {
    const s = await room({ ...box, quantities: ["#2001= IFCQUANTITYAREA('NetFloorArea',$,$,23.);"] });
    expect(q(s, 'NetFloorArea')).toMatchObject({ value: 23, source: 'qto:BaseQuantities', disputed: true });
    expect(s.spaces[0].quantityFindings).toEqual([expect.objectContaining({ kind: 'disagreement', quantity: 'NetFloorArea', values: [{ source: 'qto:BaseQuantities', value: 23 }, { source: 'geometry:extrusion', value: 20 }] })]);
    expect(s.spaces[0].quantityFindings[0].message).toBe('NetFloorArea: 23.00 m² (qto:BaseQuantities) but 20.00 m² (geometry:extrusion, 13.0 % apart).');
  });
});
