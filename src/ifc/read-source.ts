// Reading a model file from disk into memory: in chunks, so progress is real bytes and a shutdown
// request is seen between chunks; .ifczip archives are unzipped here. Every failure ends in an
// OperationError naming the file (file-missing, file-unreadable, file-empty, zip-…).
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CancelledError } from '../core/operations/operation-error';
import { OperationProgress } from '../core/operations/protocol';
import { errorDetail, ifcErrors } from './errors';
import { looksLikeZip, unzipIfc } from './ifczip';

export interface LoadedModelFile {
  /** The IFC text (unzipped for .ifczip). */
  bytes: Uint8Array;
  name: string;
  path: string | null;
  container: 'ifc' | 'ifczip';
  /** Size and sha256 of the file as given (the archive for .ifczip). */
  fileSizeBytes: number;
  sha256: string;
}

export interface ReadOptions {
  onProgress?: (p: OperationProgress) => void;
  isCancelled?: () => boolean;
  /** Bytes per read; 8 MB keeps progress smooth without slowing the read. */
  chunkBytes?: number;
}

/** Turns a Node fs error into the user's message. */
export function fileError(filePath: string, e: unknown): Error {
  const name = path.basename(filePath);
  const code = (e as NodeJS.ErrnoException)?.code;
  const detail = errorDetail(e);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return ifcErrors.fileMissing(name, detail);
    case 'EACCES':
    case 'EPERM':
      return ifcErrors.fileUnreadable(name, 'permission denied', detail);
    case 'EISDIR':
      return ifcErrors.fileUnreadable(name, 'it is a folder, not a file', detail);
    case 'EBUSY':
      return ifcErrors.fileUnreadable(name, 'it is locked by another program', detail);
    case 'EIO':
      return ifcErrors.fileUnreadable(name, 'the disk reported an input/output error', detail);
    default:
      return ifcErrors.fileUnreadable(name, code ? `system error ${code}` : 'unexpected error', detail);
  }
}

export function formatMb(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0);
}

/** Reads a .ifc or .ifczip file completely. */
export async function readModelFile(filePath: string, options: ReadOptions = {}): Promise<LoadedModelFile> {
  const name = path.basename(filePath);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(filePath, 'r');
  } catch (e) {
    throw fileError(filePath, e);
  }
  let raw: Uint8Array;
  const hash = crypto.createHash('sha256');
  try {
    const stat = await handle.stat().catch((e: unknown) => {
      throw fileError(filePath, e);
    });
    if (stat.isDirectory()) throw ifcErrors.fileUnreadable(name, 'it is a folder, not a file');
    if (stat.size === 0) throw ifcErrors.fileEmpty(name);
    raw = new Uint8Array(stat.size);
    const chunk = options.chunkBytes ?? 8 * 1024 * 1024;
    let done = 0;
    while (done < stat.size) {
      if (options.isCancelled?.()) throw new CancelledError(`Opening "${name}"`);
      let n: number;
      try {
        ({ bytesRead: n } = await handle.read(raw, done, Math.min(chunk, stat.size - done), done));
      } catch (e) {
        throw fileError(filePath, e);
      }
      // The file shrank while we read it (being rewritten by its exporter): keep what is there.
      if (n === 0) break;
      done += n;
      options.onProgress?.({ phase: 'read', message: `Reading ${name}: ${formatMb(done)} / ${formatMb(stat.size)} MB`, done, total: stat.size, unit: 'bytes', fraction: done / stat.size });
    }
    if (done < stat.size) raw = raw.subarray(0, done);
    hash.update(raw);
  } finally {
    await handle.close().catch(() => undefined);
  }
  return fromBytes(raw, name, filePath, hash.digest('hex'));
}

/** Bytes of a .ifc or .ifczip (detected by content, not by name). */
export function fromBytes(raw: Uint8Array, name: string, filePath: string | null, sha256?: string): LoadedModelFile {
  if (raw.length === 0) throw ifcErrors.fileEmpty(name);
  const digest = sha256 ?? crypto.createHash('sha256').update(raw).digest('hex');
  if (!looksLikeZip(raw)) return { bytes: raw, name, path: filePath, container: 'ifc', fileSizeBytes: raw.length, sha256: digest };
  const { bytes } = unzipIfc(raw, name);
  if (bytes.length === 0) throw ifcErrors.fileEmpty(name);
  return { bytes, name, path: filePath, container: 'ifczip', fileSizeBytes: raw.length, sha256: digest };
}
