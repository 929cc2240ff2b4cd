// The model as the IDS checker sees it: entities by class, their attributes, property sets (own and
// from their type), classifications, materials and the relations partOf follows. src/ifc/ids
// implements it over web-ifc; the checker itself never touches web-ifc. Values are already in the
// units IDS nominates (SI), so comparisons need no unit knowledge here.
import type { PartOfRelation } from './ids-document';
import type { IfcSchema } from './ifc-schema';

/** A single value as IDS compares it; `ifcType` is its IFC defined type when it has one ("IFCLABEL"). */
export type IfcScalar =
  | { readonly kind: 'string' | 'enum'; readonly value: string; readonly ifcType?: string }
  | { readonly kind: 'real' | 'integer'; readonly value: number; readonly ifcType?: string }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly ifcType?: string }
  /** null is UNKNOWN. */
  | { readonly kind: 'logical'; readonly value: boolean | null; readonly ifcType?: string };

/** An attribute's value: a scalar, or a reference / list / nothing, which IDS can only test for presence. */
export type AttributeValue = IfcScalar | { readonly kind: 'entity' } | { readonly kind: 'list'; readonly size: number } | { readonly kind: 'empty' };

export interface PropertyView {
  readonly name: string;
  /** The values a value check may match: one for a single value; each item of a list, enumeration, bounds or table. */
  readonly values: readonly IfcScalar[];
  /** The IFC types of the values ("IFCLABEL"); for quantities, the measure ("IFCLENGTHMEASURE"). */
  readonly dataTypes: readonly string[];
}

export interface PropertySetView {
  readonly name: string;
  readonly properties: readonly PropertyView[];
}

export interface ClassificationView {
  /** Name of the classification system (IfcClassification.Name), when known. */
  readonly system: string | null;
  /** Identification (IFC4) or ItemReference (IFC2X3) of the reference and of the references above it. */
  readonly values: readonly string[];
}

export interface ParentLink {
  readonly id: number;
  readonly relation: PartOfRelation;
}

export interface IdsModelView {
  readonly schema: IfcSchema;
  /** Express ids of every entity of exactly this class (upper case). */
  entitiesOfClass(upperName: string): readonly number[];
  /**
   * Entities that have (or inherit from their type) any association of this kind: the only ones an
   * applicability without an entity facet can select, so a check never walks the whole model.
   */
  entitiesWith(kind: 'properties' | 'classifications' | 'materials' | 'parents'): readonly number[];
  /** Upper case class name of an entity. */
  className(id: number): string;
  /** An explicit attribute's value; undefined when the entity has no such attribute. */
  attribute(id: number, name: string): AttributeValue | undefined;
  /** The type object (IfcTypeObject) of an occurrence, or null. */
  typeOf(id: number): number | null;
  /** Property sets and quantity sets, the type's merged under the occurrence's (the occurrence wins per property). */
  propertySets(id: number): readonly PropertySetView[];
  /** Classifications of the entity, or of its type when it has none of its own. */
  classifications(id: number): readonly ClassificationView[];
  /**
   * Names and categories of the materials of the entity (or its type): materials, layers, profiles,
   * constituents and the sets' own names. undefined when no material is associated at all.
   */
  materials(id: number): readonly string[] | undefined;
  /** Direct wholes of an entity through each relation partOf knows. */
  parents(id: number): readonly ParentLink[];
  /** GlobalId, Name and LongName (when the class has one) of an entity, for reports. */
  describe(id: number): { globalId: string | null; name: string | null; longName: string | null };
}
