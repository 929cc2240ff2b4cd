// Checks an IDS against the IFC schemas it names, beyond what ids.xsd can see: entity and attribute
// names that do not exist (or are inverse or derived), a predefinedType on an entity that has none,
// values that can never match the attribute's or dataType's kind ("FALSE" for a boolean, "42.0" for
// an integer, "42,3" for a real, any value on a list or a reference, a pattern on a number), unknown
// dataTypes, and a required entity that no applicable entity can be. Such an IDS is refused whole
// (the "invalid-" cases of buildingSMART's test suite), never checked in part.
import type { AttributeFacet, EntityFacet, Facet, IdsDocument, IdsValue, PropertyFacet, Specification } from './ids-document';
import type { IfcSchema, IfcSchemas, ValueKind } from './ifc-schema';
import { isBooleanText, isIntegerText, nameMatches, parseDouble } from './value-match';
import { xsdPattern, XsdPatternError } from './xsd-pattern';

/** Entity names an entity facet can match in a schema. */
function entityNames(schema: IfcSchema, facet: EntityFacet): string[] {
  return facet.name.kind === 'simple' ? (schema.hasEntity(facet.name.value) ? [facet.name.value] : []) : schema.entityNames().filter((n) => nameMatches(facet.name, n));
}

function literals(v: IdsValue): string[] {
  return v.kind === 'simple' ? [v.value] : [...v.enumeration];
}

function hasPattern(v: IdsValue): boolean {
  return v.kind === 'restriction' && v.patterns.length > 0;
}

/** Why `value` can never meet a value of `kind`, or undefined when it can. */
function valueProblem(kind: ValueKind, value: IdsValue): string | undefined {
  switch (kind) {
    case 'entity':
    case 'list':
    case 'select':
      return `it holds ${kind === 'entity' ? 'a reference to another entity' : kind === 'list' ? 'a list' : 'a select'}, which a value cannot be compared with`;
    case 'boolean':
    case 'logical': {
      if (hasPattern(value)) return 'a pattern cannot match a boolean';
      const bad = literals(value).find((l) => !isBooleanText(l));
      return bad === undefined ? undefined : `booleans are written "true" or "false", not "${bad}"`;
    }
    case 'integer': {
      if (hasPattern(value)) return 'a pattern cannot match a number';
      const bad = literals(value).find((l) => !isIntegerText(l));
      return bad === undefined ? undefined : `"${bad}" is not an integer`;
    }
    case 'real': {
      if (hasPattern(value)) return 'a pattern cannot match a number';
      const bad = literals(value).find((l) => parseDouble(l) === undefined);
      return bad === undefined ? undefined : `"${bad}" is not a number (use a dot for decimals and no thousands separator)`;
    }
    default:
      return undefined;
  }
}

class SpecificationAudit {
  private readonly problems: string[] = [];
  /** Schema problems, each with the schemas it occurs in (said only when not all of them). */
  private readonly bySchema = new Map<string, string[]>();

  constructor(
    private readonly spec: Specification,
    private readonly schemas: IfcSchemas,
  ) {}

  private problem(schema: IfcSchema, message: string): void {
    const versions = this.bySchema.get(message) ?? [];
    if (!versions.includes(schema.version)) versions.push(schema.version);
    this.bySchema.set(message, versions);
  }

  run(): string[] {
    for (const version of this.spec.ifcVersions) {
      const schema = this.schemas.get(version);
      const applicable = this.spec.applicability.find((f): f is EntityFacet => f.facet === 'entity');
      const classes = applicable ? entityNames(schema, applicable) : undefined;
      for (const facet of [...this.spec.applicability, ...this.spec.requirements]) this.facet(schema, facet, classes);
      const required = this.spec.requirements.find((f): f is EntityFacet => f.facet === 'entity');
      if (required && classes && classes.length && entityNames(schema, required).length) {
        const allowed = new Set(entityNames(schema, required));
        if (!classes.some((c) => allowed.has(c))) this.problem(schema, `no entity can be both ${describeNames(applicable!)} (applicability) and ${describeNames(required)} (requirements)`);
      }
    }
    this.patterns();
    const all = this.spec.ifcVersions.length;
    const schemaProblems = [...this.bySchema].map(([message, versions]) => `specification "${this.spec.name}": ${message}${versions.length < all ? ` (in ${versions.join(', ')})` : ''}.`);
    return [...schemaProblems, ...this.problems];
  }

