// "Save annotated IFC" / --write-ifc: the notes go into a copy of the model as the app's own
// property set; the copy, read again, is the same schedule plus that set; the original is untouched.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { annotationKey, RoomSchedule } from '../../src/core/schedule/model';
import { annotatedModelBytes, NOTES_PSET, ROOM_NOTE_PROPERTY, SURFACE_NOTE_PREFIX } from '../../src/ifc/annotated-copy';
import { extractScheduleFromFile } from '../../src/ifc/extract';
import { realModel } from '../support/fixtures';
import { tempFolder } from '../export/schedules';
import { extracted } from './support/extracted';
import { annotationsFromJSON } from '../../src/core/schedule/annotation-json';

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** What must not change between a model and its annotated copy. */
function comparable(s: RoomSchedule) {
  return s.spaces.map((x) => ({
    ...x,
    propertySets: x.propertySets.filter((p) => p.name !== NOTES_PSET).map((p) => ({ ...p, globalId: null })),
    relationships: x.relationships.filter((r) => r.category !== 'definedByProperties'),
    expressId: 0,
    boundaries: x.boundaries.map((b) => ({ ...b, expressId: 0, relatedElement: b.relatedElement && { ...b.relatedElement, expressId: 0 }, adjacentSpace: b.adjacentSpace && { ...b.adjacentSpace, expressId: 0 } })),
  }));
}

describe('writing the notes back into a copy of the model', () => {
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('annotated')));
  afterEach(() => tmp.remove());

  it('SWW-5_SB.ifc: the room and surface notes are in the copy as IfcRoomSchedule_Notes, everything else reads the same', async () => {
    const source = realModel('SWW-5_SB.ifc');
    const before = sha(source);
    const original = await extracted('SWW-5_SB.ifc');
    const [a, b] = original.spaces;
    const surface = b.boundaries.find((x) => x.relatedElement)!;
    const notes = { spaces: { [annotationKey(a)]: 'Küche – Fliesen prüfen\nzweite Zeile', [annotationKey(b)]: 'Büro "Nord"' }, boundaries: { [annotationKey(surface)]: 'Riss im Putz' } };
    const target = path.join(tmp.dir, 'SWW-5_SB-annotated.ifc');
    const { bytes, result } = await annotatedModelBytes(source, target, annotationsFromJSON(notes));
    expect(result).toEqual({ rooms: 2, surfaces: 1, unmatched: 0 });
    fs.writeFileSync(target, bytes);
    expect(sha(source)).toBe(before);

    const copy = await extractScheduleFromFile(target);
    const setOf = (globalId: string | null) => copy.spaces.find((s) => s.globalId === globalId)!.propertySets.find((p) => p.name === NOTES_PSET);
    expect(setOf(a.globalId)!.properties).toEqual([expect.objectContaining({ name: ROOM_NOTE_PROPERTY, value: 'Küche – Fliesen prüfen\nzweite Zeile' })]);
    expect(setOf(b.globalId)!.properties.map((p) => [p.name, p.value])).toEqual([
      [ROOM_NOTE_PROPERTY, 'Büro "Nord"'],
      [`${SURFACE_NOTE_PREFIX}${surface.globalId}`, 'Riss im Putz'],
    ]);
    expect(copy.spaces.filter((s) => setOf(s.globalId))).toHaveLength(2);
    expect(comparable(copy)).toEqual(comparable(original));
  });

  it('refuses to write over the model itself', async () => {
    const source = realModel('OneZone.ifc');
    await expect(annotatedModelBytes(source, source, { spaces: new Map(), boundaries: new Map() })).rejects.toThrow(/cannot replace the model itself/);
  });
});
