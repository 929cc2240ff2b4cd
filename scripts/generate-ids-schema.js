#!/usr/bin/env node
// Writes assets/ids/ifc-schemas.json: for IFC2X3, IFC4 and IFC4X3, every entity (its supertype,
// its explicit attributes in STEP order with the kind of value each holds (and its defined type), its inverse attributes),
// every defined type with its value kind, every enumeration with its items and every select.
// The IDS checker needs this to tell an attribute from an inverse one, to know which entities have
// a PredefinedType, and to refuse value checks that can never work (a value on a list, "42.0" for
// an integer). Source: web-ifc's own schema declarations (node_modules/web-ifc/ifc-schema.d.ts),
// so the table always matches the engine that reads the model. Rerun after upgrading web-ifc:
//   node scripts/generate-ids-schema.js
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dts = fs.readFileSync(path.join(root, 'node_modules', 'web-ifc', 'ifc-schema.d.ts'), 'utf8');
const webIfcVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'web-ifc', 'package.json'), 'utf8')).version;

// Defined types whose underlying EXPRESS type is INTEGER (web-ifc declares all numbers alike).
const INTEGER_TYPES = new Set(['IFCINTEGER', 'IFCINTEGERCOUNTRATEMEASURE', 'IFCCOUNTMEASURE', 'IFCCARDINALPOINTREFERENCE', 'IFCDAYINMONTHNUMBER', 'IFCDAYINWEEKNUMBER', 'IFCDAYLIGHTSAVINGHOUR', 'IFCDIMENSIONCOUNT', 'IFCHOURINDAY', 'IFCMINUTEINHOUR', 'IFCMONTHINYEARNUMBER', 'IFCPOSITIVEINTEGER', 'IFCTIMESTAMP', 'IFCYEARNUMBER']);
// Plain INTEGER attributes (web-ifc writes `number` for INTEGER and REAL alike).
const INTEGER_ATTRIBUTES = new Set(['IFCSTAIRFLIGHT.NUMBEROFRISERS', 'IFCSTAIRFLIGHT.NUMBEROFTREADS', 'IFCTASK.PRIORITY', 'IFCSTAIRFLIGHTTYPE.NUMBEROFRISERS', 'IFCSTAIRFLIGHTTYPE.NUMBEROFTREADS']);

