// The facets that follow an entity's associations: property (own and from the type), classification,
// material and partOf.
import type { ClassificationFacet, MaterialFacet, PartOfFacet, PropertyFacet } from './ids-document';
import { checkEntity } from './facet-entity';
import { absent, fail, FacetOutcome, PASS } from './facet-outcome';
import type { IdsModelView, IfcScalar } from './model-view';
import { describeActual, describeExpected, nameMatches, valueMatches } from './value-match';

function unusable(v: IfcScalar): boolean {
  return (v.kind === 'string' && v.value === '') || (v.kind === 'logical' && v.value === null);
}

/**
 * Every property set whose name matches must hold a matching property, and every matching property
 * must meet dataType and value (IDS property-facet.md); a list, enumerated, bounded or table value
 * meets the value when any of its values does.
 */
export function checkProperty(model: IdsModelView, id: number, facet: PropertyFacet): FacetOutcome {
  const sets = model.propertySets(id).filter((s) => nameMatches(facet.propertySet, s.name));
  const wanted = `${describeExpected(facet.baseName)} in property set ${describeExpected(facet.propertySet)}`;
  if (sets.length === 0) return absent(`has no property set ${describeExpected(facet.propertySet)}`);
  let found = 0;
  let setWithout: string | undefined;
  for (const set of sets) {
    const properties = set.properties.filter((p) => nameMatches(facet.baseName, p.name));
    if (properties.length === 0) setWithout ??= set.name;
    for (const p of properties) {
      found++;
      const label = `${set.name}.${p.name}`;
      const values = p.values.filter((v) => !unusable(v));
      if (values.length === 0) return fail(p.values.length ? `${label} is ${describeActual(p.values[0])}` : `${label} has no value`);
      if (facet.dataType && !p.dataTypes.includes(facet.dataType)) return fail(`${label} is of type ${p.dataTypes.join(', ') || 'unknown'}, expected ${facet.dataType}`);
      const expected = facet.value;
      if (expected && !values.some((v) => valueMatches(expected, v))) return fail(`${label} is ${values.map(describeActual).join(', ')}, expected ${describeExpected(expected)}`);
    }
  }
  if (found === 0) return absent(`has no property ${wanted}`);
  if (setWithout !== undefined) return fail(`property set ${setWithout} has no property ${describeExpected(facet.baseName)}`);
  return PASS;
}

export function checkClassification(model: IdsModelView, id: number, facet: ClassificationFacet): FacetOutcome {
  const all = model.classifications(id);
  if (all.length === 0) return absent('has no classification');
  const inSystem = facet.system ? all.filter((c) => c.system !== null && nameMatches(facet.system!, c.system)) : all;
  if (inSystem.length === 0) return fail(`is classified in ${all.map((c) => `'${c.system ?? 'an unnamed system'}'`).join(', ')}, not in ${describeExpected(facet.system!)}`);
  const value = facet.value;
  if (!value) return PASS;
  if (inSystem.some((c) => c.values.some((v) => nameMatches(value, v)))) return PASS;
  const seen = inSystem.flatMap((c) => c.values);
  return fail(`has classification ${seen.length ? seen.map((v) => `'${v}'`).join(', ') : 'references without an identification'}, expected ${describeExpected(value)}`);
}

export function checkMaterial(model: IdsModelView, id: number, facet: MaterialFacet): FacetOutcome {
  const names = model.materials(id);
  if (names === undefined) return absent('has no material');
  const value = facet.value;
  if (!value) return PASS;
  if (names.some((n) => nameMatches(value, n))) return PASS;
  return fail(`has material ${names.length ? names.map((n) => `'${n}'`).join(', ') : 'without a name or category'}, expected ${describeExpected(value)}`);
}

/** Walks the wholes of an entity through the facet's relation (or all of them), transitively. */
export function checkPartOf(model: IdsModelView, id: number, facet: PartOfFacet): FacetOutcome {
  const seen = new Set<number>([id]);
  let frontier = [id];
  while (frontier.length) {
    const next: number[] = [];
    for (const current of frontier) {
      for (const link of model.parents(current)) {
        if (facet.relation && link.relation !== facet.relation) continue;
        if (seen.has(link.id)) continue;
        seen.add(link.id);
        if (checkEntity(model, link.id, facet.entity).result === 'pass') return PASS;
        next.push(link.id);
      }
    }
    frontier = next;
  }
  const via = facet.relation ? ` through ${facet.relation}` : '';
  return seen.size === 1 ? fail(`is not part of anything${via}`) : fail(`is not part of ${describeExpected(facet.entity.name)}${facet.entity.predefinedType ? ` with predefined type ${describeExpected(facet.entity.predefinedType)}` : ''}${via}`);
}
