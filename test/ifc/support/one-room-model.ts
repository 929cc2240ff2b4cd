// A minimal, valid IFC model with one room whose body the test writes: project, units, site,
// building, storey, and an IfcSpace whose Body (and optional FootPrint) representation holds the
// given STEP items. For the geometry cases no real sample has (circles, composite curves with
// arcs, mapped items, clippings, broken profiles); the real samples cover the rest.
import { extractSchedule } from '../../../src/ifc/extract';
import { RoomSchedule } from '../../../src/core/schedule/model';

export interface OneRoom {
  schema?: 'IFC2X3' | 'IFC4';
  /** Millimetres or metres for lengths (areas and volumes stay m², m³). */
  millimetres?: boolean;
  /** STEP lines for the body's entities, numbered from #1000 (the test's own). */
  lines: string[];
  /** Ids of the Body representation's items. */
  body: number[];
  bodyType?: string;
  /** Ids of the FootPrint representation's items, if any. */
  footprint?: number[];
  /** Quantity set lines (e.g. IFCQUANTITYAREA), numbered from #2000, attached as BaseQuantities. */
  quantities?: string[];
  /** The space's own placement offset (file units). */
  at?: [number, number, number];
}

export function oneRoomText(room: OneRoom): string {
  const schema = room.schema ?? 'IFC4';
  const [x, y, z] = room.at ?? [0, 0, 0];
  const length = room.millimetres ? 'IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.)' : 'IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.)';
  const reps = [`#70= IFCSHAPEREPRESENTATION(#20,'Body','${room.bodyType ?? 'SweptSolid'}',(${room.body.map((i) => `#${i}`).join(',')}));`];
  if (room.footprint) reps.push(`#71= IFCSHAPEREPRESENTATION(#21,'FootPrint','GeometricCurveSet',(${room.footprint.map((i) => `#${i}`).join(',')}));`);
  const qto = room.quantities ?? [];
  const qtoIds = qto.map((l) => l.match(/^#(\d+)=/)![1]);
  return [
    'ISO-10303-21;',
    'HEADER;',
    "FILE_DESCRIPTION(('ViewDefinition [CoordinationView]'),'2;1');",
    "FILE_NAME('one-room.ifc','2026-12-01T10:00:00',('test'),('test'),'test','test','');",
    `FILE_SCHEMA(('${schema}'));`,
    'ENDSEC;',
    'DATA;',
    "#1= IFCPERSON($,'Test',$,$,$,$,$,$);",
    "#2= IFCORGANIZATION($,'Test',$,$,$);",
    '#3= IFCPERSONANDORGANIZATION(#1,#2,$);',
    "#4= IFCAPPLICATION(#2,'1','test','test');",
    '#5= IFCOWNERHISTORY(#3,#4,$,.ADDED.,$,$,$,0);',
    `#6= ${length};`,
    '#7= IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.);',
    '#8= IFCSIUNIT(*,.VOLUMEUNIT.,$,.CUBIC_METRE.);',
    '#9= IFCSIUNIT(*,.PLANEANGLEUNIT.,$,.RADIAN.);',
    '#10= IFCUNITASSIGNMENT((#6,#7,#8,#9));',
    '#11= IFCCARTESIANPOINT((0.,0.,0.));',
    '#12= IFCDIRECTION((0.,0.,1.));',
    '#13= IFCDIRECTION((1.,0.,0.));',
    '#14= IFCAXIS2PLACEMENT3D(#11,#12,#13);',
    "#20= IFCGEOMETRICREPRESENTATIONCONTEXT($,'Model',3,1.E-05,#14,$);",
    "#21= IFCGEOMETRICREPRESENTATIONSUBCONTEXT('FootPrint','Model',*,*,*,*,#20,$,.PLAN_VIEW.,$);",
    "#30= IFCPROJECT('0YvctVUKr0kugbFTf53O9L',#5,'One room',$,$,$,$,(#20),#10);",
    '#40= IFCLOCALPLACEMENT($,#14);',
    "#41= IFCSITE('2ZdG6sS5b2gRzXJdG2ipHp',#5,'Site',$,$,#40,$,$,.ELEMENT.,$,$,$,$,$);",
    '#42= IFCLOCALPLACEMENT(#40,#14);',
    "#43= IFCBUILDING('1x4n1Sk0f1ZOVKjn0FqiKp',#5,'Building',$,$,#42,$,$,.ELEMENT.,$,$,$);",
    '#44= IFCLOCALPLACEMENT(#42,#14);',
    "#45= IFCBUILDINGSTOREY('3Gf0gA4PX2Y9BfJ4Ak5dYq',#5,'Level 1',$,$,#44,$,$,.ELEMENT.,0.);",
    `#60= IFCCARTESIANPOINT((${x.toFixed(3)},${y.toFixed(3)},${z.toFixed(3)}));`,
    '#61= IFCAXIS2PLACEMENT3D(#60,#12,#13);',
    '#62= IFCLOCALPLACEMENT(#44,#61);',
    ...reps,
    `#72= IFCPRODUCTDEFINITIONSHAPE($,$,(${room.footprint ? '#70,#71' : '#70'}));`,
    `#80= IFCSPACE('2a5mmUvxH1tv1m0xTGm1xD',#5,'1.01',$,$,#62,#72,'Test room',.ELEMENT.,.INTERNAL.,$);`,
    "#90= IFCRELAGGREGATES('0Wj5cDhlb4KQUPdBxLyJuX',#5,$,$,#30,(#41));",
    "#91= IFCRELAGGREGATES('1Wj5cDhlb4KQUPdBxLyJuX',#5,$,$,#41,(#43));",
    "#92= IFCRELAGGREGATES('2Wj5cDhlb4KQUPdBxLyJuX',#5,$,$,#43,(#45));",
    "#93= IFCRELAGGREGATES('3Wj5cDhlb4KQUPdBxLyJuX',#5,$,$,#45,(#80));",
    ...(qto.length
      ? [...qto, `#2900= IFCELEMENTQUANTITY('0Q8hT3Jhj0bQ8hT3Jhj0bQ',#5,'BaseQuantities',$,$,(${qtoIds.map((i) => `#${i}`).join(',')}));`, "#2901= IFCRELDEFINESBYPROPERTIES('1Q8hT3Jhj0bQ8hT3Jhj0bQ',#5,$,$,(#80),#2900);"]
      : []),
    ...room.lines,
    'ENDSEC;',
    'END-ISO-10303-21;',
    '',
  ].join('\n');
}

export function extractOneRoom(room: OneRoom, options: { meshEveryRoom?: boolean } = {}): Promise<RoomSchedule> {
  return extractSchedule({ bytes: new Uint8Array(Buffer.from(oneRoomText(room), 'latin1')), name: 'one-room.ifc' }, { roomGeometry: options.meshEveryRoom ? 'mesh-every-room' : 'where-needed' });
}

/** An IfcExtrudedAreaSolid of `profile` (an id), upright, `depth` deep, at #1990's placement. */
export function extruded(profile: number, depth: number, id = 1999): string[] {
  return [
    '#1990= IFCCARTESIANPOINT((0.,0.,0.));',
    '#1991= IFCAXIS2PLACEMENT3D(#1990,$,$);',
    '#1992= IFCDIRECTION((0.,0.,1.));',
    `#${id}= IFCEXTRUDEDAREASOLID(#${profile},#1991,#1992,${depth.toFixed(3)});`,
  ];
}
