// Reads the XML of an IDS file into an IdsDocument. The file has passed the XSD by then
// (src/ifc/ids/xsd-validation.ts), so the structure is known; what this adds is the reading itself
// and the checks the XSD cannot make (a restriction base the checker does not know, bounds that
// are not numbers).
import { XMLParser } from 'fast-xml-parser';
import {
  AttributeFacet, Cardinality, ClassificationFacet, EntityFacet, Facet, IdsDocument, IdsValue, IFC_VERSIONS, IfcVersion, MaterialFacet, PartOfFacet, PartOfRelation, PropertyFacet, Restriction, Specification, SpecificationUsage, XsdBase,
} from './ids-document';
import { InvalidIdsError } from './invalid-ids';

type Node = Record<string, unknown>;

const REPEATED = new Set(['specification', 'entity', 'partOf', 'classification', 'attribute', 'property', 'material', 'enumeration', 'pattern']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name: string) => REPEATED.has(name),
});

const XSD_BASES: readonly XsdBase[] = ['string', 'boolean', 'integer', 'double', 'decimal', 'float', 'date', 'dateTime', 'time', 'duration', 'anyURI'];

class Reader {
  readonly problems: string[] = [];
  where = '';

  problem(message: string): void {
    this.problems.push(this.where ? `${this.where}: ${message}` : message);
  }
}

function children(node: unknown, name: string): Node[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as Node)[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'object' && x !== null ? (x as Node) : { '#text': String(x) }));
}

function child(node: unknown, name: string): Node | undefined {
  return children(node, name)[0];
}

function text(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const t = node['#text'];
  if (t === undefined) return Object.keys(node).some((k) => !k.startsWith('@')) ? undefined : '';
  return String(t);
}

function attr(node: Node | undefined, name: string): string | undefined {
  const v = node?.[`@${name}`];
  return v === undefined ? undefined : String(v);
}

function readValue(r: Reader, node: Node | undefined, what: string): IdsValue | undefined {
  if (!node) return undefined;
  const simple = child(node, 'simpleValue');
  if (simple) return { kind: 'simple', value: text(simple) ?? '' };
  const restriction = child(node, 'restriction');
  if (!restriction) {
    r.problem(`${what} has neither a simpleValue nor an xs:restriction.`);
    return undefined;
  }
  return readRestriction(r, restriction, what);
}

function readRestriction(r: Reader, node: Node, what: string): Restriction {
  const baseAttr = attr(node, 'base');
  const baseName = baseAttr?.replace(/^[\w-]+:/, '');
  let base: XsdBase | undefined;
  if (baseName !== undefined) {
    base = XSD_BASES.find((b) => b === baseName);
    if (!base) r.problem(`${what}: xs:restriction base "${baseAttr}" is not one of the XSD types IDS allows (${XSD_BASES.map((b) => `xs:${b}`).join(', ')}).`);
  }
  const values = (name: string) => children(node, name).map((c) => attr(c, 'value') ?? '');
  const one = (name: string) => values(name)[0];
  const bound = (name: string) => {
    const v = one(name);
    if (v !== undefined && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.trim())) r.problem(`${what}: xs:${name} "${v}" is not a number.`);
    return v?.trim();
  };
  const count = (name: string) => {
    const v = one(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v.trim())) r.problem(`${what}: xs:${name} "${v}" is not a whole number.`);
    return Number(v);
  };
  return {
    kind: 'restriction',
    base,
    enumeration: values('enumeration'),
    patterns: values('pattern'),
    minInclusive: bound('minInclusive'),
    maxInclusive: bound('maxInclusive'),
    minExclusive: bound('minExclusive'),
    maxExclusive: bound('maxExclusive'),
    length: count('length'),
    minLength: count('minLength'),
    maxLength: count('maxLength'),
  };
}

function cardinality(node: Node): Cardinality {
  const c = attr(node, 'cardinality');
  return c === 'optional' || c === 'prohibited' ? c : 'required';
}

function readEntity(r: Reader, node: Node): EntityFacet | undefined {
  const name = readValue(r, child(node, 'name'), 'entity name');
  if (!name) return undefined;
  return { facet: 'entity', name, predefinedType: readValue(r, child(node, 'predefinedType'), 'entity predefinedType') };
}

