// Saves a model's notes shortly after each change, so a kill mid-edit loses at most the last
// keystrokes. Two windows may have the same model open: each save takes the notes file's lock,
// checks the file still holds what this window last read or wrote, and if another window saved
// meanwhile merges its notes in (annotation-merge.ts) instead of writing over them. A failing disk
// is reported once; the save is then retried quietly until it works again.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as lockfile from 'proper-lockfile';
import { fileError } from '../core/files/file-errors';
import { Disposable, disposableTimeout, MutableDisposable } from '../core/lifecycle';
import { OperationError } from '../core/operations/operation-error';
import { mergeAnnotations3, NotesMerge } from '../core/schedule/annotation-merge';
import { AnnotationSet } from '../core/schedule/annotations';
import { Annotations } from '../core/schedule/model';
import { annotationFilePath, LoadedAnnotations, notesFileText, parseNotesText, readNotesText, writeNotesText } from './annotation-file';

export interface AutosaveOptions {
  delayMs?: number;
  /** First quiet retry after a failed save; doubles up to a minute. */
  retryMs?: number;
  /** A save failed after working (or never worked): called once per failing streak. */
  onProblem?: (e: OperationError) => void;
  /** Saving works again after a problem. */
  onRecovered?: () => void;
  /** Notes another window saved were merged into this one. */
  onMerged?: (merge: NotesMerge) => void;
}

// proper-lockfile judges a lock stale by its age (2 s at the least). A lock whose holder was killed
// is taken over at once instead: while held, "<file>.lock.pid" names the holder, and a holder on
// this machine that is gone holds nothing. (Waiting 2 s after every crash, on the UI thread, made
// the crash-safety test 8x slower.)
const LOCK_STALE_MS = 2000;
const LOCK_WAIT_MS = LOCK_STALE_MS + 1000;
const MAX_RETRY_MS = 60_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const lockDir = (file: string) => `${file}.lock`;
const ownerFile = (file: string) => `${file}.lock.pid`;
const ownerText = () => `${process.pid} ${os.hostname()}`;

function holderIsGone(file: string): boolean {
  let owner: string;
  try {
    owner = fs.readFileSync(ownerFile(file), 'utf8');
  } catch {
    return false;
  }
  const [pid, host] = owner.split(' ');
  if (host !== os.hostname() || Number(pid) === process.pid || !/^\d+$/.test(pid)) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Holds the notes file's lock around `work`. Synchronous, as the last save runs on the way out of
 * the app; the lock is held for one read and one write, so waiting for it is short.
 */
function withNotesLock<T>(file: string, work: () => T): T {
  // The lock is a folder next to the file: the notes folder must exist first (the first save creates it).
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const until = Date.now() + LOCK_WAIT_MS;
  let release: () => void;
  for (;;) {
    try {
      release = lockfile.lockSync(file, { realpath: false, stale: LOCK_STALE_MS, lockfilePath: lockDir(file) });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED' || Date.now() > until) throw e;
      if (holderIsGone(file)) {
        fs.rmSync(ownerFile(file), { force: true });
        fs.rmSync(lockDir(file), { recursive: true, force: true });
      } else sleepSync(20);
    }
  }
  try {
    fs.writeFileSync(ownerFile(file), ownerText());
    return work();
  } finally {
    try {
      fs.rmSync(ownerFile(file), { force: true });
      release();
    } catch {
      // The lock was taken over as stale meanwhile: the write itself was atomic all the same.
    }
  }
}

export class AnnotationAutosave extends Disposable {
  private readonly pending = this.register(new MutableDisposable());
  private readonly file: string;
  private savedVersion: number;
  /** What the file held when this window last read or wrote it (null: no file). */
  private diskText: string | null;
  /** The notes as in `diskText`: the base of a merge. */
  private base: Annotations;
  private failing = false;
  private retryMs: number;
  lastError: OperationError | undefined;
  /** Why saving is refused for this model (its file exists but could not be read). */
  readonly blocked: string | undefined;

  constructor(
    private readonly set: AnnotationSet,
    dataDir: string,
    private readonly model: { name: string; sha256: string },
    loaded: LoadedAnnotations,
    private readonly options: AutosaveOptions = {},
  ) {
    super('AnnotationAutosave');
    this.file = annotationFilePath(dataDir, model.sha256);
    this.savedVersion = set.version;
    this.diskText = loaded.diskText;
    this.base = loaded.annotations;
    this.blocked = loaded.blocked;
    this.retryMs = options.retryMs ?? 2000;
    this.register(set.onDidChange(() => this.schedule(options.delayMs ?? 250)));
  }

  private schedule(delayMs: number): void {
    this.pending.value = disposableTimeout(() => this.flush(), delayMs, 'annotation-autosave', { owner: this });
  }

  /** Writes now if anything changed since the last write. */
  flush(): void {
    if (this.blocked !== undefined || this.set.version === this.savedVersion) return;
    try {
      withNotesLock(this.file, () => this.saveLocked());
    } catch (e) {
      this.lastError = fileError(e, this.file);
      if (!this.failing) {
        this.failing = true;
        this.options.onProblem?.(this.lastError);
      }
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      return;
    }
    this.lastError = undefined;
    this.retryMs = this.options.retryMs ?? 2000;
    if (this.failing) {
      this.failing = false;
      this.options.onRecovered?.();
    }
  }

  private saveLocked(): void {
    const onDisk = readNotesText(this.file);
    if (onDisk !== this.diskText && onDisk !== null) this.mergeFrom(onDisk);
    const notes = this.set.snapshot();
    const text = notesFileText(this.model, notes);
    writeNotesText(this.file, text);
    this.diskText = text;
    this.base = notes;
    this.savedVersion = this.set.version;
  }

  /** Another window saved since we read: bring its notes into this window before writing. */
  private mergeFrom(text: string): void {
    let theirs: Annotations;
    try {
      theirs = parseNotesText(text);
    } catch (e) {
      // Not ours to judge while the other window may be writing it; refuse and retry.
      throw new OperationError({ category: 'file', code: 'notes-changed-unreadable', message: `The notes file was changed by another program and cannot be read (${(e as Error).message}).`, suggestion: 'Close the other window that has this model open; the notes are kept here and saved once the file is readable.' });
    }
    const merge = mergeAnnotations3(this.base, this.set.snapshot(), theirs);
    for (const c of merge.changedForUs) this.set.set(c.target, c.key, c.text);
    if (merge.changedForUs.length > 0) this.options.onMerged?.(merge);
  }

  override dispose(): void {
    this.flush();
    // After the flush: a failed last save schedules a retry that no one will wait for.
    this.pending.clear();
    super.dispose();
  }
}
