// Checks made on the first and last bytes of a file before web-ifc sees it, so each kind of bad
// input ends in its own message: web-ifc itself returns -1 for empty, random or unknown-schema
// input and throws a TypeError for plain text and for a header without FILE_SCHEMA.
import { ifcErrors } from './errors';
import { knownSchemas, schemaFamilyOf } from './schema/schema-families';

export interface SourceCheck {
  /** FILE_SCHEMA as written. */
  schema: string;
  schemaFamily: number;
  /** No END-ISO-10303-21; at the end: the file was cut off. */
  truncated: boolean;
  /** Notes for the user about an accepted but unusual schema identifier. */
  schemaNote: string | null;
}

/** Bytes of the file's start to look at: headers are a few KB; long FILE_DESCRIPTIONs stay far below this. */
export const HEAD_BYTES = 256 * 1024;
export const TAIL_BYTES = 4096;

/** Control characters other than tab, line feed, form feed and carriage return: text files have none. */
function isBinary(head: Uint8Array): boolean {
  const sample = head.subarray(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) control++;
  }
  return control > sample.length * 0.01;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The header text without comments: from ISO-10303-21; to the first ENDSEC;. */
function headerSection(text: string): string {
  const end = text.search(/ENDSEC\s*;/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\/\*[\s\S]*?\*\//g, ' ');
}

export function checkSource(name: string, head: Uint8Array, tail: Uint8Array): SourceCheck {
  if (head.length === 0) throw ifcErrors.fileEmpty(name);
  if (isBinary(head)) throw ifcErrors.binaryData(name);
  // A UTF-8 byte-order mark, blank lines and comments may come before the magic line.
  const text = latin1(head).replace(/^\u00ef\u00bb\u00bf/, '');
  const start = text.replace(/^(\s|\/\*[\s\S]*?\*\/)*/, '');
  // STEP keywords are upper case (ISO 10303-21); web-ifc does not recognise them otherwise either.
  if (!/^ISO-10303-21\s*;/.test(start)) {
    const firstLine = (start.split(/\r?\n/)[0] ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 60);
    throw ifcErrors.notStep(name, firstLine);
  }
  const header = headerSection(start);
  const schemaMatch = /FILE_SCHEMA\s*\(\s*\(\s*'([^']*)'/.exec(header);
  if (!schemaMatch || schemaMatch[1].trim() === '') throw ifcErrors.schemaMissing(name);
  const schema = schemaMatch[1].trim();
  const family = schemaFamilyOf(schema);
  if (family < 0) {
    const known = knownSchemas().map((s) => s.names[0]);
    throw ifcErrors.schemaUnknown(name, schema, `${known.slice(0, -1).join(', ')} and ${known[known.length - 1]}`);
  }
  const canonical = knownSchemas().find((s) => s.family === family)!.names[0];
  let schemaNote: string | null = null;
  if (schema.toUpperCase() === 'IFC4X3') {
    // IFC101 (buildingSMART validation): IFC 4.3 files must say IFC4X3_ADD2.
    schemaNote = `FILE_SCHEMA says IFC4X3, a pre-release identifier (IFC 4.3 files say IFC4X3_ADD2); the model is read as IFC 4.3 ADD2.`;
  } else if (schema.toUpperCase() !== canonical && schema.toUpperCase() !== 'IFC4X3_ADD2') {
    schemaNote = `FILE_SCHEMA says ${schema}, which is read with the ${canonical} schema; entities that changed between them may be misread.`;
  }
  const truncated = !/END-ISO-10303-21\s*;/.test(latin1(tail));
  return { schema, schemaFamily: family, truncated, schemaNote };
}