function readFacets(r: Reader, node: Node | undefined): Facet[] {
  if (!node) return [];
  const out: Facet[] = [];
  for (const e of children(node, 'entity')) {
    const f = readEntity(r, e);
    if (f) out.push(f);
  }
  for (const p of children(node, 'partOf')) {
    const entityNode = child(p, 'entity');
    const entity = entityNode ? readEntity(r, entityNode) : undefined;
    if (!entity) {
      r.problem('a partOf facet has no entity.');
      continue;
    }
    const relation = attr(p, 'relation') as PartOfRelation | undefined;
    out.push({ facet: 'partOf', relation, entity, cardinality: cardinality(p) } satisfies PartOfFacet);
  }
  for (const c of children(node, 'classification')) {
    out.push({ facet: 'classification', system: readValue(r, child(c, 'system'), 'classification system'), value: readValue(r, child(c, 'value'), 'classification value'), cardinality: cardinality(c) } satisfies ClassificationFacet);
  }
  for (const a of children(node, 'attribute')) {
    const name = readValue(r, child(a, 'name'), 'attribute name');
    if (name) out.push({ facet: 'attribute', name, value: readValue(r, child(a, 'value'), 'attribute value'), cardinality: cardinality(a) } satisfies AttributeFacet);
  }
  for (const p of children(node, 'property')) {
    const propertySet = readValue(r, child(p, 'propertySet'), 'property propertySet');
    const baseName = readValue(r, child(p, 'baseName'), 'property baseName');
    if (!propertySet || !baseName) continue;
    const dataType = attr(p, 'dataType')?.trim().toUpperCase();
    out.push({ facet: 'property', propertySet, baseName, dataType, value: readValue(r, child(p, 'value'), 'property value'), cardinality: cardinality(p) } satisfies PropertyFacet);
  }
  for (const m of children(node, 'material')) out.push({ facet: 'material', value: readValue(r, child(m, 'value'), 'material value'), cardinality: cardinality(m) } satisfies MaterialFacet);
  return out;
}

function usage(r: Reader, applicability: Node): SpecificationUsage {
  const min = attr(applicability, 'minOccurs') ?? '1';
  const max = attr(applicability, 'maxOccurs') ?? 'unbounded';
  if (max === '0') return 'prohibited';
  if (min === '0') return 'optional';
  if (!/^\d+$/.test(min) || Number(min) < 1) r.problem(`applicability minOccurs "${min}" is not a count.`);
  return 'required';
}

function readSpecification(r: Reader, node: Node, index: number): Specification | undefined {
  const name = attr(node, 'name') ?? `#${index + 1}`;
  r.where = `specification "${name}"`;
  // ids.xsd spells the IFC 4.3 release IFC4X3_ADD2; models say IFC4X3 (web-ifc reads both as one schema).
  const versions = (attr(node, 'ifcVersion') ?? '').split(/\s+/).filter(Boolean).map((v) => (v === 'IFC4X3_ADD2' ? 'IFC4X3' : v));
  const ifcVersions = [...new Set(versions.filter((v): v is IfcVersion => (IFC_VERSIONS as readonly string[]).includes(v)))];
  for (const v of versions) if (!(IFC_VERSIONS as readonly string[]).includes(v)) r.problem(`ifcVersion "${v}" is not IFC2X3, IFC4 or IFC4X3_ADD2.`);
  if (ifcVersions.length === 0) r.problem('it names no IFC version.');
  const applicabilityNode = child(node, 'applicability');
  if (!applicabilityNode) {
    r.problem('it has no applicability.');
    return undefined;
  }
  const applicability = readFacets(r, applicabilityNode);
  if (applicability.length === 0) r.problem('its applicability has no facet, so it would apply to nothing.');
  const requirements = readFacets(r, child(node, 'requirements'));
  return {
    name,
    identifier: attr(node, 'identifier'),
    description: attr(node, 'description'),
    instructions: attr(node, 'instructions'),
    ifcVersions,
    usage: usage(r, applicabilityNode),
    applicability,
    requirements,
  };
}

/** Parses IDS XML (already valid against ids.xsd). Throws InvalidIdsError listing every problem found. */
export function parseIdsXml(xml: string, fileName: string): IdsDocument {
  let root: Node;
  try {
    root = parser.parse(xml, true) as Node;
  } catch (e) {
    throw new InvalidIdsError(fileName, [`it is not well-formed XML (${e instanceof Error ? e.message : String(e)}).`]);
  }
  const ids = child(root, 'ids');
  if (!ids) throw new InvalidIdsError(fileName, ['its root element is not <ids>.']);
  const r = new Reader();
  const info = child(ids, 'info');
  const specifications = children(child(ids, 'specifications'), 'specification')
    .map((s, i) => readSpecification(r, s, i))
    .filter((s): s is Specification => s !== undefined);
  if (specifications.length === 0 && r.problems.length === 0) r.problem('it has no specification.');
  if (r.problems.length) throw new InvalidIdsError(fileName, r.problems);
  return { title: text(child(info, 'title'))?.trim() || fileName, version: text(child(info, 'version'))?.trim(), author: text(child(info, 'author'))?.trim(), specifications };
}
