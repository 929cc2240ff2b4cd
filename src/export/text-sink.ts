// Where exported text goes: a file being written, or the process's stdout for `-o -`.
import * as fs from 'fs';
import { Writable } from 'stream';

export interface TextSink {
  write(text: string): Promise<void>;
}

function writeWithBackpressure(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    stream.once('error', onError);
    const flushed = stream.write(text, 'utf8');
    const done = () => {
      stream.off('error', onError);
      resolve();
    };
    if (flushed) done();
    else stream.once('drain', done);
  });
}

/** A sink over a stream someone else owns and closes (stdout). */
export function streamSink(stream: Writable): TextSink {
  return { write: (text) => writeWithBackpressure(stream, text) };
}

// Text is gathered up to this size before it goes to the disk: the JSON writer hands over one room
// at a time, and a write call per room would cost more than the formatting.
const FLUSH_BYTES = 256 * 1024;

/**
 * A file being written, where every failure reaches the caller: each write is awaited and checked
 * for its byte count (a full disk first writes short, then fails), and close() fsyncs before it
 * closes, so "written" means on the disk. (A write stream reports a failed final flush only in an
 * 'error' event after end()'s callback, which let a full disk pass as success.) Call close() to
 * finish, abort() to release the handle after a failure or cancel.
 */
export class FileSink implements TextSink {
  private readonly opened: Promise<fs.promises.FileHandle>;
  private pending: string[] = [];
  private pendingBytes = 0;
  private failure: unknown;
  private closed = false;

  constructor(readonly filePath: string) {
    // 'wx': the staged name is ours alone; finding a file there means something else is writing it.
    this.opened = fs.promises.open(filePath, 'wx', 0o644);
    // Seen by the first write or close; without this an open failure with nothing written would be unhandled.
    this.opened.catch((e: unknown) => (this.failure ??= e));
  }

  async write(text: string): Promise<void> {
    this.throwIfFailed();
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  async close(): Promise<void> {
    this.throwIfFailed();
    await this.flush();
    const handle = await this.opened;
    await this.guard(() => handle.sync());
    this.closed = true;
    await handle.close();
  }

  /** Closes the handle without caring about what was written; never throws. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.pending = [];
    try {
      await (await this.opened).close();
    } catch {
      // Never opened, or already closed: nothing to release.
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
    if (this.closed) throw new Error(`${this.filePath} is already closed`);
  }

  private async guard<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (e) {
      this.failure ??= e;
      throw e;
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    const handle = await this.opened;
    await this.guard(async () => {
      for (let offset = 0; offset < data.length; ) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        if (bytesWritten <= 0) throw Object.assign(new Error(`no bytes written to ${this.filePath}`), { code: 'EIO' });
        offset += bytesWritten;
      }
    });
  }
}
