// Zip bombs built the way attackers build them, in milliseconds: a real model followed by a
// megabyte of spaces deflated once (~1 KB) and repeated, so a few MB of archive unpack to GBs. The
// deflate stream stays valid: each copy ends on a sync flush and refers only to itself.
import * as zlib from 'zlib';

const PAD_BLOCK = 1024 * 1024;

/** What the archive says about the size of its entry: the truth, a small lie, or nothing (a data descriptor). */
export type BombSizes = 'honest' | 'lying' | 'unknown';

export function zipBomb(entryName: string, model: Uint8Array, padBytes: number, sizes: BombSizes): Buffer {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const head = zlib.deflateRawSync(model, flush);
  const block = zlib.deflateRawSync(Buffer.alloc(PAD_BLOCK, 0x20), flush);
  const copies = Math.ceil(padBytes / PAD_BLOCK);
  // A final, empty fixed-Huffman block ends the stream.
  const data = Buffer.concat([head, ...Array<Buffer>(copies).fill(block), Buffer.from([0x03, 0x00])]);
  const unpacked = model.length + copies * PAD_BLOCK;
  const declared = sizes === 'honest' ? unpacked : sizes === 'lying' ? model.length : 0;
  const name = Buffer.from(entryName, 'utf8');
  const flags = sizes === 'unknown' ? 0x0808 : 0x0800;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(8, 8);
  // CRC left 0: nothing checks it before the limits stop the inflation.
  local.writeUInt32LE(sizes === 'unknown' ? 0 : data.length, 18);
  local.writeUInt32LE(Math.min(declared, 0xffffffff), 22);
  local.writeUInt16LE(name.length, 26);
  const descriptor = Buffer.alloc(sizes === 'unknown' ? 16 : 0);
  if (sizes === 'unknown') {
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(data.length, 8);
    descriptor.writeUInt32LE(Math.min(unpacked, 0xffffffff), 12);
  }
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(Math.min(sizes === 'unknown' ? unpacked : declared, 0xffffffff), 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  const dirOffset = local.length + name.length + data.length + descriptor.length;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, name, data, descriptor, central, name, end]);
}
