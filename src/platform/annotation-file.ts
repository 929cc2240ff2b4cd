// Where a model's annotations live: <data dir>/annotations/<sha256>.json, written atomically and
// autosaved shortly after each change, so a kill mid-edit loses at most the last keystrokes.
import * as fs from 'fs';
import * as path from 'path';
import { AnnotationSet } from '../core/schedule/annotations';
import { Annotations } from '../core/schedule/model';
import { Disposable, disposableTimeout, MutableDisposable } from '../core/lifecycle';
import { writeFileAtomicSync, removeStaleTempFiles } from './atomic-file';

export interface AnnotationFileContent {
  format: 'ifc-room-schedule/annotations';
  version: 1;
  model: { name: string; sha256: string };
  savedAt: string;
  annotations: Annotations;
}

export function annotationFilePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'annotations', `${sha256}.json`);
}

export interface LoadedAnnotations {
  annotations: Annotations;
  /** Set when a damaged file was found and moved aside (nothing is deleted). */
  warning?: string;
}

export function loadAnnotations(dataDir: string, sha256: string): LoadedAnnotations {
  const file = annotationFilePath(dataDir, sha256);
  removeStaleTempFiles(path.dirname(file));
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { annotations: { spaces: {}, boundaries: {} } };
  }
  try {
    const parsed = JSON.parse(text) as AnnotationFileContent;
    if (parsed.format !== 'ifc-room-schedule/annotations' || typeof parsed.annotations !== 'object') throw new Error('not an annotation file');
    return { annotations: { spaces: { ...parsed.annotations.spaces }, boundaries: { ...parsed.annotations.boundaries } } };
  } catch (e) {
    const aside = `${file}.damaged-${Date.now()}`;
    fs.renameSync(file, aside);
    return {
      annotations: { spaces: {}, boundaries: {} },
      warning: `The saved notes for this model could not be read (${(e as Error).message}); the file was kept as ${path.basename(aside)}.`,
    };
  }
}

export function saveAnnotations(dataDir: string, model: { name: string; sha256: string }, annotations: Annotations): void {
  const content: AnnotationFileContent = {
    format: 'ifc-room-schedule/annotations',
    version: 1,
    model,
    savedAt: new Date().toISOString(),
    annotations,
  };
  writeFileAtomicSync(annotationFilePath(dataDir, model.sha256), JSON.stringify(content, null, 1));
}

/** Saves an AnnotationSet `delayMs` after its last change, and once more on dispose. */
export class AnnotationAutosave extends Disposable {
  private readonly pending = this.register(new MutableDisposable());
  private savedVersion: number;
  lastError: Error | undefined;

  constructor(
    private readonly set: AnnotationSet,
    private readonly dataDir: string,
    private readonly model: { name: string; sha256: string },
    private readonly delayMs = 250,
    private readonly onError: (e: Error) => void = () => undefined,
  ) {
    super('AnnotationAutosave');
    this.savedVersion = set.version;
    this.register(set.onDidChange(() => this.schedule()));
  }

  private schedule(): void {
    this.pending.value = disposableTimeout(() => this.flush(), this.delayMs, 'annotation-autosave', { owner: this });
  }

  /** Writes now if anything changed since the last write. */
  flush(): void {
    if (this.set.version === this.savedVersion) return;
    try {
      saveAnnotations(this.dataDir, this.model, this.set.toJSON());
      this.savedVersion = this.set.version;
      this.lastError = undefined;
    } catch (e) {
      this.lastError = e as Error;
      this.onError(e as Error);
    }
  }

  override dispose(): void {
    this.pending.clear();
    this.flush();
    super.dispose();
  }
}
