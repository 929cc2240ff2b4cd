// The relationships the IDS facets follow, read once per check from the model's relationship
// entities: types, property definitions, classifications, materials and the six partOf relations.
// Attribute positions come from the schema table by name, so IFC2X3, IFC4 and IFC4X3 read alike.
import type { PartOfRelation } from '../../core/ids/ids-document';
import type { IfcSchema } from '../../core/ids/ifc-schema';
import type { ParentLink } from '../../core/ids/model-view';
import { ModelReader } from '../model-reader';
import { RawLine, ref, refs } from '../step-values';
import { typeCodeOf } from './ifc-type-codes';

export class IdsRelations {
  readonly typeOf = new Map<number, number>();
  /** Occurrence → its property and quantity sets (IfcRelDefinesByProperties). */
  readonly definitions = new Map<number, number[]>();
  readonly classifications = new Map<number, number[]>();
  readonly materials = new Map<number, number[]>();
  readonly parents = new Map<number, ParentLink[]>();

  constructor(
    private readonly reader: ModelReader,
    private readonly schema: IfcSchema,
  ) {
    this.scan('IFCRELDEFINESBYTYPE', ['RelatedObjects', 'RelatingType'], (objects, type) => objects.forEach((o) => this.typeOf.set(o, type)));
    this.scan('IFCRELDEFINESBYPROPERTIES', ['RelatedObjects', 'RelatingPropertyDefinition'], (objects, _d, line) => {
      // IFC4 allows a set of property sets here (IfcPropertySetDefinitionSet).
      const defs = refs(line.arguments[this.index('IFCRELDEFINESBYPROPERTIES', 'RelatingPropertyDefinition')]);
      for (const o of objects) push(this.definitions, o, ...defs);
    });
    this.scan('IFCRELASSOCIATESCLASSIFICATION', ['RelatedObjects', 'RelatingClassification'], (objects, c) => objects.forEach((o) => push(this.classifications, o, c)));
    this.scan('IFCRELASSOCIATESMATERIAL', ['RelatedObjects', 'RelatingMaterial'], (objects, m) => objects.forEach((o) => push(this.materials, o, m)));
    this.wholes('IFCRELAGGREGATES', 'RelatedObjects', 'RelatingObject', 'IFCRELAGGREGATES');
    this.wholes('IFCRELNESTS', 'RelatedObjects', 'RelatingObject', 'IFCRELNESTS');
    this.wholes('IFCRELASSIGNSTOGROUP', 'RelatedObjects', 'RelatingGroup', 'IFCRELASSIGNSTOGROUP');
    this.wholes('IFCRELCONTAINEDINSPATIALSTRUCTURE', 'RelatedElements', 'RelatingStructure', 'IFCRELCONTAINEDINSPATIALSTRUCTURE');
    // An opening is part of the element it voids; a door or window is part of the opening it fills.
    this.wholes('IFCRELVOIDSELEMENT', 'RelatedOpeningElement', 'RelatingBuildingElement', 'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT');
    this.wholes('IFCRELFILLSELEMENT', 'RelatedBuildingElement', 'RelatingOpeningElement', 'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT');
  }

  private index(entity: string, attribute: string): number {
    const a = this.schema.attribute(entity, attribute);
    if (!a) throw new Error(`${entity}.${attribute} is not in the ${this.schema.version} schema table`);
    return a.index;
  }

  /** Every line of `entity` (and subtypes), with its `parts` attribute as ids and its `whole` as one id. */
  private scan(entity: string, [partsName, wholeName]: [string, string], visit: (parts: number[], whole: number, line: RawLine) => void): void {
    if (!this.schema.hasEntity(entity)) return;
    const [partsAt, wholeAt] = [this.index(entity, partsName), this.index(entity, wholeName)];
    const ids = this.schema.withSubtypes(entity).flatMap((name) => {
      const code = typeCodeOf(name);
      return code === undefined ? [] : this.reader.ids(code);
    });
    this.reader.forEachLine(ids, (line) => {
      const whole = ref(line.arguments[wholeAt]);
      if (whole !== null) visit(refs(line.arguments[partsAt]), whole, line);
    });
  }

  private wholes(entity: string, partsName: string, wholeName: string, relation: PartOfRelation): void {
    this.scan(entity, [partsName, wholeName], (parts, whole) => parts.forEach((p) => push(this.parents, p, { id: whole, relation })));
  }
}

function push<T>(map: Map<number, T[]>, key: number, ...values: T[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}
