// What a failed file operation means to the user: one table of errno codes, read by every writer
// and reader (exports, notes, settings, the CLI's output checks), so "the disk is full" reads the
// same everywhere and a read-only folder is never reported as a missing one.
import * as path from 'path';
import { OperationError } from '../operations/operation-error';

export type FileAction = 'write' | 'read' | 'replace' | 'create-folder';

interface Reason {
  why: string;
  suggestion: string;
}

const REASONS: Record<string, Reason> = {
  ENOENT: { why: 'its folder does not exist', suggestion: 'Choose an existing folder, or create it first.' },
  ENOTDIR: { why: 'part of its path is a file, not a folder', suggestion: 'Check the path.' },
  EACCES: { why: 'you are not allowed to write there (permission denied)', suggestion: 'Choose a folder you can write to, or ask for the permission.' },
  EPERM: { why: 'the operation is not permitted there', suggestion: 'Choose another folder, or close the program that has the file open.' },
  EROFS: { why: 'the disk or folder is read-only', suggestion: 'Choose a folder on a writable disk.' },
  ENOSPC: { why: 'the disk is full', suggestion: 'Free some disk space or choose another disk; the previous file was kept as it was.' },
  EDQUOT: { why: 'your disk quota is used up', suggestion: 'Free some space or choose another disk; the previous file was kept as it was.' },
  EFBIG: { why: 'the file is larger than the disk allows', suggestion: 'Choose another disk, or export fewer rooms.' },
  EIO: { why: 'the disk reported an input/output error', suggestion: 'The disk or network share may be failing: copy your work elsewhere and check the disk.' },
  EISDIR: { why: 'a folder has that name', suggestion: 'Choose a file name, not a folder.' },
  EBUSY: { why: 'the file is in use', suggestion: 'Close the program that has the file open (Excel locks open workbooks) and try again.' },
  EMFILE: { why: 'too many files are open', suggestion: 'Close some programs and try again.' },
  ENAMETOOLONG: { why: 'its name or path is too long', suggestion: 'Choose a shorter name or a folder closer to the root.' },
  ELOOP: { why: 'its path has too many symbolic links (or a loop of them)', suggestion: 'Check the path.' },
  ENXIO: { why: 'it is a device or pipe nobody is reading', suggestion: 'Choose a regular file.' },
};

/** Read failures read differently: "does not exist" is about the file, not its folder. */
const READ_REASONS: Record<string, Reason> = {
  ENOENT: { why: 'it does not exist', suggestion: 'Check the path.' },
  EACCES: { why: 'you are not allowed to read it (permission denied)', suggestion: 'Check the file\'s permissions.' },
  EISDIR: { why: 'it is a folder, not a file', suggestion: 'Choose a file.' },
};

const VERB: Record<FileAction, string> = { write: 'write', read: 'read', replace: 'replace', 'create-folder': 'create the folder' };

export function errnoCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

/** Why `e` happened and what to do, in the user's words. */
export function fileErrorReason(e: unknown, action: FileAction = 'write'): Reason {
  const code = errnoCode(e);
  const known = (action === 'read' ? READ_REASONS[code] : undefined) ?? REASONS[code];
  if (known) return known;
  const message = (e as Error | undefined)?.message ?? String(e);
  return { why: message.replace(/\.$/, ''), suggestion: action === 'read' ? 'Check the file and try again.' : 'Check the path and the free disk space, then try again.' };
}

/** An OperationError for a failed file operation on `target`: message, suggestion and the technical detail. */
export function fileError(e: unknown, target: string, action: FileAction = 'write'): OperationError {
  if (e instanceof OperationError) return e;
  const code = errnoCode(e);
  const reason = fileErrorReason(e, action);
  return new OperationError({
    category: 'file',
    code: `${action}-${code ? code.toLowerCase() : 'failed'}`,
    message: `Could not ${VERB[action]} “${path.basename(target)}”: ${reason.why}.`,
    suggestion: reason.suggestion,
    detail: `${target}: ${(e as Error | undefined)?.stack ?? String(e)}`,
  });
}
