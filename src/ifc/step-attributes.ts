// Where each attribute sits in a STEP record, per IFC class, so code reads `attr(line, 'IfcExtrudedAreaSolid',
// 'Depth')` instead of a bare `arguments[3]`. Positions are the schema's explicit attributes in order,
// the same in IFC2X3 and IFC4 for every class listed here (checked against both schemas; web-ifc's
// raw lines leave out nothing before these positions).
import { RawArg, RawLine } from './step-values';

export const ATTRIBUTES = {
  IfcSpace: { GlobalId: 0, Name: 2, Description: 3, ObjectType: 4, ObjectPlacement: 5, Representation: 6, LongName: 7 },
  IfcProductDefinitionShape: { Name: 0, Description: 1, Representations: 2 },
  IfcShapeRepresentation: { ContextOfItems: 0, RepresentationIdentifier: 1, RepresentationType: 2, Items: 3 },
  IfcExtrudedAreaSolid: { SweptArea: 0, Position: 1, ExtrudedDirection: 2, Depth: 3 },
  IfcBooleanResult: { Operator: 0, FirstOperand: 1, SecondOperand: 2 },
  IfcMappedItem: { MappingSource: 0, MappingTarget: 1 },
  IfcRepresentationMap: { MappingOrigin: 0, MappedRepresentation: 1 },
  IfcCartesianTransformationOperator: { Axis1: 0, Axis2: 1, LocalOrigin: 2, Scale: 3, Axis3: 4 },
  IfcArbitraryClosedProfileDef: { ProfileType: 0, ProfileName: 1, OuterCurve: 2 },
  IfcArbitraryProfileDefWithVoids: { ProfileType: 0, ProfileName: 1, OuterCurve: 2, InnerCurves: 3 },
  IfcRectangleProfileDef: { ProfileType: 0, ProfileName: 1, Position: 2, XDim: 3, YDim: 4 },
  IfcRoundedRectangleProfileDef: { ProfileType: 0, ProfileName: 1, Position: 2, XDim: 3, YDim: 4, RoundingRadius: 5 },
  IfcCircleProfileDef: { ProfileType: 0, ProfileName: 1, Position: 2, Radius: 3 },
  IfcEllipseProfileDef: { ProfileType: 0, ProfileName: 1, Position: 2, SemiAxis1: 3, SemiAxis2: 4 },
  IfcGeometricSet: { Elements: 0 },
} as const;

export type IfcClassWithTable = keyof typeof ATTRIBUTES;

/** The argument of `line` at the position the table gives for `name` in `cls`. */
export function attr<C extends IfcClassWithTable>(line: RawLine, cls: C, name: keyof (typeof ATTRIBUTES)[C]): RawArg {
  return line.arguments[(ATTRIBUTES[cls] as Record<string, number>)[name as string]];
}
