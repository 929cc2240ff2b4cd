// "Save annotated IFC": a copy of the model with the user's notes in it, for the people who work
// from the IFC. Each annotated room gets a property set of the app's own (not a reserved Pset_
// name) holding its note and the notes on its surfaces. A space boundary cannot carry a property
// set (IfcRelDefinesByProperties relates objects, and a boundary is a relationship), and its Name
// and Description already say its level ("2ndLevel", "2a"), so a surface's note goes into the
// room's set under the boundary's GlobalId, with the bounding element named in its description.
// Written with web-ifc's own writer (SaveModel); the original file is only read.
import * as fs from 'fs';
import * as path from 'path';
import * as W from 'web-ifc';
import type { IfcAPI } from 'web-ifc';
import { OperationError } from '../core/operations/operation-error';
import { annotationKey, Annotations } from '../core/schedule/model';
import { readModelFile } from './read-source';
import { ifcClassName } from './schema/type-codes';
import { ifcEngine } from './web-ifc-runtime';

/** The property set the notes go into, and its properties. */
export const NOTES_PSET = 'IfcRoomSchedule_Notes';
export const ROOM_NOTE_PROPERTY = 'Note';
export const SURFACE_NOTE_PREFIX = 'Surface ';

export interface AnnotatedCopyResult {
  rooms: number;
  surfaces: number;
  /** Notes whose room or boundary the model does not have (the model changed since they were written). */
  unmatched: number;
}

/** A reference to another line, as web-ifc reads it (a Handle). */
interface Ref {
  value: number;
}

function ref(api: IfcAPI, model: number, type: number, value: unknown): unknown {
  return api.CreateIfcType(model, type, value);
}

function keyOf(line: { expressID: number; GlobalId?: { value: string } | null }): string {
  return annotationKey({ expressId: line.expressID, globalId: line.GlobalId?.value ?? null });
}

function describeElement(api: IfcAPI, model: number, boundary: { RelatedBuildingElement?: Ref | null }): string | null {
  const id = boundary.RelatedBuildingElement?.value;
  if (!id) return null;
  const el = api.GetLine(model, id) as { Name?: { value: string } | null };
  const type = ifcClassName(api.GetNameFromTypeCode(api.GetLineType(model, id)));
  return `${type}${el.Name?.value ? ` "${el.Name.value}"` : ''}`;
}

/** Adds the notes to the open model; returns what was written. */
export function addNotes(api: IfcAPI, model: number, notes: Annotations): AnnotatedCopyResult {
  const spaces = new Map<string, { expressID: number; OwnerHistory: Ref | null }>();
  for (const id of api.GetLineIDsWithType(model, W.IFCSPACE, true)) {
    const line = api.GetLine(model, id) as { expressID: number; GlobalId?: { value: string }; OwnerHistory: Ref | null };
    spaces.set(keyOf(line), line);
  }
  const surfaceNotes = new Map<number, { key: string; note: string; element: string | null }[]>();
  let unmatched = 0;
  const boundaryNotes = new Map([...notes.boundaries].filter(([, n]) => n.trim()));
  for (const id of api.GetLineIDsWithType(model, W.IFCRELSPACEBOUNDARY, true)) {
    const line = api.GetLine(model, id) as { expressID: number; GlobalId?: { value: string }; RelatingSpace?: Ref | null; RelatedBuildingElement?: Ref | null };
    const key = keyOf(line);
    const note = boundaryNotes.get(key);
    if (note === undefined || !line.RelatingSpace) continue;
    boundaryNotes.delete(key);
    const list = surfaceNotes.get(line.RelatingSpace.value) ?? [];
    list.push({ key, note, element: describeElement(api, model, line) });
    surfaceNotes.set(line.RelatingSpace.value, list);
  }
  unmatched += boundaryNotes.size;
  let rooms = 0;
  let surfaces = 0;
  const text = (v: string) => ref(api, model, W.IFCTEXT, v);
  const label = (v: string) => ref(api, model, W.IFCLABEL, v);
  const identifier = (v: string) => ref(api, model, W.IFCIDENTIFIER, v);
  const globalId = () => api.CreateIFCGloballyUniqueId(model) as unknown;
  for (const [key, space] of spaces) {
    const roomNote = notes.spaces.get(key)?.trim() ? notes.spaces.get(key) : undefined;
    const surface = surfaceNotes.get(space.expressID) ?? [];
    if (roomNote === undefined && surface.length === 0) continue;
    const properties: unknown[] = [];
    if (roomNote !== undefined) properties.push(api.CreateIfcEntity(model, W.IFCPROPERTYSINGLEVALUE, identifier(ROOM_NOTE_PROPERTY), text('The note on this room written in IFC Room Schedule'), text(roomNote), null));
    for (const s of surface) properties.push(api.CreateIfcEntity(model, W.IFCPROPERTYSINGLEVALUE, identifier(`${SURFACE_NOTE_PREFIX}${s.key}`), text(`Note on the space boundary ${s.key}${s.element ? ` (${s.element})` : ''}`), text(s.note), null));
    const pset = api.CreateIfcEntity(model, W.IFCPROPERTYSET, globalId(), space.OwnerHistory, label(NOTES_PSET), text('Notes written in IFC Room Schedule'), properties);
    const rel = api.CreateIfcEntity(model, W.IFCRELDEFINESBYPROPERTIES, globalId(), space.OwnerHistory, null, null, [new W.Handle(space.expressID)], pset);
    api.WriteLine(model, rel);
    rooms += roomNote !== undefined ? 1 : 0;
    surfaces += surface.length;
  }
  unmatched += [...notes.spaces].filter(([k, n]) => n.trim() && !spaces.has(k)).length;
  return { rooms, surfaces, unmatched };
}

function refuseOriginal(source: string, target: string): void {
  const same = (() => {
    try {
      return fs.realpathSync(source) === fs.realpathSync(target);
    } catch {
      return path.resolve(source) === path.resolve(target);
    }
  })();
  if (same) {
    throw new OperationError({ category: 'file', code: 'annotated-copy-is-original', message: `The annotated copy cannot replace the model itself (“${path.basename(source)}”).`, suggestion: 'Choose another file name, e.g. model-annotated.ifc.' });
  }
  if (/\.ifczip$/i.test(target)) {
    throw new OperationError({ category: 'file', code: 'annotated-copy-zip', message: 'The annotated copy is written as plain .ifc, not .ifczip.', suggestion: 'Give the file name an .ifc extension.' });
  }
}

/** The model at `source` with `notes` added, as IFC text (the caller writes it where it belongs). */
export async function annotatedModelBytes(source: string, target: string, notes: Annotations): Promise<{ bytes: Uint8Array; result: AnnotatedCopyResult }> {
  refuseOriginal(source, target);
  const file = await readModelFile(source);
  const api = await ifcEngine();
  const model = api.OpenModel(file.bytes, { COORDINATE_TO_ORIGIN: false });
  if (model < 0) throw new OperationError({ category: 'parse', code: 'annotated-copy-unreadable', message: `“${file.name}” could not be opened to write the notes into it.`, suggestion: 'Open the model in the app first to see what is wrong with it.' });
  try {
    const result = addNotes(api, model, notes);
    return { bytes: api.SaveModel(model), result };
  } finally {
    api.CloseModel(model);
  }
}
