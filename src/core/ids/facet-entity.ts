// The entity facet (IFC class and predefined type) and the attribute facet: both read an entity's
// own attributes. Attributes are not inherited from the type object; the predefined type is (IDS
// entity-facet.md: an occurrence's NOTDEFINED or empty PredefinedType takes its type's).
import type { AttributeFacet, EntityFacet } from './ids-document';
import { absent, fail, FacetOutcome, PASS } from './facet-outcome';
import type { AttributeValue, IdsModelView } from './model-view';
import { describeActual, describeExpected, nameMatches, valueMatches } from './value-match';

/** Where a USERDEFINED predefined type is spelled out: occurrences, element types, process and resource types. */
const USER_DEFINED_ATTRIBUTES = ['ObjectType', 'ElementType', 'ProcessType', 'ResourceType'];

function enumText(v: AttributeValue | undefined): string | null {
  return v && v.kind === 'enum' ? v.value : null;
}

function userDefinedType(model: IdsModelView, id: number): string | null {
  for (const name of USER_DEFINED_ATTRIBUTES) {
    const v = model.attribute(id, name);
    if (v && v.kind === 'string' && v.value !== '') return v.value;
  }
  return null;
}

/**
 * The predefined types IDS compares: the occurrence's, else its type's; a USERDEFINED one counts as
 * both "USERDEFINED" and the user's own name (entity/pass-userdefined_predefined_types… and
 * pass-a_predefined_type_may_specify_a_user_defined_element_type).
 */
export function predefinedTypesOf(model: IdsModelView, id: number): string[] {
  const own = enumText(model.attribute(id, 'PredefinedType'));
  const type = model.typeOf(id);
  const holder = own !== null && own !== 'NOTDEFINED' ? id : type !== null && enumText(model.attribute(type, 'PredefinedType')) !== null ? type : id;
  const value = enumText(model.attribute(holder, 'PredefinedType'));
  if (value === 'USERDEFINED') {
    const name = userDefinedType(model, holder);
    return name === null ? ['USERDEFINED'] : [name, 'USERDEFINED'];
  }
  return value === null ? [] : [value];
}

export function checkEntity(model: IdsModelView, id: number, facet: EntityFacet): FacetOutcome {
  const cls = model.className(id);
  if (!nameMatches(facet.name, cls)) return fail(`is an ${cls}, not ${describeExpected(facet.name)}`);
  const expected = facet.predefinedType;
  if (!expected) return PASS;
  const types = predefinedTypesOf(model, id);
  if (types.length === 0) return fail(`has no predefined type, expected ${describeExpected(expected)}`);
  if (!types.some((t) => nameMatches(expected, t))) return fail(`has predefined type '${types[0]}', expected ${describeExpected(expected)}`);
  return PASS;
}

/** Why an attribute value that is there still cannot count: '' , an empty list, UNKNOWN. */
function emptyReason(v: AttributeValue): string | undefined {
  if (v.kind === 'string' && v.value === '') return 'is an empty string';
  if (v.kind === 'list' && v.size === 0) return 'is an empty list';
  if (v.kind === 'logical' && v.value === null) return 'is UNKNOWN';
  return undefined;
}

export function checkAttribute(model: IdsModelView, id: number, facet: AttributeFacet): FacetOutcome {
  const cls = model.className(id);
  const names = facet.name.kind === 'simple' ? [facet.name.value] : model.schema.attributes(cls).map((a) => a.name).filter((n) => nameMatches(facet.name, n));
  const present: [string, AttributeValue][] = [];
  for (const name of names) {
    const v = model.attribute(id, name);
    if (v && v.kind !== 'empty') present.push([name, v]);
  }
  if (present.length === 0) {
    const which = facet.name.kind === 'simple' ? `attribute ${facet.name.value}` : `an attribute named ${describeExpected(facet.name)}`;
    return absent(names.length === 0 || names.every((n) => model.attribute(id, n) === undefined) ? `has no ${which}` : `has no value for ${which}`);
  }
  for (const [name, v] of present) {
    const empty = emptyReason(v);
    if (empty) return fail(`${name} ${empty}`);
    if (!facet.value) continue;
    if (v.kind === 'entity' || v.kind === 'list') return fail(`${name} is ${v.kind === 'entity' ? 'a reference' : 'a list'}, which cannot be compared with ${describeExpected(facet.value)}`);
    if (v.kind === 'empty') continue;
    if (!valueMatches(facet.value, v)) return fail(`${name} is ${describeActual(v)}, expected ${describeExpected(facet.value)}`);
  }
  return PASS;
}
