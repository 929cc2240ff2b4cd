// web-ifc's type code of an IFC class named in upper case ("IFCWALL" → its code), the same code in
// every schema family.
import * as WebIFC from 'web-ifc';

export function typeCodeOf(upperName: string): number | undefined {
  const code = (WebIFC as unknown as Record<string, unknown>)[upperName];
  return typeof code === 'number' ? code : undefined;
}
