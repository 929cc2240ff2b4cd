// The check reads each model by its own schema: an IFC4X3 model (the buildingSMART gherkin sample
// with a site and a project) is checked with IFC4X3's entities and attributes, its units included.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkModelFile } from '../../src/ifc/ids/check-model';
import { loadIdsFile } from '../../src/ifc/ids/ids-file';
import { malformedModel } from '../support/fixtures';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ifcrs-ids-schemas-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function idsFile(name: string, specifications: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `<?xml version="1.0" encoding="utf-8"?>
<ids xmlns="http://standards.buildingsmart.org/IDS" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <info><title>${name}</title></info>
  <specifications>${specifications}</specifications>
</ids>`);
  return file;
}

const spec = (name: string, applicability: string, requirements: string) =>
  `<specification name="${name}" ifcVersion="IFC4X3_ADD2"><applicability minOccurs="1" maxOccurs="unbounded">${applicability}</applicability><requirements>${requirements}</requirements></specification>`;
const entity = (name: string) => `<entity><name><simpleValue>${name}</simpleValue></name></entity>`;
const attribute = (name: string) => `<attribute><name><simpleValue>${name}</simpleValue></name></attribute>`;

describe('checking an IFC4X3 model', () => {
  it('uses IFC4X3 attributes and relations: the site has a GlobalId but is not part of the project, whose name is empty', async () => {
    const ids = await loadIdsFile(
      idsFile(
        'site.ids',
        spec('Sites have a GlobalId', entity('IFCSITE'), attribute('GlobalId')) +
          spec('Sites belong to the project', entity('IFCSITE'), `<partOf relation="IFCRELAGGREGATES">${entity('IFCPROJECT')}</partOf>`) +
          spec('The project is named', entity('IFCPROJECT'), attribute('Name')),
      ),
    );
    const report = await checkModelFile(malformedModel('gherkin_fail-ifc101-IFC4X3.ifc'), ids);
    expect(report.model.schema).toBe('IFC4X3');
    expect(report.specifications.map((s) => [s.name, s.status, s.results.flatMap((r) => r.reasons)])).toEqual([
      ['Sites have a GlobalId', 'pass', []],
      ['Sites belong to the project', 'fail', ['is not part of anything through IFCRELAGGREGATES']],
      ['The project is named', 'fail', ['Name is an empty string']],
    ]);
  });

  it('says when the units cannot be read, since every measured value is compared in SI', async () => {
    const model = path.join(tmp, 'no-project.ifc');
    fs.writeFileSync(model, fs.readFileSync(malformedModel('gherkin_fail-ifc101-IFC4X3.ifc'), 'latin1').replace(/^#20=IFCPROJECT\(.*\);$/m, ''), 'latin1');
    const ids = await loadIdsFile(idsFile('site-id.ids', spec('Sites have a GlobalId', entity('IFCSITE'), attribute('GlobalId'))));
    const report = await checkModelFile(model, ids);
    expect(report.status).toBe('pass');
    expect(report.warnings).toEqual(['The model has no IfcProject: units and true north cannot be read; metres and north = +Y are assumed.']);
  });

  it('refuses an IDS naming an entity IFC4X3 does not have (IfcDoorStandardCase was dropped)', async () => {
    const file = idsFile('old-doors.ids', spec('Doors', entity('IFCDOORSTANDARDCASE'), attribute('Name')));
    await expect(loadIdsFile(file)).rejects.toThrow('"old-doors.ids" is not a valid IDS 1.0 file: specification "Doors": IFCDOORSTANDARDCASE is not an IFC entity.');
  });
});
