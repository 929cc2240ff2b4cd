// What is learned from the file's text while web-ifc parses it: web-ifc pulls the file front to
// back, then again (open-model.ts); the first pass is shown, chunk by chunk, to each scanner here
// (boundary places, strings web-ifc misreads, statement ids), so the text is read once for all.

export interface ChunkScanner {
  /** Called with consecutive chunks of the text, from offset 0. */
  scan(chunk: Buffer, offset: number): void;
}

export class FirstPass {
  private nextOffset = 0;
  private done = false;

  constructor(private readonly scanners: readonly (ChunkScanner | undefined)[]) {}

  /** Every chunk web-ifc reads; the first out-of-order one ends the first pass. */
  chunk(chunk: Uint8Array, offset: number): void {
    if (this.done || offset !== this.nextOffset) {
      this.done = true;
      return;
    }
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (const s of this.scanners) s?.scan(buf, offset);
    this.nextOffset = offset + chunk.length;
  }
}
