import * as fs from 'fs';
import * as path from 'path';
import { annotationKey } from '../../src/core/schedule/model';
import { UNATTENDED_EXPORT } from '../../src/export/export-options';
import { exportSchedule } from '../../src/export/export-schedule';
import { ExportSelection } from '../../src/export/export-selection';
import { EXPORTER } from '../../src/export/exporter-info';
import { RoomScheduleDocument, roomScheduleDocument, ROOM_SCHEDULE_SCHEMA_ID, ROOM_SCHEDULE_SCHEMA_VERSION } from '../../src/export/json-export';
import { useLeakCheck } from '../support/leak-check';
import { loadRoomScheduleSchema, roomScheduleValidator, undocumentedFields } from '../support/schema-check';
import { boundaryCount, extracted } from '../ifc/support/extracted';
import { editableScheduleOf, tempFolder } from './schedules';
import { annotationsFromJSON } from '../../src/core/schedule/annotation-json';

const schema = loadRoomScheduleSchema();
const validate = roomScheduleValidator(schema);

async function exportJson(dir: string, name: string): Promise<RoomScheduleDocument> {
  const file = path.join(dir, 'out.json');
  await exportSchedule(await extracted(name), undefined, { format: 'json', outPath: file }, UNATTENDED_EXPORT);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RoomScheduleDocument;
}

describe('exporting a room schedule as JSON', () => {
  useLeakCheck();
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('json')));
  afterEach(() => tmp.remove());

  it('MultiZoneBuilding.ifc exports 13 spaces and 126 boundaries, and the file validates against the schema', async () => {
    const doc = await exportJson(tmp.dir, 'MultiZoneBuilding.ifc');
    expect(doc.spaces).toHaveLength(13);
    expect(doc.spaces.reduce((n, s) => n + s.boundaries.length, 0)).toBe(126);
    expect(validate(doc)).toEqual([]);
    expect(doc.$schema).toBe(ROOM_SCHEDULE_SCHEMA_ID);
    expect(schema.$id).toBe(ROOM_SCHEDULE_SCHEMA_ID);
    expect(doc.schemaVersion).toBe(ROOM_SCHEDULE_SCHEMA_VERSION);
  });

  it('carries the source file, schema, authoring tool, export time and app version in its metadata', async () => {
    const doc = await exportJson(tmp.dir, 'MultiZoneBuilding.ifc');
    const m = doc.metadata;
    expect(m.source).toMatchObject({ name: 'MultiZoneBuilding.ifc', sizeBytes: 2953221, container: 'ifc' });
    expect(m.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.schema).toBe('IFC2X3');
    expect(m.authoringTool).toMatch(/ArchiCAD/i);
    expect(Date.now() - Date.parse(m.exportedAt)).toBeLessThan(60_000);
    expect(m.exportedBy).toEqual({ app: 'ifc-room-schedule', version: EXPORTER.version });
    expect(m.counts.spaces).toBe(13);
  });

  it('uses the key names other tools rely on, for spaces, boundaries and their related element', async () => {
    const doc = await exportJson(tmp.dir, 'MultiZoneBuilding.ifc');
    const space = doc.spaces[0];
    for (const key of ['globalId', 'name', 'longName', 'storey', 'quantities', 'boundaries', 'relationships', 'annotation']) expect(space).toHaveProperty(key);
    const boundary = doc.spaces.flatMap((s) => s.boundaries).find((b) => b.relatedElement !== null)!;
    for (const key of ['globalId', 'level', 'physicalOrVirtual', 'internalOrExternal', 'relatedElement', 'area', 'areaIssue', 'orientation', 'annotation']) expect(boundary).toHaveProperty(key);
    expect(Object.keys(boundary.relatedElement!)).toEqual(expect.arrayContaining(['globalId', 'type', 'name']));
  });

  it('every real model in the fixtures exports a document that validates against the schema', async () => {
    const names = ['OneZone.ifc', 'TwoZones.ifc', 'SWW-5_SB.ifc', 'LargeBuilding.ifc', 'TallBuilding.ifc', 'RooftopBuilding4ZonesThin.ifc', 'grf005-ifc4_blank_map_conversion.ifc', 'Schependomlaan_ROOT-houten_kozijnen.ifczip'];
    for (const name of names) {
      const doc = roomScheduleDocument(new ExportSelection(await extracted(name), undefined, undefined));
      // Through a JSON round trip, as a reader of the file would see it.
      const errors = validate(JSON.parse(JSON.stringify(doc)));
      expect({ name, errors: errors.slice(0, 5) }).toEqual({ name, errors: [] });
    }
  }, 120_000);

  it('the file written space by space is exactly JSON.stringify(document, null, 2)', async () => {
    const schedule = await extracted('TwoZones.ifc');
    const file = path.join(tmp.dir, 'two.json');
    await exportSchedule(schedule, undefined, { format: 'json', outPath: file }, UNATTENDED_EXPORT);
    const written = fs.readFileSync(file, 'utf8');
    const parsed = JSON.parse(written) as RoomScheduleDocument;
    const expected = roomScheduleDocument(new ExportSelection(schedule, undefined, undefined), new Date(parsed.metadata.exportedAt));
    expect(written).toBe(JSON.stringify(expected, null, 2));
  });

  it('the user\'s notes appear on their space and boundary and in the annotations map, with unicode and newlines intact', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const space = schedule.spaces[3];
    const boundary = space.boundaries[1];
    const notes = { spaces: { [annotationKey(space)]: 'Büro „Nord“, 2. OG\nSee plan A-101 — 会议室' }, boundaries: { [annotationKey(boundary)]: 'Window seal leaks, "urgent"' } };
    const file = path.join(tmp.dir, 'notes.json');
    await exportSchedule(schedule, annotationsFromJSON(notes), { format: 'json', outPath: file }, UNATTENDED_EXPORT);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as RoomScheduleDocument;
    expect(doc.spaces[3].annotation).toBe(notes.spaces[annotationKey(space)]);
    expect(doc.spaces[3].boundaries[1].annotation).toBe('Window seal leaks, "urgent"');
    expect(doc.spaces[0].annotation).toBeNull();
    expect(doc.annotations).toEqual(notes);
    expect(validate(doc)).toEqual([]);
  });

  it('a filtered export holds only the chosen spaces and only their notes', async () => {
    const schedule = await extracted('MultiZoneBuilding.ifc');
    const [a, b] = [schedule.spaces[0], schedule.spaces[5]];
    const notes = { spaces: { [annotationKey(a)]: 'keep', [annotationKey(schedule.spaces[1])]: 'not exported' }, boundaries: {} };
    const doc = roomScheduleDocument(new ExportSelection(schedule, annotationsFromJSON(notes), [annotationKey(a), annotationKey(b)]));
    expect(doc.spaces.map((s) => s.globalId)).toEqual([a.globalId, b.globalId]);
    expect(doc.annotations.spaces).toEqual({ [annotationKey(a)]: 'keep' });
    expect(validate(doc)).toEqual([]);
  });
});