  private facet(schema: IfcSchema, facet: Facet, classes: string[] | undefined): void {
    if (facet.facet === 'entity') this.entity(schema, facet);
    else if (facet.facet === 'partOf') this.entity(schema, facet.entity);
    else if (facet.facet === 'attribute' && classes) this.attribute(schema, facet, classes);
    else if (facet.facet === 'property') this.property(schema, facet);
  }

  private entity(schema: IfcSchema, facet: EntityFacet): void {
    const names = entityNames(schema, facet);
    if (facet.name.kind === 'simple' && names.length === 0) return this.problem(schema, `${facet.name.value} is not an IFC entity`);
    if (facet.name.kind === 'restriction') {
      const unknown = facet.name.enumeration.filter((n) => !schema.hasEntity(n));
      if (unknown.length) return this.problem(schema, `${unknown.join(', ')} ${unknown.length === 1 ? 'is not an IFC entity' : 'are not IFC entities'}`);
      if (names.length === 0) return this.problem(schema, 'the entity name restriction matches no IFC entity');
    }
    if (facet.predefinedType && facet.name.kind === 'simple') {
      const name = names[0];
      const hasPredefined = (n: string) => schema.hasEntity(n) && schema.attribute(n, 'PredefinedType') !== undefined;
      // IFC2X3 products often take theirs from a type of another name (IfcFlowTerminal from
      // IfcSanitaryTerminalType…: IDS's ifc2x3-occurrence-type-mapping-table), so only what can
      // have no type at all is refused there.
      const typedElsewhere = schema.version === 'IFC2X3' && schema.isA(name, 'IFCPRODUCT');
      if (!hasPredefined(name) && !hasPredefined(`${name}TYPE`) && !typedElsewhere) this.problem(schema, `${name} has no PredefinedType, so a predefinedType cannot be required of it`);
    }
  }

  private attribute(schema: IfcSchema, facet: AttributeFacet, classes: string[]): void {
    if (classes.length === 0) return;
    const matching = classes.flatMap((c) => schema.attributes(c).filter((a) => nameMatches(facet.name, a.name)));
    if (matching.length === 0) {
      if (facet.name.kind !== 'simple') return;
      const name = facet.name.value;
      const inverse = classes.some((c) => schema.inverseAttributes(c).includes(name));
      return this.problem(schema, `${name} is ${inverse ? 'an inverse attribute' : 'not an attribute'} of ${classes.join(', ')}${inverse ? ', which IDS cannot check' : ' (derived attributes cannot be checked either)'}`);
    }
    if (!facet.value) return;
    for (const a of matching) {
      const why = valueProblem(a.kind, facet.value);
      if (why) return this.problem(schema, `attribute ${a.name}: ${why}`);
    }
  }

  private property(schema: IfcSchema, facet: PropertyFacet): void {
    if (!facet.dataType) return;
    const kind = schema.definedType(facet.dataType);
    if (!kind) return this.problem(schema, `dataType ${facet.dataType} is not an IFC defined type`);
    if (facet.value) {
      const why = valueProblem(kind, facet.value);
      if (why) this.problem(schema, `property ${facet.dataType} value: ${why}`);
    }
  }

  /** Every xs:pattern must be one the checker can run. */
  private patterns(): void {
    const values: IdsValue[] = [];
    const collect = (v: IdsValue | undefined) => v && values.push(v);
    for (const f of [...this.spec.applicability, ...this.spec.requirements]) {
      if (f.facet === 'entity') [f.name, f.predefinedType].forEach(collect);
      else if (f.facet === 'partOf') [f.entity.name, f.entity.predefinedType].forEach(collect);
      else if (f.facet === 'attribute') [f.name, f.value].forEach(collect);
      else if (f.facet === 'property') [f.propertySet, f.baseName, f.value].forEach(collect);
      else if (f.facet === 'classification') [f.system, f.value].forEach(collect);
      else collect(f.value);
    }
    for (const v of values) {
      if (v.kind !== 'restriction') continue;
      for (const p of v.patterns) {
        try {
          xsdPattern(p);
        } catch (e) {
          if (!(e instanceof XsdPatternError)) throw e;
          this.problems.push(`specification "${this.spec.name}": the pattern "${p}" cannot be used: ${e.message}.`);
        }
      }
    }
  }
}

function describeNames(f: EntityFacet): string {
  return f.name.kind === 'simple' ? f.name.value : f.name.enumeration.length ? f.name.enumeration.join(' or ') : `a name matching ${f.name.patterns.join(' or ')}`;
}

/** Every problem that makes the document unusable; empty when it can be checked. */
export function auditIds(doc: IdsDocument, schemas: IfcSchemas): string[] {
  return doc.specifications.flatMap((s) => new SpecificationAudit(s, schemas).run());
}
