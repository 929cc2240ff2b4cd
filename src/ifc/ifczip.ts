// .ifczip: a ZIP archive holding one .ifc file (buildingSMART's compressed IFC container). The model
// is inflated as a stream with limits checked on the way: a 4 MB archive that unpacked to 3.9 GB was
// once accepted (57 s, 4.2 GB RSS) because nothing looked at the size before it was all in memory.
import type { UnzipFile } from 'fflate';
import { errorDetail, ifcErrors } from './errors';

export interface ZipLimits {
  /** Largest model an archive may unpack to. */
  maxModelBytes: number;
  /** Largest expansion (model bytes per archive byte read so far), checked once `ratioFromBytes` are out. */
  maxRatio: number;
  ratioFromBytes: number;
}

/**
 * IFC text deflates 3.7–5.3-fold (measured on every sample and on a 70 MB generated model); deflate
 * itself cannot go beyond ~1 032-fold, which is what zip bombs use. 100-fold leaves real models 20x
 * headroom; the first 16 MB are never judged, so a small odd archive is not refused. 2 GB is more
 * IFC text than web-ifc's 4 GB heap can parse (a model takes ~3x its text while it is parsed).
 */
export const ZIP_LIMITS: ZipLimits = { maxModelBytes: 2e9, maxRatio: 100, ratioFromBytes: 16e6 };

/**
 * Archive bytes fed to the inflater at a time (its output is judged after each): at ~1 032-fold, a
 * bomb is stopped within ~16 MB of output past a limit.
 */
const FEED_BYTES = 16 * 1024;

/** True when the bytes start with a ZIP local-file header ("PK\3\4"), whatever the file is called. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Whether an entry is the model: an .ifc file, not a macOS resource fork (__MACOSX/, ._name). */
function isModelEntry(entryName: string): boolean {
  const base = entryName.split('/').pop() ?? entryName;
  return base.toLowerCase().endsWith('.ifc') && !base.startsWith('._') && !entryName.startsWith('__MACOSX/');
}

function mb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The single .ifc inside the archive, inflated within `limits`. */
export function unzipIfc(zip: Uint8Array, name: string, limits: ZipLimits = ZIP_LIMITS): { entryName: string; bytes: Uint8Array } {
  const entries: string[] = [];
  const models: string[] = [];
  // Set from fflate's callbacks, so in one object (a `let` would stay narrowed to undefined here).
  const state: { model?: ModelInflation; failure?: Error; fed: number } = { fed: 0 };
  const fail = (e: Error) => void (state.failure ??= e);
  // Loaded here, not with the file: the CLI's main thread reads an archive's directory (for the
  // timeout) from this file on every start, and requiring fflate cost 11-18 ms before the worker started.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Unzip, UnzipInflate } = require('fflate') as typeof import('fflate');
  const unzip = new Unzip((file) => {
    if (file.name.endsWith('/') || state.failure) return;
    entries.push(file.name);
    if (!isModelEntry(file.name)) return;
    models.push(file.name);
    // Only the model is inflated, and only when it is the only one.
    if (models.length === 1) state.model = new ModelInflation(file, name, limits, () => state.fed, fail);
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && !state.failure; at += FEED_BYTES) {
      state.fed = Math.min(zip.length, at + FEED_BYTES);
      unzip.push(zip.subarray(at, state.fed), state.fed === zip.length);
    }
  } catch (e) {
    fail(ifcErrors.zipInvalid(name, errorDetail(e)));
  }
  if (state.failure) throw state.failure;
  if (models.length === 0) throw ifcErrors.zipNoIfc(name, entries);
  if (models.length > 1) throw ifcErrors.zipManyIfc(name, models);
  const bytes = state.model?.result();
  if (!bytes) throw ifcErrors.zipInvalid(name, `entry ${models[0]} could not be extracted`);
  return { entryName: models[0], bytes };
}

