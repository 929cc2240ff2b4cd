// Loading .ids files: read, validate against buildingSMART's ids.xsd (libxml2 through xmllint-wasm),
// parse, and audit against the IFC schemas. A file that fails any step is refused whole with every
// problem found. Many files can be validated in one xmllint run (the test suite loads 268 in ~0.5 s,
// where one run per file costs ~180 ms each).
import * as fs from 'fs';
import * as path from 'path';
import { validateXML, XMLValidationError } from 'xmllint-wasm';
import { auditIds } from '../../core/ids/ids-audit';
import type { IdsDocument } from '../../core/ids/ids-document';
import { parseIdsXml } from '../../core/ids/ids-xml';
import { IfcSchemas, SchemaTablesData } from '../../core/ids/ifc-schema';
import { InvalidIdsError } from '../../core/ids/invalid-ids';
import { assetPath } from '../../platform/assets';

export interface LoadedIds {
  readonly fileName: string;
  readonly path: string;
  readonly document: IdsDocument;
}

/** The W3C schemas ids.xsd imports by web address, resolved to the bundled copies (see assets/ids/README.md). */
const CATALOG: Record<string, string> = {
  'http://www.w3.org/2001/XMLSchema.xsd': 'XMLSchema.xsd',
  'http://www.w3.org/2001/xml.xsd': 'xml.xsd',
};

let schemaFiles: { schema: { fileName: string; contents: string }; preload: { fileName: string; contents: string }[] } | undefined;

function xsdFiles(): NonNullable<typeof schemaFiles> {
  if (!schemaFiles) {
    let xsd = fs.readFileSync(assetPath('ids', 'ids.xsd'), 'utf8');
    for (const [url, local] of Object.entries(CATALOG)) xsd = xsd.split(`schemaLocation="${url}"`).join(`schemaLocation="${local}"`);
    const meta = fs.readFileSync(assetPath('ids', 'w3c', 'XMLSchema.xsd'), 'utf8').split('schemaLocation="http://www.w3.org/2001/xml.xsd"').join('schemaLocation="xml.xsd"');
    schemaFiles = {
      schema: { fileName: 'ids.xsd', contents: xsd },
      preload: [
        { fileName: 'XMLSchema.xsd', contents: meta },
        { fileName: 'xml.xsd', contents: fs.readFileSync(assetPath('ids', 'w3c', 'xml.xsd'), 'utf8') },
      ],
    };
  }
  return schemaFiles;
}

let schemas: IfcSchemas | undefined;

/** The IFC2X3, IFC4 and IFC4X3 tables (assets/ids/ifc-schemas.json), read once. */
export function ifcSchemas(): IfcSchemas {
  schemas ??= new IfcSchemas(JSON.parse(fs.readFileSync(assetPath('ids', 'ifc-schemas.json'), 'utf8')) as SchemaTablesData);
  return schemas;
}

function xsdMessage(e: XMLValidationError): string {
  return `${e.loc ? `line ${e.loc.lineNumber}: ` : ''}${e.message.replace(/^Schemas validity error : /, '').replace(/\{http:\/\/standards\.buildingsmart\.org\/IDS\}/g, '').trim()}`;
}

/**
 * Loads each file; the result at each position is the loaded IDS or the reason it was refused.
 * Throws only for an internal failure of the validator itself.
 */
export async function loadIdsFiles(filePaths: readonly string[]): Promise<(LoadedIds | InvalidIdsError)[]> {
  const texts = filePaths.map((p) => {
    try {
      const bytes = fs.readFileSync(p);
      if (bytes.length === 0) return new InvalidIdsError(path.basename(p), ['the file is empty.']);
      return bytes.toString('utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return new InvalidIdsError(path.basename(p), [code === 'ENOENT' ? 'the file does not exist.' : code === 'EISDIR' ? 'it is a folder, not a file.' : `it cannot be read (${code ?? String(e)}).`]);
    }
  });
  const readable = texts.map((t, i) => ({ t, i })).filter((x): x is { t: string; i: number } => typeof x.t === 'string');
  const errors = new Map<number, string[]>();
  if (readable.length) {
    const { schema, preload } = xsdFiles();
    // xmllint names each input by its file name: numbered names keep equal base names apart.
    const result = await validateXML({ xml: readable.map(({ t, i }) => ({ fileName: `ids-${i}.xml`, contents: t })), schema, preload });
    for (const e of result.errors) {
      const m = e.loc ? /^ids-(\d+)\.xml$/.exec(e.loc.fileName) : null;
      if (!m) continue;
      const list = errors.get(Number(m[1])) ?? [];
      list.push(xsdMessage(e));
      errors.set(Number(m[1]), list);
    }
  }
  return filePaths.map((p, i) => {
    const fileName = path.basename(p);
    const t = texts[i];
    if (t instanceof InvalidIdsError) return t;
    const xsdProblems = errors.get(i);
    if (xsdProblems) return new InvalidIdsError(fileName, xsdProblems.map((m) => `it does not follow the IDS 1.0 schema: ${m}`));
    try {
      const document = parseIdsXml(t, fileName);
      const problems = auditIds(document, ifcSchemas());
      if (problems.length) return new InvalidIdsError(fileName, problems);
      return { fileName, path: p, document };
    } catch (e) {
      if (e instanceof InvalidIdsError) return e;
      throw e;
    }
  });
}

/** Loads one IDS file; throws InvalidIdsError when it cannot be used. */
export async function loadIdsFile(filePath: string): Promise<LoadedIds> {
  const [loaded] = await loadIdsFiles([filePath]);
  if (loaded instanceof InvalidIdsError) throw loaded;
  return loaded;
}
