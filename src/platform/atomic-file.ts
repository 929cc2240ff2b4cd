// The app's one way to replace a file: write a staged copy next to the target (same folder: rename
// is atomic only within one file system), fsync it, check the target may be replaced, rename it
// over the target, fsync the folder. A kill, a full disk or a read-only folder at any instant
// leaves the old content or the new one, never a torn, empty or half file; a failed write removes
// its staged copy. Notes, settings, the code cache, reports and every export go through here.
import * as fs from 'fs';
import * as path from 'path';
import { OperationError } from '../core/operations/operation-error';
import { fileError } from '../core/files/file-errors';

/** A file the write must never replace, with what it is to the user ("the input model"). */
export interface ProtectedFile {
  path: string;
  role: string;
}

// ".<target name>.<pid>-<time>-<random>.partial": the pid says whose it is, so a cleaner can tell
// a dead process's leftovers from a live writer's file.
const STAGED_NAME = /^\.(.+)\.(\d+)-([0-9a-z]+)-([0-9a-z]+)\.partial$/;

export function newStagingToken(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The staged name for `target`; `token` makes it unique to one write so its owner can clean up after a killed worker. */
export function stagedPath(target: string, token: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${token}.partial`);
}

function describeNonRegular(st: fs.Stats): string | undefined {
  if (st.isSymbolicLink()) return 'a symbolic link (writing would replace the link, not the file it points to)';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (!st.isFile()) return 'not a regular file';
  return undefined;
}

/**
 * Throws unless `target` is absent or a regular file that none of `protect` is: an export must never
 * replace the model it reads, the notes it was given, a symbolic link, a pipe or a device node.
 */
export function checkReplaceable(target: string, protect: readonly ProtectedFile[] = []): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileError(e, target, 'replace');
  }
  const name = path.basename(target);
  const odd = describeNonRegular(st);
  if (odd) {
    throw new OperationError({
      category: 'file',
      code: 'output-not-regular-file',
      message: `Will not write “${name}”: it is ${odd}.`,
      suggestion: st.isSymbolicLink() ? 'Give the path of the file itself, or another name.' : 'Choose the path of a regular file (or -o - for standard output).',
      detail: target,
    });
  }
  for (const p of protect) {
    let other: fs.Stats;
    try {
      other = fs.statSync(p.path);
    } catch {
      continue;
    }
    if (other.dev === st.dev && other.ino === st.ino) {
      throw new OperationError({
        category: 'file',
        code: 'output-is-input',
        message: `Will not write “${name}”: it is ${p.role}, which the export would destroy.`,
        suggestion: 'Choose another output name (-o).',
        detail: `${target} is ${p.path}`,
      });
    }
  }
}

function fsyncPath(p: string, flags: string): void {
  const fd = fs.openSync(p, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a finished staged file the target: fsync, checks, rename, fsync of the folder. Throws an OperationError. */
export function commitStaged(staged: string, target: string, protect: readonly ProtectedFile[] = []): void {
  try {
    fsyncPath(staged, 'r');
  } catch (e) {
    throw fileError(e, target);
  }
  checkReplaceable(target, protect);
  try {
    fs.renameSync(staged, target);
  } catch (e) {
    throw fileError(e, target, 'replace');
  }
  try {
    fsyncPath(path.dirname(target), 'r');
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  }
}

function removeQuietly(p: string): void {
  try {
    fs.rmSync(p, { force: true });
  } catch {
    // The folder itself is unusable (EACCES, EIO): there is nothing more we can do about the copy.
  }
}

/** Replaces `target` with `data` atomically, or throws an OperationError and leaves it as it was. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, protect: readonly ProtectedFile[] = []): void {
  const dir = path.dirname(target);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fileError(e, dir, 'create-folder');
  }
  removeStaleStagedFilesOnce(dir);
  const staged = stagedPath(target, newStagingToken());
  try {
    const fd = fs.openSync(staged, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, data);
    } finally {
      fs.closeSync(fd);
    }
    commitStaged(staged, target, protect);
  } catch (e) {
    removeQuietly(staged);
    throw fileError(e, target);
  }
}

/**
 * Writes several files as one: `write` fills one staged path per target, and only when all are
 * complete are they renamed into place. On any failure (cancellation included) the staged files are
 * removed, the targets left as they were, and the error rethrown as an OperationError.
 */
export async function writeAtomically(targets: readonly string[], token: string, write: (stagedPaths: string[]) => Promise<void>, protect: readonly ProtectedFile[] = []): Promise<string[]> {
  const staged = targets.map((t) => stagedPath(t, token));
  try {
    for (const dir of new Set(targets.map((t) => path.dirname(t)))) removeStaleStagedFilesOnce(dir);
    // Before any work: a minute of writing must not end in "it is a FIFO".
    for (const t of targets) checkReplaceable(t, protect);
    await write(staged);
    for (let i = 0; i < targets.length; i++) commitStaged(staged[i], targets[i], protect);
    return [...targets];
  } catch (e) {
    removeStagedFilesSync(targets, token);
    throw fileError(e, targets[0]);
  }
}

/** Removes what a write with `token` may have left (after a forced terminate no finally block ran). */
export function removeStagedFilesSync(targets: readonly string[], token: string): void {
  for (const t of targets) removeQuietly(stagedPath(t, token));
}

// Staged files of writes this thread's process may still finish (exports run in workers, which the
// main thread tracks here): removed on process exit, so a second Ctrl-C or SIGHUP leaves none.
const tracked = new Map<string, readonly string[]>();
let exitHook = false;

/** Records that `targets` are being staged under `token` until the returned function is called. */
export function trackStagedFiles(targets: readonly string[], token: string): () => void {
  const key = `${token}\0${targets.join('\0')}`;
  tracked.set(key, targets.map((t) => stagedPath(t, token)));
  if (!exitHook) {
    exitHook = true;
    process.on('exit', removeTrackedStagedFiles);
  }
  return () => void tracked.delete(key);
}

/** Removes every tracked staged file now (synchronous: it runs on the way out of the process). */
export function removeTrackedStagedFiles(): void {
  for (const files of tracked.values()) for (const f of files) removeQuietly(f);
  tracked.clear();
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How long a staged file must be untouched before a dead owner's copy is removed (a live writer touches it with every write). */
export const STALE_STAGED_MS = 60_000;
/** Past this a copy goes whatever its pid says (pids are reused; a network share may hold another host's files). */
const ABANDONED_STAGED_MS = 24 * 3600_000;

/**
 * Removes the staged files a killed process left in `dir`: only names this module makes, and only
 * when untouched for a minute and their process is gone (or untouched for a day). Returns the count.
 */
export function removeStaleStagedFiles(dir: string, now = Date.now()): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = STAGED_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    const p = path.join(dir, name);
    try {
      const st = fs.lstatSync(p);
      if (!st.isFile()) continue;
      const idle = now - st.mtimeMs;
      const ownerGone = pid !== process.pid && !processIsAlive(pid);
      if ((idle > STALE_STAGED_MS && ownerGone) || idle > ABANDONED_STAGED_MS) {
        fs.rmSync(p, { force: true });
        removed++;
      }
    } catch {
      // Gone already, or the folder refuses: leave it.
    }
  }
  return removed;
}

const cleanedDirs = new Set<string>();

/** removeStaleStagedFiles once per folder and process: a writer that saves every keystroke should not list its folder each time. */
export function removeStaleStagedFilesOnce(dir: string): void {
  const key = path.resolve(dir);
  if (cleanedDirs.has(key)) return;
  cleanedDirs.add(key);
  removeStaleStagedFiles(key);
}

