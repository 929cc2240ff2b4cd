// An Information Delivery Specification (buildingSMART IDS 1.0) as the checker reads it: the XML's
// specifications with their applicability and requirement facets, values already split into a plain
// value or an xs:restriction. Built whole by the parser (ids-xml.ts), read-only afterwards.

export type IfcVersion = 'IFC2X3' | 'IFC4' | 'IFC4X3';
export const IFC_VERSIONS: readonly IfcVersion[] = ['IFC2X3', 'IFC4', 'IFC4X3'];

/** The XSD base types an xs:restriction may name (IDS 1.0 DataTypes: "XML base types"). */
export type XsdBase = 'string' | 'boolean' | 'integer' | 'double' | 'decimal' | 'float' | 'date' | 'dateTime' | 'time' | 'duration' | 'anyURI';

export interface SimpleValue {
  readonly kind: 'simple';
  readonly value: string;
}

/** An xs:restriction: enumerations and patterns each match any one of theirs; all other facets must all hold. */
export interface Restriction {
  readonly kind: 'restriction';
  readonly base: XsdBase | undefined;
  readonly enumeration: readonly string[];
  readonly patterns: readonly string[];
  readonly minInclusive?: string;
  readonly maxInclusive?: string;
  readonly minExclusive?: string;
  readonly maxExclusive?: string;
  readonly length?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export type IdsValue = SimpleValue | Restriction;

/** How a requirement facet counts: must hold, may be absent (but holds when present), must not hold. */
export type Cardinality = 'required' | 'optional' | 'prohibited';

export interface EntityFacet {
  readonly facet: 'entity';
  readonly name: IdsValue;
  readonly predefinedType?: IdsValue;
}

export interface AttributeFacet {
  readonly facet: 'attribute';
  readonly name: IdsValue;
  readonly value?: IdsValue;
  readonly cardinality: Cardinality;
}

export interface PropertyFacet {
  readonly facet: 'property';
  readonly propertySet: IdsValue;
  readonly baseName: IdsValue;
  /** Upper case IFC defined type, e.g. "IFCLENGTHMEASURE". */
  readonly dataType?: string;
  readonly value?: IdsValue;
  readonly cardinality: Cardinality;
}

export interface ClassificationFacet {
  readonly facet: 'classification';
  readonly system?: IdsValue;
  readonly value?: IdsValue;
  readonly cardinality: Cardinality;
}

export interface MaterialFacet {
  readonly facet: 'material';
  readonly value?: IdsValue;
  readonly cardinality: Cardinality;
}

/** The relations a partOf facet may name; voids and fills are one relation in IDS 1.0. */
export type PartOfRelation = 'IFCRELAGGREGATES' | 'IFCRELASSIGNSTOGROUP' | 'IFCRELCONTAINEDINSPATIALSTRUCTURE' | 'IFCRELNESTS' | 'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT';

export interface PartOfFacet {
  readonly facet: 'partOf';
  readonly relation?: PartOfRelation;
  readonly entity: EntityFacet;
  readonly cardinality: Cardinality;
}

export type Facet = EntityFacet | AttributeFacet | PropertyFacet | ClassificationFacet | MaterialFacet | PartOfFacet;
export type FacetName = Facet['facet'];

/** How many entities may match the applicability: at least one, any number, or none. */
export type SpecificationUsage = 'required' | 'optional' | 'prohibited';

export interface Specification {
  readonly name: string;
  readonly identifier?: string;
  readonly description?: string;
  readonly instructions?: string;
  readonly ifcVersions: readonly IfcVersion[];
  readonly usage: SpecificationUsage;
  readonly applicability: readonly Facet[];
  readonly requirements: readonly Facet[];
}

export interface IdsDocument {
  readonly title: string;
  readonly version?: string;
  readonly author?: string;
  readonly specifications: readonly Specification[];
}
