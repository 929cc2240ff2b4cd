// The fast engine knows web-ifc's schemas without loading web-ifc (src/ifc/schema/). These tables
// are generated from web-ifc 0.0.78; here every entry is checked against the web-ifc installed, so
// upgrading web-ifc without rerunning scripts/generate-ifc-schema.js fails this test.
import * as WebIFC from 'web-ifc';
import * as zlib from 'zlib';
import * as IfcTypes from '../../src/ifc/schema/ifc-types';
import { isKnownType, knownSchemas, schemaFamilyOf, withSubtypes } from '../../src/ifc/schema/schema-families';
import { WEB_IFC_VERSION } from '../../src/ifc/schema/schema-tables';
import { crc32, ifcClassName, typeCode, typeName } from '../../src/ifc/schema/type-codes';

const W = WebIFC as unknown as Record<string, unknown>;
const fromRawLineData = WebIFC.FromRawLineData as unknown as Record<number, Record<number, unknown>>;
const inheritanceDef = WebIFC.InheritanceDef as unknown as Record<number, Record<number, number[]>>;
const schemaNames = WebIFC.SchemaNames as unknown as (string[] | undefined)[];

/** web-ifc's own type-code constants, by upper-case name (IFCSPACE → 3856911033). */
const CONSTANTS = Object.keys(W).filter((k) => /^IFC[A-Z0-9_]+$/.test(k) && typeof W[k] === 'number');
const FAMILIES = schemaNames.flatMap((names, family) => (Array.isArray(names) ? [family] : []));
/** Every code web-ifc's tables mention: its constants, and the entities and subtypes of each family. */
const ALL_CODES = [
  ...new Set([
    ...CONSTANTS.map((k) => W[k] as number),
    ...FAMILIES.flatMap((f) => [...Object.keys(fromRawLineData[f]), ...Object.keys(inheritanceDef[f] ?? {})].map(Number)),
    ...FAMILIES.flatMap((f) => Object.values(inheritanceDef[f] ?? {}).flat()),
  ]),
];

let api: WebIFC.IfcAPI;

beforeAll(async () => {
  api = new WebIFC.IfcAPI();
  await api.Init(undefined, true);
});

describe('the schema tables are the installed web-ifc’s, entry by entry', () => {
  it('the version the schedule names as its engine is what web-ifc reports', () => {
    expect(WEB_IFC_VERSION).toBe(api.GetVersion());
  });

  it('every type code web-ifc has is the one the tables compute, and named as web-ifc names it', () => {
    expect(ALL_CODES.length).toBeGreaterThan(1000);
    for (const name of CONSTANTS) expect([name, typeCode(name)]).toEqual([name, W[name]]);
    for (const code of ALL_CODES) expect([code, typeName(code)]).toEqual([code, api.GetNameFromTypeCode(code)]);
    // A code no schema has is unknown to both.
    for (const code of [0, 1, typeCode('IFCNOSUCHCLASS'), typeCode('ifcspace')]) expect(typeName(code)).toBe(api.GetNameFromTypeCode(code));
  });

  it('any name a file writes gets web-ifc’s code, known or not, any case, any characters', () => {
    const names = ['IFCLABEL', 'IfcLabel', 'IFCNOSUCHTYPE', '', 'A', 'IFC_WITH_UNDERSCORE9', 'IFCÉTAGE', 'IFC房间', '😀'];
    for (const name of names) expect([name, typeCode(name)]).toEqual([name, api.GetTypeCodeFromName(name)]);
    if (typeof (zlib as { crc32?: unknown }).crc32 === 'function') {
      const zcrc = (zlib as unknown as { crc32(s: string): number }).crc32;
      for (let i = 0; i < 2000; i++) {
        const s = String.fromCharCode(...Array.from({ length: 1 + (i % 40) }, (_, k) => 32 + ((i * 31 + k * 7) % (i % 3 === 0 ? 2000 : 95))));
        expect([s, crc32(s)]).toEqual([s, zcrc(s)]);
      }
    }
  });

  it('class names are spelled as the IFC schemas spell them', () => {
    const spelling = new Map<string, string>();
    for (const schema of [WebIFC.IFC2X3, WebIFC.IFC4, WebIFC.IFC4X3] as unknown as Record<string, unknown>[]) {
      for (const key of Object.keys(schema)) if (key.startsWith('Ifc')) spelling.set(key.toUpperCase(), key);
    }
    for (const name of CONSTANTS.filter((k) => spelling.has(k))) expect(ifcClassName(name)).toBe(spelling.get(name));
    expect(ifcClassName('IFCWALLSTANDARDCASE')).toBe('IfcWallStandardCase');
    expect(ifcClassName('IfcSpace')).toBe('IfcSpace');
    expect(ifcClassName('NOT A CLASS')).toBe('NOT A CLASS');
  });

  it('the schema families and their FILE_SCHEMA names are web-ifc’s', () => {
    const expected = schemaNames.flatMap((names, family) => (Array.isArray(names) ? [{ family, names }] : []));
    expect(knownSchemas()).toEqual(expected);
    for (const { family, names } of expected) {
      for (const name of names) {
        expect(schemaFamilyOf(name)).toBe(family);
        expect(schemaFamilyOf(name.toLowerCase())).toBe(family);
      }
    }
    expect(schemaFamilyOf('IFC5')).toBe(-1);
  });

  it.each(FAMILIES)('schema family %i: the same entities, and each one’s subtypes in web-ifc’s order', (family) => {
    const entities = ALL_CODES.filter((code) => typeof fromRawLineData[family][code] === 'function');
    expect(entities.length).toBe(Object.keys(fromRawLineData[family]).length);
    for (const code of ALL_CODES) {
      expect([code, isKnownType(family, code)]).toEqual([code, typeof fromRawLineData[family][code] === 'function']);
      expect([code, withSubtypes(family, code)]).toEqual([code, [code, ...(inheritanceDef[family]?.[code] ?? [])]]);
    }
  });

  it('an unknown schema family has no entities', () => {
    expect(isKnownType(99, WebIFC.IFCSPACE)).toBe(false);
    expect(withSubtypes(99, WebIFC.IFCSPACE)).toEqual([WebIFC.IFCSPACE]);
  });

  it('the extraction’s type-code constants are web-ifc’s', () => {
    const own = Object.entries(IfcTypes);
    expect(own.length).toBeGreaterThan(50);
    for (const [name, code] of own) expect([name, code]).toEqual([name, W[name]]);
  });
});