function namespaces() {
  const out = {};
  const re = /^export declare namespace (IFC\w+) \{$/gm;
  const starts = [];
  let m;
  while ((m = re.exec(dts))) starts.push({ name: m[1], at: m.index });
  starts.forEach((s, i) => (out[s.name] = dts.slice(s.at, i + 1 < starts.length ? starts[i + 1].at : dts.length)));
  return out;
}

function parseNamespace(text) {
  const classes = new Map();
  const selects = new Map();
  const classRe = /^ {4}class (\w+)(?: extends (\w+))? \{\n([\s\S]*?)\n {4}\}$/gm;
  let m;
  while ((m = classRe.exec(text))) classes.set(m[1], { name: m[1], parent: m[2], body: m[3] });
  const typeRe = /^ {4}type (\w+) = (.*);$/gm;
  while ((m = typeRe.exec(text))) selects.set(m[1].toUpperCase(), m[2]);
  return { classes, selects };
}

function kindOfType(expr, types, enums, selects, entities) {
  if (/\[\]/.test(expr)) return 'list';
  if (/Handle<boolean>/.test(expr)) return 'boolean';
  if (/NumberHandle \| number/.test(expr)) return 'real';
  if (/Handle<string>|\bstring\b/.test(expr)) return 'string';
  if (/Handle</.test(expr)) return 'entity';
  const name = expr.replace(/\|\s*null/g, '').replace(/[()]/g, '').trim().toUpperCase();
  if (types[name]) return types[name];
  if (enums[name]) return 'enum';
  if (selects.has(name)) return 'select';
  if (entities.has(name)) return 'entity';
  return 'unknown';
}

function buildSchema(text) {
  const { classes, selects } = parseNamespace(text);
  const types = {};
  const enums = {};
  const entityClasses = new Map();
  for (const c of classes.values()) {
    const upper = c.name.toUpperCase();
    const lines = c.body.split('\n').map((l) => l.trim());
    if (lines.every((l) => l.startsWith('static '))) {
      enums[upper] = lines.map((l) => l.replace(/^static (\w+):.*$/, '$1'));
    } else if (c.parent === 'NumberHandle') {
      types[upper] = INTEGER_TYPES.has(upper) ? 'integer' : 'real';
    } else if (lines.some((l) => l.startsWith('value: ')) && lines.includes('type: number;') && !c.parent && !lines.some((l) => /^constructor\((?!value|v\b)/.test(l))) {
      const v = /^value: (\w+)/.exec(lines.find((l) => l.startsWith('value: ')))[1];
      types[upper] = v === 'boolean' ? 'boolean' : v === 'logical' ? 'logical' : v === 'number' ? (INTEGER_TYPES.has(upper) ? 'integer' : 'real') : 'string';
    } else {
      entityClasses.set(upper, c);
    }
  }
  const entities = {};
  const all = new Map();
  for (const [upper, c] of entityClasses) {
    const lines = c.body.split('\n').map((l) => l.trim());
    const typeAt = lines.indexOf('type: number;');
    const ctor = lines.find((l) => l.startsWith('constructor('));
    const explicit = ctor ? splitParams(ctor.slice('constructor('.length, ctor.lastIndexOf(')'))) : [];
    const inverse = lines.slice(typeAt + 1).filter((l) => /^\w+:/.test(l)).map((l) => l.split(':')[0]);
    all.set(upper, { parent: c.parent ? c.parent.toUpperCase() : undefined, explicit, inverse });
  }
  for (const [upper, e] of all) {
    const parent = e.parent && all.has(e.parent) ? all.get(e.parent) : undefined;
    const inherited = parent ? parent.explicit.length : 0;
    const own = e.explicit.slice(inherited).map(([name, expr]) => {
      let kind = kindOfType(expr, types, enums, selects, all);
      if (kind === 'real' && INTEGER_ATTRIBUTES.has(`${upper}.${name.toUpperCase()}`)) kind = 'integer';
      const typeName = expr.replace(/\|\s*null/g, '').replace(/[()]/g, '').trim().toUpperCase();
      return types[typeName] || enums[typeName] ? [name, kind, optional(expr) ? 1 : 0, typeName] : [name, kind, optional(expr) ? 1 : 0];
    });
    const ownInverse = e.inverse.filter((n) => !(parent?.inverse ?? []).includes(n));
    entities[upper] = { s: e.parent && all.has(e.parent) ? e.parent : undefined, a: own, i: ownInverse.length ? ownInverse : undefined };
  }
  return { entities, types, enums, selects: [...selects.keys()].sort() };
}

function optional(expr) {
  return /\|\s*null\s*$/.test(expr);
}

/** "A: X | null, B: (Handle<Y> | Y)" → [["A", "X | null"], ["B", "(Handle<Y> | Y)"]] (commas inside <> or () kept). */
function splitParams(s) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(' || ch === '<') depth++;
    if (ch === ')' || ch === '>') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map((p) => {
    const i = p.indexOf(':');
    return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
  });
}

const schemas = {};
for (const [name, text] of Object.entries(namespaces())) schemas[name] = buildSchema(text);
const out = { source: `web-ifc ${webIfcVersion} ifc-schema.d.ts`, generatedBy: 'scripts/generate-ids-schema.js', schemas };
const target = path.join(root, 'assets', 'ids', 'ifc-schemas.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(out) + '\n');
for (const [name, s] of Object.entries(schemas)) {
  const unknown = Object.values(s.entities).flatMap((e) => e.a.filter((a) => a[1] === 'unknown')).length;
  console.log(`${name}: ${Object.keys(s.entities).length} entities, ${Object.keys(s.types).length} defined types, ${Object.keys(s.enums).length} enumerations, ${s.selects.length} selects, ${unknown} attributes of unknown kind`);
}
console.log(`wrote ${path.relative(root, target)} (${fs.statSync(target).size} bytes)`);
