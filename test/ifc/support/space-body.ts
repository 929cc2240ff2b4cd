// An independent measure of a room's floor area for tests: the area of the room's own body (its
// Representation, not its boundaries): the profile of its IfcExtrudedAreaSolid, or its FootPrint
// curves. Read straight from web-ifc lines, without the engine's geometry code.
import * as W from 'web-ifc';

type Raw = { type: number; arguments: any[] };

export function spaceBodyAreas(api: W.IfcAPI, modelId: number, lengthToMetres: number): Map<number, number> {
  const line = (id: number) => api.GetRawLineData(modelId, id) as Raw;
  const coords = (id: number) => (line(id).arguments[0] as { value: string }[]).map((c) => Number(c.value));
  const points = (curveId: number): number[][] => {
    const c = line(curveId);
    if (c.type === W.IFCPOLYLINE) return (c.arguments[0] as { value: number }[]).map((p) => coords(p.value));
    if (c.type === W.IFCCOMPOSITECURVE) {
      return (c.arguments[0] as { value: number }[]).flatMap((s) => {
        const seg = line(s.value);
        const pts = points(seg.arguments[2].value);
        return seg.arguments[1].value === false ? pts.reverse() : pts;
      });
    }
    throw new Error(`curve ${api.GetNameFromTypeCode(c.type)} not handled by the test helper`);
  };
  const shoelace = (p: number[][]) => Math.abs(p.reduce((a, [x1, y1], i) => a + x1 * p[(i + 1) % p.length][1] - p[(i + 1) % p.length][0] * y1, 0)) / 2;
  const out = new Map<number, number>();
  const ids = api.GetLineIDsWithType(modelId, W.IFCSPACE);
  for (let i = 0; i < ids.size(); i++) {
    const space = line(ids.get(i));
    let area: number | undefined;
    for (const r of line(space.arguments[6].value).arguments[2] as { value: number }[]) {
      const rep = line(r.value);
      const identifier = rep.arguments[1]?.value;
      for (const it of rep.arguments[3] as { value: number }[]) {
        const item = line(it.value);
        if (identifier === 'Body' && item.type === W.IFCEXTRUDEDAREASOLID) {
          const profile = line(item.arguments[0].value);
          if (profile.type === W.IFCRECTANGLEPROFILEDEF) area = Number(profile.arguments[3].value) * Number(profile.arguments[4].value);
          else if (profile.type === W.IFCARBITRARYCLOSEDPROFILEDEF) area = shoelace(points(profile.arguments[2].value));
        } else if (identifier === 'FootPrint' && item.type === W.IFCGEOMETRICCURVESET && area === undefined) {
          area = (item.arguments[0] as { value: number }[]).reduce((a, c) => a + shoelace(points(c.value)), 0);
        }
      }
    }
    if (area !== undefined) out.set(ids.get(i), area * lengthToMetres * lengthToMetres);
  }
  return out;
}
