// Crash-safe file replacement: write a temp file in the same folder, fsync it, rename it over the
// target (atomic on POSIX), then fsync the folder. A kill at any instant leaves either the old or
// the new content, never a torn or empty file.
import * as fs from 'fs';
import * as path from 'path';

let counter = 0;

export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${++counter}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o644);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  }
}

/** Removes temp files a killed process left behind (older than a minute, so a live writer is safe). */
export function removeStaleTempFiles(dir: string, olderThanMs = 60_000): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  const cutoff = Date.now() - olderThanMs;
  for (const n of names) {
    if (!n.startsWith('.') || !n.endsWith('.tmp')) continue;
    const p = path.join(dir, n);
    try {
      if (fs.statSync(p).mtimeMs < cutoff) {
        fs.rmSync(p, { force: true });
        removed++;
      }
    } catch {
      // Gone already.
    }
  }
  return removed;
}
