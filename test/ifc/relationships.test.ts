import * as fs from 'fs';
import { RelationshipCategory } from '../../src/core/schedule/model';
import { extractSchedule, extractScheduleFromFile } from '../../src/ifc/extract';
import { malformedModel, realModel } from '../support/fixtures';
import { extracted } from './support/extracted';

const categories = (rels: { category: RelationshipCategory }[]) => [...new Set(rels.map((r) => r.category))];

describe("a room's relationships", () => {
  it('OneZone.ifc: the room decomposes its storey, is bounded by its walls, slabs, window and door, and has a property set and a type', async () => {
    const room = (await extracted('OneZone.ifc')).spaces[0];
    expect(categories(room.relationships)).toEqual(['decomposes', 'boundedBy', 'definedByProperties', 'definedByType']);
    expect(room.relationships.find((r) => r.category === 'decomposes')).toMatchObject({ via: 'IfcRelAggregates', related: { type: 'IfcBuildingStorey', name: 'Geschoss' } });
    const bounded = room.relationships.filter((r) => r.category === 'boundedBy');
    // One entry per element: 8 boundaries on 8 different elements.
    expect(bounded).toHaveLength(8);
    expect(bounded.every((r) => r.via === 'IfcRelSpaceBoundary' && r.related.globalId)).toBe(true);
    expect(bounded.map((r) => r.related.type).sort()).toEqual(['IfcDoor', 'IfcSlab', 'IfcSlab', 'IfcWallStandardCase', 'IfcWallStandardCase', 'IfcWallStandardCase', 'IfcWallStandardCase', 'IfcWindow']);
    expect(room.relationships.find((r) => r.category === 'definedByType')).toMatchObject({ via: 'IfcRelDefinesByType', related: { type: 'IfcSpaceType', name: 'Hauptnutzfläche' } });
    expect(room.relationships.find((r) => r.category === 'definedByProperties')).toMatchObject({ via: 'IfcRelDefinesByProperties', related: { type: 'IfcPropertySet', name: 'AC_Pset_RenovationAndPhasing' } });
  });

  it('rooms in a zone list the zone, both as zone and as relationship (TwoZones.ifc with an IfcZone added)', async () => {
    // None of the fixtures groups its rooms in an IfcZone: add one, as ArchiCAD writes it (IFC2X3).
    const text = fs.readFileSync(realModel('TwoZones.ifc'), 'latin1').replace(
      /\nENDSEC;\s*\nEND-ISO-10303-21;/,
      "\n#900001= IFCZONE('2Zn$0000000000000000001',#15,'Wohnung',$,$);\n#900002= IFCRELASSIGNSTOGROUP('2Zn$0000000000000000002',#15,$,$,(#3381,#4750),$,#900001);\nENDSEC;\nEND-ISO-10303-21;",
    );
    const s = await extractSchedule({ bytes: new Uint8Array(Buffer.from(text, 'latin1')), name: 'TwoZones-zoned.ifc' });
    expect(s.metadata.counts.zones).toBe(1);
    for (const space of s.spaces) {
      expect(space.zones).toEqual([{ expressId: 900001, globalId: '2Zn$0000000000000000001', type: 'IfcZone', name: 'Wohnung', description: null }]);
      expect(space.relationships.filter((r) => r.category === 'inZone')).toEqual([{ category: 'inZone', via: 'IfcRelAssignsToGroup', related: space.zones[0] }]);
    }
  });

  it('a group that is not a zone serves the room (grf005: an IfcGroup)', async () => {
    const s = await extracted('grf005-ifc4_blank_map_conversion.ifc');
    const grouped = s.spaces.flatMap((x) => x.relationships.filter((r) => r.via === 'IfcRelAssignsToGroup'));
    expect(grouped.length).toBeGreaterThan(0);
    expect(grouped.every((r) => r.category === 'servesOrConnects' && r.related.type === 'IfcGroup')).toBe(true);
    expect(s.spaces.every((x) => x.zones.length === 0)).toBe(true);
  });

  it('LargeBuilding.ifc (Revit) rooms contain the elements placed in them (IfcRelContainedInSpatialStructure)', async () => {
    const contained = (await extracted('LargeBuilding.ifc')).spaces.flatMap((x) => x.relationships.filter((r) => r.category === 'contains'));
    expect(contained).toHaveLength(14);
    expect(contained.every((r) => r.via === 'IfcRelContainedInSpatialStructure' && r.related.globalId && r.related.type.startsWith('Ifc'))).toBe(true);
  });

  it('LargeBuilding.ifc (Revit) rooms list their property sets one by one', async () => {
    const room = (await extracted('LargeBuilding.ifc')).spaces[0];
    const psets = room.relationships.filter((r) => r.category === 'definedByProperties').map((r) => r.related.name);
    expect(psets).toEqual(expect.arrayContaining(room.propertySets.map((p) => p.name)));
  });

  it('a room with no relationships at all gets an empty list, which the UI shows as "none"', async () => {
    const s = await extractScheduleFromFile(malformedModel('gherkin_pass-spa000-activated_space_present.ifc'));
    expect(s.spaces).toHaveLength(1);
    expect(s.spaces[0].relationships).toEqual([]);
    expect(s.spaces[0].boundaries).toEqual([]);
    expect(s.spaces[0].zones).toEqual([]);
    expect(s.spaces[0].storey).toBeNull();
  });
});
