// web-ifc's type codes without web-ifc: a code is the CRC-32 (zlib's) of the name as written, so
// "IFCSPACE" is 3856911033 (GetTypeCodeFromName hashes any string, known or not, and the lexer asks
// for the code of every typed value a file writes). The names web-ifc gives back come from the
// generated tables (schema-tables.ts). A table CRC rather than zlib.crc32: that came with Node
// 20.15, and package.json promises any Node 20.
import { TYPE_CODES, TYPE_NAMES } from './schema-tables';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of the UTF-8 bytes of `text`, as zlib computes it. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return crc32Bytes(Buffer.from(text, 'utf8'));
    crc = CRC_TABLE[(crc ^ c) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function crc32Bytes(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** web-ifc's type code of a name (GetTypeCodeFromName): entity classes and defined types are upper case. */
export function typeCode(name: string): number {
  return crc32(name);
}

const UNKNOWN = '<web-ifc-type-unknown>';
let byCode: Map<number, string> | undefined;

/** The name of a type code as web-ifc gives it (GetNameFromTypeCode): "IfcSpace", or "<web-ifc-type-unknown>". */
export function typeName(code: number): string {
  byCode ??= new Map(TYPE_CODES.map((c, i) => [c, TYPE_NAMES[i]] as const));
  return byCode.get(code) ?? UNKNOWN;
}

/**
 * "IFCWALLSTANDARDCASE" → "IfcWallStandardCase", as the IFC schemas spell it (any name with a type
 * code: entities and defined types); any other text as it is.
 */
export function ifcClassName(upperName: string): string {
  const name = typeName(crc32(upperName));
  return name.toUpperCase() === upperName ? name : upperName;
}
