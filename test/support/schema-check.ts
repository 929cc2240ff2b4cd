// Validation against the JSON export's schema (assets/schema/room-schedule.schema.json) with ajv in
// draft 2020-12 mode, strict, so a schema mistake (an unknown keyword, a typo in a $ref) fails too.
import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import * as fs from 'fs';
import * as path from 'path';

export const ROOM_SCHEDULE_SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'assets', 'schema', 'room-schedule.schema.json');

export interface SchemaNode {
  [keyword: string]: unknown;
}

export function loadRoomScheduleSchema(): SchemaNode {
  return JSON.parse(fs.readFileSync(ROOM_SCHEDULE_SCHEMA_FILE, 'utf8')) as SchemaNode;
}

/** Returns a validator: every violation as "<JSON pointer> <problem>", empty when the document conforms. */
export function roomScheduleValidator(schema: SchemaNode = loadRoomScheduleSchema()): (doc: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  // RFC 3339 date-time, as toISOString() writes it (ajv-formats is not a dependency of ours).
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(schema);
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`));
}

/** Paths of the schema's fields that lack a description (every field must say what it is). */
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
