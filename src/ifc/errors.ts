// The specific errors a model can end in, each with the user's message, a suggestion and a stable code.
import { OperationError } from '../core/operations/operation-error';

const REEXPORT = 'Export the model again from its authoring tool (File → Export → IFC), then open the new file.';

export const ifcErrors = {
  fileMissing: (name: string, detail?: string) =>
    new OperationError({ category: 'file', code: 'file-missing', message: `The file "${name}" does not exist.`, suggestion: 'Check the path, or choose the file again: it may have been moved, renamed or deleted.', detail }),
  fileUnreadable: (name: string, reason: string, detail?: string) =>
    new OperationError({ category: 'file', code: 'file-unreadable', message: `The file "${name}" cannot be read: ${reason}.`, suggestion: 'Check that you may read the file and that it is not locked by another program, or copy it to a local folder and open the copy.', detail }),
  fileEmpty: (name: string) =>
    new OperationError({ category: 'file', code: 'file-empty', message: `The file "${name}" is empty (0 bytes).`, suggestion: `The export or download probably failed. ${REEXPORT}` }),
  binaryData: (name: string) =>
    new OperationError({ category: 'file', code: 'binary-data', message: `"${name}" is not an IFC file: it holds binary data, while IFC files are text.`, suggestion: 'Check that you picked the right file; an .ifc file starts with the line ISO-10303-21;' }),
  notStep: (name: string, firstLine: string) =>
    new OperationError({
      category: 'file',
      code: 'not-step',
      message: `"${name}" is not an IFC file: it does not start with ISO-10303-21; (its first line is "${firstLine}").`,
      suggestion: `Check that you picked the right file. If it is an IFC file whose first line was lost, ${REEXPORT.charAt(0).toLowerCase()}${REEXPORT.slice(1)}`,
    }),
  schemaMissing: (name: string) =>
    new OperationError({ category: 'file', code: 'schema-missing', message: `"${name}" has no FILE_SCHEMA in its header, so its IFC version is unknown.`, suggestion: `The file is incomplete or was not written by an IFC exporter. ${REEXPORT}` }),
  schemaUnknown: (name: string, schema: string, known: string) =>
    new OperationError({ category: 'file', code: 'schema-unknown', message: `"${name}" uses the schema ${schema}, which this app cannot read (it reads ${known}).`, suggestion: 'Export the model as IFC4 or IFC2X3 from its authoring tool.' }),
  zipInvalid: (name: string, detail?: string) =>
    new OperationError({ category: 'file', code: 'zip-invalid', message: `"${name}" is not a valid .ifczip archive.`, suggestion: 'The archive may be damaged or incompletely downloaded: download or export it again, or unzip it with another tool and open the .ifc inside.', detail }),
  zipNoIfc: (name: string, entries: string[]) =>
    new OperationError({
      category: 'file',
      code: 'zip-no-ifc',
      message: `"${name}" contains no .ifc file${entries.length ? ` (it holds ${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''})` : ' (it is empty)'}.`,
      suggestion: 'Open the .ifc file itself, or export the model again as .ifczip.',
    }),
  zipManyIfc: (name: string, entries: string[]) =>
    new OperationError({ category: 'file', code: 'zip-many-ifc', message: `"${name}" contains ${entries.length} .ifc files (${entries.slice(0, 5).join(', ')}); it should hold one.`, suggestion: 'Unzip the archive and open the .ifc file you want.' }),
  zipTooLarge: (name: string, entry: string, reason: string) =>
    new OperationError({
      category: 'file',
      code: 'zip-too-large',
      message: `"${name}" was not unpacked: its model ${entry} is too large (${reason}).`,
      suggestion: 'If the archive comes from a source you trust, unzip it with another tool and open the .ifc file inside; otherwise delete it.',
    }),
  parseFailed: (name: string, detail?: string) =>
    new OperationError({ category: 'parse', code: 'parse-failed', message: `The IFC reader could not parse "${name}".`, suggestion: `The file is damaged or not valid IFC. ${REEXPORT}`, detail }),
  outOfMemory: (name: string, detail?: string) =>
    new OperationError({ category: 'memory', code: 'out-of-memory', message: `"${name}" needs more memory than the IFC reader may use.`, suggestion: 'Close other models or applications and try again; very large models may need a machine with more memory.', detail }),
};

/** web-ifc reports exhausted WASM memory with these messages (an abort, a RangeError, or a bad access). */
export function isOutOfMemory(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /out of memory|Cannot enlarge memory|memory access out of bounds|Array buffer allocation failed|allocation failed|bad_alloc|OOM/i.test(message);
}

export function errorDetail(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