describe('the room-schedule JSON Schema', () => {
  it('is draft 2020-12, versioned, and says what every field is', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/:2\.0\.0$/);
    expect(undocumentedFields(schema)).toEqual([]);
  });

  it('rejects a document that breaks it: a missing GlobalId, a text area, an unknown field, a bad level', async () => {
    const schedule = await editableScheduleOf('TwoZones.ifc');
    const doc = JSON.parse(JSON.stringify(roomScheduleDocument(new ExportSelection(schedule, undefined, undefined)))) as Record<string, unknown> & RoomScheduleDocument;
    delete (doc.spaces[0] as Partial<RoomScheduleDocument['spaces'][0]>).globalId;
    (doc.spaces[0].boundaries[0] as unknown as Record<string, unknown>).area = '12 m²';
    (doc.spaces[1] as unknown as Record<string, unknown>).colour = 'blue';
    (doc.spaces[1].boundaries[0] as unknown as Record<string, unknown>).level = '3rdLevel';
    const errors = validate(doc);
    expect(errors).toEqual(
      expect.arrayContaining([
        "/spaces/0 must have required property 'globalId'",
        '/spaces/0/boundaries/0/area must be number,null',
        '/spaces/1 must NOT have additional properties (colour)',
        '/spaces/1/boundaries/0/level must be equal to one of the allowed values',
      ]),
    );
    expect(boundaryCount(schedule)).toBe(16);
  });
});
