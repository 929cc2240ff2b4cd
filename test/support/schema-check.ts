// A small JSON Schema (draft 2020-12) checker for the keywords room-schedule.schema.json uses, until
// a full validator (ajv) is a declared dev dependency. It refuses schemas that use any other
// validation keyword, so the schema cannot grow a rule this checker silently ignores.

export interface SchemaNode {
  [keyword: string]: unknown;
}

// Keywords that describe but do not constrain ("format" is an annotation in 2020-12 by default).
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', '$defs', 'title', 'description', 'examples', 'default', 'format']);
const VALIDATORS = new Set(['type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items', 'anyOf', '$ref', 'minimum', 'pattern', 'minItems', 'maxItems']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

export class SchemaChecker {
  constructor(private readonly root: SchemaNode) {
    this.checkKeywords(root, '#');
  }

  /** Every violation as "path: problem"; empty when `value` conforms. */
  validate(value: unknown): string[] {
    const errors: string[] = [];
    this.visit(this.root, value, '$', errors);
    return errors;
  }

  private resolve(ref: string): SchemaNode {
    if (!ref.startsWith('#/')) throw new Error(`only local $ref are supported, got ${ref}`);
    let node: unknown = this.root;
    for (const part of ref.slice(2).split('/')) node = (node as SchemaNode)[part];
    if (typeof node !== 'object' || node === null) throw new Error(`$ref ${ref} points nowhere`);
    return node as SchemaNode;
  }

  private visit(schema: SchemaNode, v: unknown, at: string, errors: string[]): void {
    if (typeof schema.$ref === 'string') this.visit(this.resolve(schema.$ref), v, at, errors);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => hasType(v, t))) {
        errors.push(`${at}: expected ${types.join(' | ')}, got ${typeOf(v)}`);
        return;
      }
    }
    if (schema.const !== undefined && v !== schema.const) errors.push(`${at}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(v)}`);
    if (Array.isArray(schema.enum) && !schema.enum.includes(v as never)) errors.push(`${at}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema.enum)}`);
    if (typeof v === 'number' && typeof schema.minimum === 'number' && v < schema.minimum) errors.push(`${at}: ${v} is below the minimum ${schema.minimum}`);
    if (typeof v === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) errors.push(`${at}: "${v}" does not match ${schema.pattern}`);
    if (Array.isArray(schema.anyOf)) {
      const branches = (schema.anyOf as SchemaNode[]).map((s) => {
        const e: string[] = [];
        this.visit(s, v, at, e);
        return e;
      });
      if (!branches.some((e) => e.length === 0)) errors.push(`${at}: matches none of anyOf (${branches.map((e) => e[0]).join('; ')})`);
    }
    if (Array.isArray(v)) this.visitArray(schema, v, at, errors);
    else if (typeOf(v) === 'object') this.visitObject(schema, v as Record<string, unknown>, at, errors);
  }

  private visitArray(schema: SchemaNode, v: unknown[], at: string, errors: string[]): void {
    if (typeof schema.minItems === 'number' && v.length < schema.minItems) errors.push(`${at}: ${v.length} items, fewer than ${schema.minItems}`);
    if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) errors.push(`${at}: ${v.length} items, more than ${schema.maxItems}`);
    if (schema.items) v.forEach((item, i) => this.visit(schema.items as SchemaNode, item, `${at}[${i}]`, errors));
  }

  private visitObject(schema: SchemaNode, v: Record<string, unknown>, at: string, errors: string[]): void {
    for (const key of (schema.required as string[] | undefined) ?? []) if (!Object.hasOwn(v, key)) errors.push(`${at}: missing required "${key}"`);
    const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
    for (const [key, value] of Object.entries(v)) {
      const where = `${at}.${key}`;
      if (Object.hasOwn(properties, key)) this.visit(properties[key], value, where, errors);
      else if (schema.additionalProperties === false) errors.push(`${where}: not allowed (not in the schema)`);
      else if (typeof schema.additionalProperties === 'object') this.visit(schema.additionalProperties as SchemaNode, value, where, errors);
    }
  }

  private checkKeywords(node: unknown, at: string): void {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node as SchemaNode)) {
      if (!ANNOTATIONS.has(key) && !VALIDATORS.has(key)) throw new Error(`${at}: the schema uses "${key}", which this checker does not implement`);
      if (key === 'properties' || key === '$defs') for (const [name, sub] of Object.entries(value as SchemaNode)) this.checkKeywords(sub, `${at}/${key}/${name}`);
      else if (key === 'items' || key === 'additionalProperties') this.checkKeywords(value, `${at}/${key}`);
      else if (key === 'anyOf') (value as unknown[]).forEach((sub, i) => this.checkKeywords(sub, `${at}/anyOf/${i}`));
    }
  }
}

/** Paths of the schema's property definitions that lack a description (every field must say what it is). */
export function undocumentedFields(schema: SchemaNode): string[] {
  const missing: string[] = [];
  const walk = (node: unknown, at: string, isField: boolean) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as SchemaNode;
    if (isField && typeof n.description !== 'string') missing.push(at);
    for (const [name, sub] of Object.entries((n.properties ?? {}) as SchemaNode)) walk(sub, `${at}.${name}`, true);
    for (const [name, sub] of Object.entries((n.$defs ?? {}) as SchemaNode)) walk(sub, `#/$defs/${name}`, true);
    if (typeof n.items === 'object') walk(n.items, `${at}[]`, false);
    if (typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${at}.*`, true);
  };
  walk(schema, '$', true);
  return missing;
}
