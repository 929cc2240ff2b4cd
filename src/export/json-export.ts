// The JSON export: the schedule model as a versioned document, described field by field by
// assets/schema/room-schedule.schema.json. The document is written space by space (same bytes as
// JSON.stringify(doc, null, 2)) so a large model streams to disk with progress and can be cancelled.
import { AnnotationsJSON, annotationsToJSON } from '../core/schedule/annotation-json';
import { ExtractionWarning, ScheduleMetadata, Space, SpaceBoundary } from '../core/schedule/model';
import { ExportControl } from './export-options';
import { ExportSelection } from './export-selection';
import { EXPORTER } from './exporter-info';
import { SLICE_MS } from './row-progress';
import { TextSink } from './text-sink';

/** Keep in step with the schema's $id and its `schemaVersion` const. */
export const ROOM_SCHEDULE_SCHEMA_VERSION = '2.0.0';
export const ROOM_SCHEDULE_SCHEMA_ID = `urn:ifc-room-schedule:schema:room-schedule:${ROOM_SCHEDULE_SCHEMA_VERSION}`;

export type AnnotatedBoundary = SpaceBoundary & { annotation: string | null };
export type AnnotatedSpace = Omit<Space, 'boundaries'> & { boundaries: AnnotatedBoundary[]; annotation: string | null };

export interface ExportMetadata extends ScheduleMetadata {
  exportedAt: string;
  exportedBy: { app: string; version: string };
}

export interface RoomScheduleDocument {
  $schema: string;
  schemaVersion: string;
  metadata: ExportMetadata;
  spaces: AnnotatedSpace[];
  warnings: ExtractionWarning[];
  annotations: AnnotationsJSON;
}

/** The document with its spaces not yet annotated: the writer annotates them one at a time. */
function documentShell(selection: ExportSelection, exportedAt: Date): Omit<RoomScheduleDocument, 'spaces'> & { spaces: readonly Space[] } {
  // Key order is the order in the file.
  return {
    $schema: ROOM_SCHEDULE_SCHEMA_ID,
    schemaVersion: ROOM_SCHEDULE_SCHEMA_VERSION,
    metadata: { ...selection.schedule.metadata, exportedAt: exportedAt.toISOString(), exportedBy: { app: EXPORTER.app, version: EXPORTER.version } },
    spaces: selection.spaces,
    warnings: selection.schedule.warnings,
    annotations: annotationsToJSON(selection.annotations),
  };
}

/** The whole document in memory (for stdout, the clipboard and tests). */
export function roomScheduleDocument(selection: ExportSelection, exportedAt: Date = new Date()): RoomScheduleDocument {
  const shell = documentShell(selection, exportedAt);
  return { ...shell, spaces: shell.spaces.map((space) => annotatedSpace(selection, space)) };
}

function annotatedSpace(selection: ExportSelection, space: Space): AnnotatedSpace {
  return {
    ...space,
    boundaries: space.boundaries.map((b) => ({ ...b, annotation: selection.boundaryNote(b) })),
    annotation: selection.spaceNote(space),
  };
}

/**
 * JSON.stringify(value, null, 2) as it reads nested `depth` levels deep, without its first line's
 * indent: `value` is stringified inside `depth` arrays and their brackets are cut off (each level
 * adds "[\n" plus its indent before and "\n" plus its indent and "]" after). Re-indenting the text
 * with a replace took longer than the stringify itself (2-3x a plain stringify for the whole export).
 */
function nested(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const brackets = depth * (depth + 1);
  return text.slice(brackets + 2 * depth, text.length - brackets);
}

/**
 * Writes the document to `sink` exactly as JSON.stringify(roomScheduleDocument(…), null, 2) would,
 * one space at a time: a 60 MB export never exists as one string, and Cancel is seen between spaces.
 */
export async function writeJsonDocument(selection: ExportSelection, sink: TextSink, control: ExportControl, exportedAt: Date = new Date()): Promise<void> {
  const doc = documentShell(selection, exportedAt);
  const keys = Object.keys(doc) as (keyof typeof doc)[];
  const spaces = doc.spaces;
  let sliceStart = performance.now();
  await sink.write('{\n');
  for (const [i, key] of keys.entries()) {
    const comma = i < keys.length - 1 ? ',' : '';
    if (key !== 'spaces' || spaces.length === 0) {
      await sink.write(`  ${JSON.stringify(key)}: ${nested(doc[key], 1)}${comma}\n`);
      continue;
    }
    await sink.write('  "spaces": [\n');
    for (let s = 0; s < spaces.length; s++) {
      await sink.write(`    ${nested(annotatedSpace(selection, spaces[s]), 2)}${s < spaces.length - 1 ? ',' : ''}\n`);
      if (performance.now() - sliceStart < SLICE_MS) continue;
      control.throwIfCancelled();
      control.progress(s + 1, spaces.length, `Writing JSON: ${s + 1} / ${spaces.length} rooms`);
      await control.yieldToMessages();
      sliceStart = performance.now();
    }
    control.progress(spaces.length, spaces.length, `Writing JSON: ${spaces.length} / ${spaces.length} rooms`);
    await sink.write(`  ]${comma}\n`);
  }
  await sink.write('}');
}
