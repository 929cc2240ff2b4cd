// Where a model's annotations live: <data dir>/annotations/<sha256>.json, written atomically. The
// rule that protects them: a notes file that exists but cannot be read (permissions, a failing
// disk, a damaged file that cannot be moved aside) is never taken for "no notes", and never
// written over; only a missing file is.
import * as fs from 'fs';
import * as path from 'path';
import { errnoCode, fileErrorReason } from '../core/files/file-errors';
import { AnnotationsJSON, annotationsFromJSON, annotationsToJSON, emptyAnnotations } from '../core/schedule/annotation-json';
import { Annotations } from '../core/schedule/model';
import { removeStaleStagedFiles, writeFileAtomicSync } from './atomic-file';

export interface AnnotationFileContent {
  format: 'ifc-room-schedule/annotations';
  version: 1;
  model: { name: string; sha256: string };
  savedAt: string;
  annotations: AnnotationsJSON;
}

export function annotationFilePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'annotations', `${sha256}.json`);
}

export interface LoadedAnnotations {
  annotations: Annotations;
  /** What the user must be told: a damaged file was moved aside, or the notes could not be read. */
  warning?: string;
  /** Set when the file must not be written over (it exists but could not be read): why. */
  blocked?: string;
  /** The file's text as read (null: there was none): a save first checks nobody changed it since. */
  diskText: string | null;
}

/** The file's text, null when there is none; any other failure throws (it is not "no notes"). */
export function readNotesText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw e;
  }
}

/** Parses a notes file's text; throws an Error saying what is wrong with it. */
export function parseNotesText(text: string): Annotations {
  const parsed = JSON.parse(text) as Partial<AnnotationFileContent>;
  if (parsed.format !== 'ifc-room-schedule/annotations') throw new Error('not an annotation file');
  return annotationsFromJSON(parsed.annotations);
}

export function loadAnnotations(dataDir: string, sha256: string): LoadedAnnotations {
  const file = annotationFilePath(dataDir, sha256);
  removeStaleStagedFiles(path.dirname(file));
  let text: string | null;
  try {
    text = readNotesText(file);
  } catch (e) {
    const why = fileErrorReason(e, 'read').why;
    return {
      annotations: emptyAnnotations(),
      diskText: null,
      blocked: why,
      warning: `The saved notes for this model could not be read: ${why}. The file was left untouched, and new notes will not be saved over it; they are still included in exports.`,
    };
  }
  if (text === null) return { annotations: emptyAnnotations(), diskText: null };
  try {
    return { annotations: parseNotesText(text), diskText: text };
  } catch (e) {
    const damage = (e as Error).message;
    const aside = `${file}.damaged-${Date.now()}`;
    try {
      fs.renameSync(file, aside);
    } catch (moveError) {
      // A read-only data folder: the damaged file stays where it is, and nothing is saved over it.
      const why = fileErrorReason(moveError).why;
      return {
        annotations: emptyAnnotations(),
        diskText: text,
        blocked: `it is damaged and could not be moved aside (${why})`,
        warning: `The saved notes for this model could not be read (${damage}) and could not be moved aside: ${why}. The file was left untouched, and new notes will not be saved over it.`,
      };
    }
    return {
      annotations: emptyAnnotations(),
      diskText: null,
      warning: `The saved notes for this model could not be read (${damage}); the file was kept as ${path.basename(aside)}.`,
    };
  }
}

/** The file's text for `annotations` (what saveAnnotations writes). */
export function notesFileText(model: { name: string; sha256: string }, annotations: Annotations): string {
  const content: AnnotationFileContent = {
    format: 'ifc-room-schedule/annotations',
    version: 1,
    model,
    savedAt: new Date().toISOString(),
    annotations: annotationsToJSON(annotations),
  };
  return JSON.stringify(content, null, 1);
}

/** Replaces the notes file with `text`, atomically; throws an OperationError and keeps the old one on failure. */
export function writeNotesText(file: string, text: string): void {
  writeFileAtomicSync(file, text);
}
