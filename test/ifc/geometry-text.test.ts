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
      for (let i = 0; i < boundaries.size(); i++) frontier.push(((api.GetRawLineData(model, boundaries.get(i)) as Raw).arguments[6] as { value: number }).value);
      let served = 0;
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

  it('serves nothing with strings, typed values or derived attributes, and nothing outside the geometry subset', () => {
    const text = Buffer.from(
      "ISO-10303-21;\nDATA;\n#1= IFCRELSPACEBOUNDARY('x',$,$,$,#2,$,#3,.PHYSICAL.,.EXTERNAL.);\n#3= IFCCONNECTIONSURFACEGEOMETRY(#4,$);\n#4= IFCCARTESIANPOINT((1.5,-2.,3.E2));\n#5= IFCTRIMMEDCURVE(#6,(IFCPARAMETERVALUE(0.)),(#4),.T.,.PARAMETER.);\n#6= IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);\n#7= IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.F.,#8);\nENDSEC;\n",
    );
    const anchors = new BoundaryAnchors();
    anchors.scan(new Uint8Array(text), 0);
    const source = new BytesModelSource(fromBytes(new Uint8Array(text), 't.ifc', null));
    const t = new GeometryText(source, anchors.offsets);
    expect(t.line(1)).toBeUndefined();
    expect(t.line(3)).toEqual({ ID: 3, type: W.IFCCONNECTIONSURFACEGEOMETRY, arguments: [{ type: 5, value: 4 }, null] });
    expect(t.line(4)).toEqual({ ID: 4, type: W.IFCCARTESIANPOINT, arguments: [[{ type: 4, value: '1.5' }, { type: 4, value: '-2.' }, { type: 4, value: '3.E2' }]] });
    expect(t.line(5)).toBeUndefined();
    expect(t.line(6)).toBeUndefined();
    expect(t.line(7)).toEqual({ ID: 7, type: W.IFCCOMPOSITECURVESEGMENT, arguments: [{ type: 3, value: 'CONTINUOUS' }, { type: 3, value: false }, { type: 5, value: 8 }] });
  });
});
