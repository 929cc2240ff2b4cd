// Where exported text goes: a file being written (with backpressure, so a 200 MB export never sits
// in memory) or the process's stdout for `-o -`.
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

/** A file being written: close() to finish it, abort() to stop and release the handle after a failure or cancel. */
export class FileSink implements TextSink {
  private readonly stream: fs.WriteStream;
  private failure: Error | undefined;

  constructor(readonly filePath: string) {
    // 'wx': the temp name is ours alone; finding a file there means something else is writing it.
    this.stream = fs.createWriteStream(filePath, { flags: 'wx', encoding: 'utf8' });
    this.stream.on('error', (e) => (this.failure ??= e));
  }

  write(text: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return writeWithBackpressure(this.stream, text);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.stream.end(() => (this.failure ? reject(this.failure) : resolve()));
    });
  }

  /** Closes the handle without caring about what was written; never throws. */
  abort(): Promise<void> {
    return new Promise((resolve) => {
      if (this.stream.closed) return resolve();
      this.stream.once('close', () => resolve());
      this.stream.destroy();
    });
  }
}
