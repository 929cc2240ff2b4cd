// .ifczip: a ZIP archive holding one .ifc file (buildingSMART's compressed IFC container).
import { unzipSync } from 'fflate';
import { errorDetail, ifcErrors } from './errors';

/** True when the bytes start with a ZIP local-file header ("PK\3\4"), whatever the file is called. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The single .ifc inside the archive; macOS resource forks (__MACOSX/, ._name) are not models. */
export function unzipIfc(zip: Uint8Array, name: string): { entryName: string; bytes: Uint8Array } {
  const entries: string[] = [];
  const models: string[] = [];
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(zip, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        entries.push(file.name);
        const base = file.name.split('/').pop() ?? file.name;
        const isModel = base.toLowerCase().endsWith('.ifc') && !base.startsWith('._') && !file.name.startsWith('__MACOSX/');
        if (isModel) models.push(file.name);
        // Only decompress the model, and only when it is the only one.
        return isModel && models.length === 1;
      },
    });
  } catch (e) {
    throw ifcErrors.zipInvalid(name, errorDetail(e));
  }
  if (models.length === 0) throw ifcErrors.zipNoIfc(name, entries);
  if (models.length > 1) throw ifcErrors.zipManyIfc(name, models);
  const bytes = unzipped[models[0]];
  if (!bytes) throw ifcErrors.zipInvalid(name, `entry ${models[0]} could not be extracted`);
  return { entryName: models[0], bytes };
}
