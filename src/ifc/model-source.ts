// Where web-ifc reads the IFC text from. A plain .ifc on disk is streamed straight from the file into
// the WASM heap (measured on a 202 MB model: peak RSS 518 MB instead of 718 MB when the whole file is
// first read into a Buffer, and no slower); bytes already in memory and unzipped .ifczip are read
// from memory. The sha256 of a streamed file is computed on the way from the parser's own reads,
// or, for big files, on a second thread while the parse runs (file-hash.ts).
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { IDisposable, leakTracker } from '../core/lifecycle';
import { ifcErrors } from './errors';
import { BackgroundFileHash, BACKGROUND_HASH_MIN_BYTES } from './file-hash';
import { looksLikeZip } from './ifczip';
import { fileError, LoadedModelFile, readModelFile, ReadOptions } from './read-source';

export interface ModelSource extends IDisposable {
  readonly name: string;
  readonly path: string | null;
  readonly container: 'ifc' | 'ifczip';
  /** Size of the file as given (the archive for .ifczip). */
  readonly fileSizeBytes: number;
  /** Size of the IFC text. */
  readonly textBytes: number;
  /** Up to `length` bytes of IFC text from `offset`; valid until the next call. */
  read(offset: number, length: number): Uint8Array;
  /** A copy of a range of the IFC text (for header checks). */
  copy(offset: number, length: number): Uint8Array;
  /** sha256 of the file as given; call before dispose. */
  sha256(): Promise<string>;
}

export class BytesModelSource implements ModelSource {
  private bytes: Uint8Array;
  readonly name: string;
  readonly path: string | null;
  readonly container: 'ifc' | 'ifczip';
  readonly fileSizeBytes: number;
  readonly textBytes: number;
  private readonly digest: string;

  constructor(file: LoadedModelFile) {
    this.bytes = file.bytes;
    this.name = file.name;
    this.path = file.path;
    this.container = file.container;
    this.fileSizeBytes = file.fileSizeBytes;
    this.textBytes = file.bytes.length;
    this.digest = file.sha256;
  }

  read(offset: number, length: number): Uint8Array {
    return this.bytes.subarray(offset, Math.min(this.bytes.length, offset + length));
  }

  copy(offset: number, length: number): Uint8Array {
    return this.read(offset, length).slice();
  }

  sha256(): Promise<string> {
    return Promise.resolve(this.digest);
  }

  dispose(): void {
    // Let go of the bytes as soon as the model is parsed: the caller may hold them, we need not.
    this.bytes = new Uint8Array(0);
  }
}

export class FileModelSource implements ModelSource {
  readonly container = 'ifc' as const;
  readonly textBytes: number;
  private fd: number | undefined;
  private buffer = Buffer.alloc(0);
  private readonly hash = crypto.createHash('sha256');
  private hashedUpTo = 0;
  private digest: string | undefined;
  /** Big files are hashed on a second thread while web-ifc parses; small ones inline as they are read. */
  private readonly background: BackgroundFileHash | undefined;

  constructor(
    readonly path: string,
    readonly name: string,
    fd: number,
    readonly fileSizeBytes: number,
  ) {
    this.fd = fd;
    this.textBytes = fileSizeBytes;
    // An open file descriptor (and maybe a hashing thread): the leak tracker sees it if never disposed.
    leakTracker.track(this, `model file ${name}`);
    this.background = fileSizeBytes >= BACKGROUND_HASH_MIN_BYTES ? new BackgroundFileHash(path) : undefined;
    // The inline hash is not needed then: mark it as done so reads skip it.
    if (this.background) this.hashedUpTo = -1;
  }

  read(offset: number, length: number): Uint8Array {
    const want = Math.max(0, Math.min(length, this.fileSizeBytes - offset));
    if (this.buffer.length < want) this.buffer = Buffer.allocUnsafe(want);
    const n = want === 0 ? 0 : this.readInto(this.buffer, want, offset);
    const out = this.buffer.subarray(0, n);
    // web-ifc reads the file front to back (twice), the fast engine's index once, a chunk's cut
    // statement again at the start of the next: hash the first sequential pass.
    if (this.hashedUpTo >= offset && this.hashedUpTo < offset + n) {
      this.hash.update(out.subarray(this.hashedUpTo - offset));
      this.hashedUpTo = offset + n;
    }
    return out;
  }

  copy(offset: number, length: number): Uint8Array {
    const want = Math.max(0, Math.min(length, this.fileSizeBytes - offset));
    const out = Buffer.allocUnsafe(want);
    return out.subarray(0, want === 0 ? 0 : this.readInto(out, want, offset));
  }

  async sha256(): Promise<string> {
    if (this.digest) return this.digest;
    if (this.background) {
      try {
        this.digest = await this.background.digest(this.fileSizeBytes);
      } catch (e) {
        throw fileError(this.path, e);
      }
      return this.digest;
    }
    while (this.hashedUpTo < this.fileSizeBytes) {
      const chunk = this.copy(this.hashedUpTo, 8 * 1024 * 1024);
      if (chunk.length === 0) break;
      this.hash.update(chunk);
      this.hashedUpTo += chunk.length;
    }
    this.digest = this.hash.digest('hex');
    return this.digest;
  }

  private readInto(target: Buffer, length: number, offset: number): number {
    if (this.fd === undefined) throw new Error('The model file was already closed.');
    try {
      return fs.readSync(this.fd, target, 0, length, offset);
    } catch (e) {
      throw fileError(this.path, e);
    }
  }

  dispose(): void {
    this.background?.dispose();
    if (this.fd === undefined) return;
    leakTracker.markDisposed(this);
    const fd = this.fd;
    this.fd = undefined;
    this.buffer = Buffer.alloc(0);
    fs.closeSync(fd);
  }
}

/** Opens a model file: streamed when it is plain IFC, read and unzipped when it is an archive. */
export async function openModelSource(filePath: string, options: ReadOptions = {}): Promise<ModelSource> {
  const name = path.basename(filePath);
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (e) {
    throw fileError(filePath, e);
  }
  let keep = false;
  try {
    let size: number;
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isDirectory()) throw ifcErrors.fileUnreadable(name, 'it is a folder, not a file');
      size = stat.size;
    } catch (e) {
      throw e instanceof Error && e.name === 'OperationError' ? e : fileError(filePath, e);
    }
    if (size === 0) throw ifcErrors.fileEmpty(name);
    const magic = Buffer.alloc(4);
    try {
      fs.readSync(fd, magic, 0, 4, 0);
    } catch (e) {
      throw fileError(filePath, e);
    }
    if (!looksLikeZip(magic)) {
      keep = true;
      return new FileModelSource(filePath, name, fd, size);
    }
  } finally {
    if (!keep) fs.closeSync(fd);
  }
  return new BytesModelSource(await readModelFile(filePath, options));
}