/** The model entry being inflated: its output is counted and judged chunk by chunk, and stopped at the first breach. */
class ModelInflation {
  private readonly chunks: Uint8Array[] = [];
  private out = 0;
  private done = false;

  constructor(
    private readonly file: UnzipFile,
    private readonly archive: string,
    private readonly limits: ZipLimits,
    private readonly fed: () => number,
    private readonly fail: (e: Error) => void,
  ) {
    const declared = file.originalSize;
    if (declared !== undefined && declared > limits.maxModelBytes) {
      fail(ifcErrors.zipTooLarge(archive, file.name, `it says it unpacks to ${mb(declared)}, more than the ${mb(limits.maxModelBytes)} this app reads from an archive`));
      return;
    }
    file.ondata = (err, data, final) => this.take(err, data, final);
    file.start();
  }

  private take(err: Error | null, data: Uint8Array, final: boolean): void {
    if (err) return this.stop(ifcErrors.zipInvalid(this.archive, errorDetail(err)));
    this.out += data.length;
    this.chunks.push(data);
    const declared = this.file.originalSize;
    if (declared !== undefined && this.out > declared) {
      return this.stop(ifcErrors.zipTooLarge(this.archive, this.file.name, `it unpacks to more than the ${mb(declared)} it says it holds, which archivers never do`));
    }
    if (this.out > this.limits.maxModelBytes) {
      return this.stop(ifcErrors.zipTooLarge(this.archive, this.file.name, `it unpacks to more than the ${mb(this.limits.maxModelBytes)} this app reads from an archive`));
    }
    const ratio = this.out / this.fed();
    if (this.out >= this.limits.ratioFromBytes && ratio > this.limits.maxRatio) {
      return this.stop(
        ifcErrors.zipTooLarge(this.archive, this.file.name, `${mb(this.fed())} of it had already unpacked to ${mb(this.out)}, ${Math.round(ratio)}-fold, where IFC text packs 4–6-fold; it looks like a zip bomb`),
      );
    }
    if (final) this.done = true;
  }

  private stop(e: Error): void {
    this.file.terminate();
    this.chunks.length = 0;
    this.fail(e);
  }

  /** The whole model, once inflated; undefined when the stream ended early. */
  result(): Uint8Array | undefined {
    if (!this.done) return undefined;
    if (this.chunks.length === 1) return this.chunks[0];
    const bytes = new Uint8Array(this.out);
    let at = 0;
    for (const c of this.chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    this.chunks.length = 0;
    return bytes;
  }
}

/**
 * What the archive's central directory says its model unpacks to (at the end of the file: the
 * caller passes its last bytes and reads more when the directory starts earlier); undefined when
 * it cannot be told. Used to size the timeout before the worker starts; the worker checks the
 * claim while it inflates.
 */
export function declaredModelBytes(read: (offset: number, length: number) => Uint8Array, fileBytes: number): number | undefined {
  const tailLength = Math.min(fileBytes, 22 + 0xffff);
  const tail = read(fileBytes - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  // End of central directory: signature, …, entries (10), directory size (12), offset (16), comment length (20).
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > fileBytes || size > 64 * 1024 * 1024) return undefined;
  const dir = read(offset, size);
  const d = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const models: number[] = [];
  // Central file header: signature, …, uncompressed size (24), name length (28), extra (30), comment (32), name (46).
  for (let i = 0, n = 0; n < count && i + 46 <= dir.length && d.getUint32(i, true) === 0x02014b50; n++) {
    const nameLength = d.getUint16(i + 28, true);
    const entryName = Buffer.from(dir.buffer, dir.byteOffset + i + 46, Math.min(nameLength, dir.length - i - 46)).toString('utf8');
    if (isModelEntry(entryName)) models.push(d.getUint32(i + 24, true));
    i += 46 + nameLength + d.getUint16(i + 30, true) + d.getUint16(i + 32, true);
  }
  return models.length === 1 ? models[0] : undefined;
}
