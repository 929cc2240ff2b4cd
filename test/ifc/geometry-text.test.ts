import * as fs from 'fs';
import * as W from 'web-ifc';
import { BoundaryAnchors, GeometryText } from '../../src/ifc/geometry-text';
import { BytesModelSource } from '../../src/ifc/model-source';
import { fromBytes } from '../../src/ifc/read-source';
import { realModel } from '../support/fixtures';
import { MODELS_WITH_BOUNDARIES } from './support/extracted';

type Raw = { ID: number; type: number; arguments: unknown[] };

describe('boundary geometry read from the file text (the shortcut past web-ifc)', () => {
  const api = new W.IfcAPI();
  beforeAll(async () => {
    await api.Init(undefined, true);
    api.SetLogLevel(W.LogLevel.LOG_LEVEL_OFF);
  });

  it.each(MODELS_WITH_BOUNDARIES)('%s: every line it serves equals web-ifc’s raw line, and it serves most of the geometry', (file) => {
    const bytes = new Uint8Array(fs.readFileSync(realModel(file)));
    const anchors = new BoundaryAnchors();
    // As web-ifc pulls the file: in chunks, front to back.
    for (let at = 0; at < bytes.length; at += 40_000) anchors.scan(bytes.subarray(at, at + 40_000), at);
    const source = new BytesModelSource(fromBytes(bytes, file, null));
    const text = new GeometryText(source, anchors.offsets);
    source.dispose();
    const model = api.OpenModel(bytes);
    try {
      const boundaries = api.GetLineIDsWithType(model, W.IFCRELSPACEBOUNDARY);
      // The geometry behind every boundary: ConnectionGeometry and everything it references.
      const seen = new Set<number>();
      let frontier: number[] = [];
      let served = 0;
      for (let i = 0; i < boundaries.size(); i++) {
        const raw = api.GetRawLineData(model, boundaries.get(i)) as Raw;
        expect(text.line(raw.ID)).toEqual({ ID: raw.ID, type: raw.type, arguments: raw.arguments });
        frontier.push((raw.arguments[6] as { value: number }).value);
      }
      while (frontier.length) {
        const next: number[] = [];
        for (const id of frontier) {
          if (seen.has(id)) continue;
          seen.add(id);
          const raw = api.GetRawLineData(model, id) as Raw;
          const fromText = text.line(id);
          if (fromText) {
            expect(fromText).toEqual({ ID: raw.ID, type: raw.type, arguments: raw.arguments });
            served++;
          }
          JSON.stringify(raw.arguments).replace(/"type":5,"value":(\d+)/g, (_, r: string) => {
            next.push(Number(r));
            return '';
          });
        }
        frontier = next;
      }
      console.log(`${file}: ${served} of ${seen.size} geometry lines served from the text (${((100 * served) / seen.size).toFixed(1)} %)`);
      expect(served / seen.size).toBeGreaterThan(0.9);
    } finally {
      api.CloseModel(model);
    }
  });

  it('serves nothing with escaped strings, typed values or derived attributes, and nothing outside its subset; what it serves equals web-ifc', () => {
    const text = Buffer.from(
      "ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC2X3'));\nENDSEC;\nDATA;\n#1= IFCRELSPACEBOUNDARY('x''y',$,'2ndLevel',$,#2,$,#3,.PHYSICAL.,.EXTERNAL.);\n#2= IFCRELSPACEBOUNDARY('z',$,'Gel\\X\\E4nde',$,#2,$,#3,.PHYSICAL.,.EXTERNAL.);\n#3= IFCCONNECTIONSURFACEGEOMETRY(#4,$);\n#4= IFCCARTESIANPOINT((1.5,-2.,3.E2));\n#5= IFCTRIMMEDCURVE(#6,(IFCPARAMETERVALUE(0.)),(#4),.T.,.PARAMETER.);\n#6= IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);\n#7= IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.F.,#8);\n#8= IFCPOLYLINE((#4,#4));\nENDSEC;\nEND-ISO-10303-21;\n",
    );
    const anchors = new BoundaryAnchors();
    anchors.scan(new Uint8Array(text), 0);
    const source = new BytesModelSource(fromBytes(new Uint8Array(text), 't.ifc', null));
    const t = new GeometryText(source, anchors.offsets);
    source.dispose();
    expect([2, 5, 6].map((id) => t.line(id))).toEqual([undefined, undefined, undefined]);
    const model = api.OpenModel(new Uint8Array(text));
    try {
      for (const id of [1, 3, 4, 7, 8]) {
        const raw = api.GetRawLineData(model, id) as Raw;
        expect(t.line(id)).toEqual({ ID: raw.ID, type: raw.type, arguments: raw.arguments });
      }
      expect(t.line(1)!.arguments[0]).toEqual({ type: 1, value: "x'y" });
    } finally {
      api.CloseModel(model);
    }
  });
});
