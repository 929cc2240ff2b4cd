// The sha256 of a big model file, computed on a second thread while web-ifc parses on this one.
// Hashing 202 MB costs ~440 ms of CPU (measured); on its own thread it overlaps the parse instead
// of adding to it. The thread is a few lines of eval'd code (no extra file to bundle), reads the
// file itself in 8 MB chunks and is terminated on dispose, finished or not.
import * as crypto from 'crypto';
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import { IDisposable, ResourceRegistration, resourceRegistry } from '../core/lifecycle';

/** Below this, starting a thread costs more than hashing inline. */
export const BACKGROUND_HASH_MIN_BYTES = 32 * 1024 * 1024;

const HASH_THREAD = `
const { parentPort, workerData } = require('worker_threads');
const fs = require('fs');
const hash = require('crypto').createHash('sha256');
let fd;
try {
  fd = fs.openSync(workerData.path, 'r');
  const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
  let pos = 0;
  for (let n; (n = fs.readSync(fd, buf, 0, buf.length, pos)) > 0; pos += n) hash.update(buf.subarray(0, n));
  parentPort.postMessage({ hex: hash.digest('hex'), bytes: pos });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
} finally {
  if (fd !== undefined) fs.closeSync(fd);
}`;

export class BackgroundFileHash implements IDisposable {
  private readonly worker: Worker;
  private readonly registration: ResourceRegistration;
  private readonly result: Promise<{ hex?: string; bytes?: number; error?: string }>;

  constructor(private readonly path: string) {
    this.worker = new Worker(HASH_THREAD, { eval: true, workerData: { path } });
    this.registration = resourceRegistry.register('worker', `sha256 of ${path}`, this, { threadId: this.worker.threadId });
    this.result = new Promise((resolve) => {
      this.worker.once('message', resolve);
      this.worker.once('error', (e) => resolve({ error: e.message }));
      this.worker.once('exit', () => resolve({ error: 'the hashing thread ended early' }));
    });
  }

  /** The file's sha256; computed here instead if the thread failed. */
  async digest(expectedBytes: number): Promise<string> {
    const r = await this.result;
    if (r.hex && r.bytes === expectedBytes) return r.hex;
    return hashFileInline(this.path);
  }

  dispose(): void {
    this.registration.dispose();
    void this.worker.terminate();
  }
}

export function hashFileInline(path: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
    for (let n, pos = 0; (n = fs.readSync(fd, buf, 0, buf.length, pos)) > 0; pos += n) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
