// Checks a model against an IDS document: for each specification, select the applicable entities (every applicability facet must hold), then test each against the
// requirements with their cardinality, and judge the specification by its usage (required: at least
// one applicable entity; prohibited: none).
import { checkAttribute, checkEntity } from './facet-entity';
import { applies, FacetOutcome, requirementFailure } from './facet-outcome';
import { checkClassification, checkMaterial, checkPartOf, checkProperty } from './facet-relations';
import type { AttributeFacet, EntityFacet, Facet, IdsDocument, Specification } from './ids-document';
import type { EntityRef, EntityResult, SpecificationResult } from './ids-report';
import type { IdsModelView } from './model-view';
import { describeExpected, nameMatches } from './value-match';

export interface CheckHooks {
  /** Called between entities; may yield and throw to cancel. */
  checkpoint?: () => Promise<void>;
  /** Overall completion 0..1 and the specification being checked. */
  onProgress?: (fraction: number, specification: string) => void;
}

export function checkFacet(model: IdsModelView, id: number, facet: Facet): FacetOutcome {
  switch (facet.facet) {
    case 'entity':
      return checkEntity(model, id, facet);
    case 'attribute':
      return checkAttribute(model, id, facet);
    case 'property':
      return checkProperty(model, id, facet);
    case 'classification':
      return checkClassification(model, id, facet);
    case 'material':
      return checkMaterial(model, id, facet);
    case 'partOf':
      return checkPartOf(model, id, facet);
  }
}

function prohibitedReason(facet: Facet): string {
  switch (facet.facet) {
    case 'entity':
      return `is ${describeExpected(facet.name)}`;
    case 'attribute':
      return `has attribute ${describeExpected(facet.name)}${facet.value ? ` with ${describeExpected(facet.value)}` : ''}, which is prohibited`;
    case 'property':
      return `has property ${describeExpected(facet.baseName)} in ${describeExpected(facet.propertySet)}${facet.value ? ` with ${describeExpected(facet.value)}` : ''}, which is prohibited`;
    case 'classification':
      return `has a classification${facet.system ? ` in ${describeExpected(facet.system)}` : ''}${facet.value ? ` ${describeExpected(facet.value)}` : ''}, which is prohibited`;
    case 'material':
      return `has a material${facet.value ? ` ${describeExpected(facet.value)}` : ''}, which is prohibited`;
    case 'partOf':
      return `is part of ${describeExpected(facet.entity.name)}${facet.relation ? ` through ${facet.relation}` : ''}, which is prohibited`;
  }
}

/**
 * The entities worth testing: those of the classes an entity facet names; without one, those that
 * have what the most selective other facet asks about (a 200 MB model holds millions of entities,
 * and only the few hundred with property sets can meet a property facet).
 */
function candidates(model: IdsModelView, spec: Specification): readonly number[] {
  const facets = spec.applicability;
  const entity = facets.find((f): f is EntityFacet => f.facet === 'entity');
  const classes = (matches: (name: string) => boolean) => model.schema.entityNames().filter(matches).flatMap((n) => model.entitiesOfClass(n));
  if (entity) return entity.name.kind === 'simple' ? model.entitiesOfClass(entity.name.value) : classes((n) => nameMatches(entity.name, n));
  for (const [facet, kind] of [['partOf', 'parents'], ['classification', 'classifications'], ['material', 'materials'], ['property', 'properties']] as const) {
    if (facets.some((f) => f.facet === facet)) return model.entitiesWith(kind);
  }
  const attribute = facets.find((f): f is AttributeFacet => f.facet === 'attribute');
  return attribute ? classes((n) => model.schema.attributes(n).some((a) => nameMatches(attribute.name, a.name))) : [];
}

function entityRef(model: IdsModelView, id: number): EntityRef {
  return { expressId: id, ifcClass: model.className(id), ...model.describe(id) };
}

async function checkSpecification(model: IdsModelView, spec: Specification, hooks: CheckHooks, progress: (within: number) => void): Promise<SpecificationResult> {
  // ifcVersion is metadata (ids/pass-specification_version_is_purely_metadata…): a specification is
  // checked on any model, and the report says when the model's schema is not one it names.
  const note = spec.ifcVersions.includes(model.schema.version) ? undefined : `written for ${spec.ifcVersions.join(', ')}, checked on this ${model.schema.version} model`;
  const base = { name: spec.name, identifier: spec.identifier, description: spec.description, ifcVersions: spec.ifcVersions, usage: spec.usage, note };
  const results: EntityResult[] = [];
  const pool = candidates(model, spec);
  for (let i = 0; i < pool.length; i++) {
    const id = pool[i];
    if (i % 200 === 199) {
      progress(i / pool.length);
      await hooks.checkpoint?.();
    }
    if (!spec.applicability.every((f) => applies(checkFacet(model, id, f)))) continue;
    const reasons: string[] = [];
    if (spec.usage === 'prohibited') {
      reasons.push('matches a specification whose applicability is prohibited');
    } else {
      for (const facet of spec.requirements) {
        const cardinality = facet.facet === 'entity' ? 'required' : facet.cardinality;
        const why = requirementFailure(checkFacet(model, id, facet), cardinality, () => prohibitedReason(facet));
        if (why) reasons.push(why);
      }
    }
    results.push({ entity: entityRef(model, id), passed: reasons.length === 0, reasons });
  }
  const failedCount = results.filter((r) => !r.passed).length;
  const counts = { applicableCount: results.length, passedCount: results.length - failedCount, failedCount };
  if (spec.usage === 'required' && results.length === 0) return { ...base, status: 'fail', reason: 'no entity in the model is applicable, but the specification is required', ...counts, results };
  if (spec.usage === 'prohibited' && results.length > 0) return { ...base, status: 'fail', reason: `${results.length} entit${results.length === 1 ? 'y matches' : 'ies match'} a prohibited specification`, ...counts, results };
  return { ...base, status: failedCount ? 'fail' : 'pass', reason: failedCount ? `${failedCount} of ${results.length} applicable entities fail` : undefined, ...counts, results };
}

/** Every specification's result, in the IDS's order. */
export async function checkSpecifications(doc: IdsDocument, model: IdsModelView, hooks: CheckHooks = {}): Promise<SpecificationResult[]> {
  const out: SpecificationResult[] = [];
  const n = doc.specifications.length;
  for (const [i, spec] of doc.specifications.entries()) {
    hooks.onProgress?.(i / n, spec.name);
    await hooks.checkpoint?.();
    out.push(await checkSpecification(model, spec, hooks, (within) => hooks.onProgress?.((i + within) / n, spec.name)));
  }
  hooks.onProgress?.(1, '');
  return out;
}
