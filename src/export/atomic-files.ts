// Exports are written to hidden temp files next to their targets and renamed into place only when
// every file of the export is complete: a cancelled, failed or killed export never leaves a half
// file under the name the user asked for, and an existing file is replaced only by a whole one.
// Same folder, because rename is atomic only within one file system.
import * as fs from 'fs';
import * as path from 'path';
import { OperationError } from '../core/operations/operation-error';

/** The temp name for `target`; `token` makes it unique to one export so its owner can clean up after a killed worker. */
export function stagedPath(target: string, token: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${token}.partial`);
}

export function newStagingToken(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Removes what an export with `token` may have left (after a forced terminate no finally block ran). */
export async function removeStagedFiles(targets: readonly string[], token: string): Promise<void> {
  await Promise.all(targets.map((t) => fs.promises.rm(stagedPath(t, token), { force: true })));
}

/**
 * Calls `write` with one temp path per target, then renames them all into place. On any failure
 * (cancellation included) the temp files are removed, the targets left as they were, and the
 * error rethrown, file-system errors as an OperationError the user can act on.
 */
export async function writeAtomically(targets: readonly string[], token: string, write: (tempPaths: string[]) => Promise<void>): Promise<string[]> {
  const temps = targets.map((t) => stagedPath(t, token));
  try {
    await write(temps);
    for (let i = 0; i < targets.length; i++) await fs.promises.rename(temps[i], targets[i]);
    return [...targets];
  } catch (e) {
    await removeStagedFiles(targets, token);
    throw e instanceof OperationError ? e : writeError(e, targets[0]);
  }
}

const REASONS: Record<string, { why: string; suggestion: string }> = {
  ENOENT: { why: 'its folder does not exist', suggestion: 'Choose an existing folder, or create it first.' },
  ENOTDIR: { why: 'part of its path is a file, not a folder', suggestion: 'Check the output path.' },
  EACCES: { why: 'you are not allowed to write there', suggestion: 'Choose a folder you can write to.' },
  EPERM: { why: 'you are not allowed to write there', suggestion: 'Choose a folder you can write to, or close the program that has the file open.' },
  EROFS: { why: 'the disk is read-only', suggestion: 'Choose a folder on a writable disk.' },
  ENOSPC: { why: 'the disk is full', suggestion: 'Free some disk space or choose another disk.' },
  EDQUOT: { why: 'your disk quota is used up', suggestion: 'Free some space or choose another disk.' },
  EISDIR: { why: 'a folder has that name', suggestion: 'Choose a file name, not a folder.' },
  EBUSY: { why: 'the file is in use', suggestion: 'Close the program that has the file open (Excel locks open workbooks) and export again.' },
};

export function writeError(e: unknown, target: string): OperationError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = REASONS[code] ?? { why: (e as Error | undefined)?.message ?? String(e), suggestion: 'Check the output path and the free disk space, then export again.' };
  return new OperationError({
    category: 'file',
    code: `write-${code ? code.toLowerCase() : 'failed'}`,
    message: `Could not write “${path.basename(target)}”: ${reason.why}.`,
    suggestion: reason.suggestion,
    detail: `${target}: ${(e as Error | undefined)?.stack ?? String(e)}`,
  });
}
