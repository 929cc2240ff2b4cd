// What the whole model shares: the header (FILE_NAME, FILE_SCHEMA), the project's name, its units
// and the direction of true north from its 3D model context.
import * as W from './schema/ifc-types';
import type { ScheduleMetadata } from '../core/schedule/model';
import { ModelReader } from './model-reader';
import { headerStatement, HeaderValue } from './step-strings';
import { num, nums, ref, refs, str } from './step-values';
import { ProjectUnits, readProjectUnits } from './units';
import { WarningCollector } from './warnings';

/** What FILE_NAME says about where the file comes from, as the schedule's metadata carries it. */
export type FileHeader = Pick<ScheduleMetadata, 'authoringTool' | 'author' | 'organization' | 'fileTimestamp'>;

export interface ProjectContext {
  projectName: string | null;
  units: ProjectUnits;
  /** Degrees clockwise from model +Y to true north. */
  trueNorthDeg: number;
  /** True north as a unit vector in the model's XY plane. */
  trueNorth: [number, number];
}

function headerText(a: HeaderValue | undefined): string | null {
  if (Array.isArray(a)) {
    const parts = a.map(headerText).filter((s): s is string => !!s && s.trim() !== '');
    return parts.length ? parts.join(', ') : null;
  }
  return typeof a === 'string' && a.trim() !== '' ? a : null;
}

/**
 * FILE_NAME: name, time_stamp, author, organization, preprocessor_version, originating_system,
 * authorization; read from the file's first bytes with the project's own string decoder (web-ifc's
 * misreads author names in Latin-1, step-strings.ts). A file without FILE_NAME still has a schedule.
 */
export function readFileHeader(head: Uint8Array, warnings: WarningCollector): FileHeader {
  const fileName = headerStatement(head, 'FILE_NAME');
  if (fileName?.latin1Bytes) warnings.add('bad-entity', "The file's header (FILE_NAME) holds bytes that IFC text does not allow and that are not UTF-8; they were read as ISO 8859-1 (Latin-1).", undefined, 'string-latin1-header');
  if (fileName?.badEscapes) warnings.add('bad-entity', "The file's header (FILE_NAME) holds backslash sequences that ISO 10303-21 does not define; they are shown as written.", undefined, 'string-bad-escape-header');
  const args = fileName?.args ?? [];
  return {
    fileTimestamp: headerText(args[1]),
    author: headerText(args[2]),
    organization: headerText(args[3]),
    // The originating system is the authoring tool; the preprocessor is the IFC toolkit it used.
    authoringTool: headerText(args[5]) ?? headerText(args[4]),
  };
}

export function readProjectContext(reader: ModelReader, warnings: WarningCollector): ProjectContext {
  const projectId = reader.ids(W.IFCPROJECT)[0];
  const project = projectId !== undefined ? reader.line(projectId) : null;
  if (!project) warnings.add('other', 'The model has no IfcProject: units and true north cannot be read; metres and north = +Y are assumed.');
  // IfcProject: GlobalId, OwnerHistory, Name, Description, ObjectType, LongName, Phase, RepresentationContexts, UnitsInContext.
  const units = readProjectUnits(reader, project ? ref(project.arguments[8]) : null, warnings);
  const trueNorth = project ? readTrueNorth(reader, refs(project.arguments[7])) : ([0, 1] as [number, number]);
  const trueNorthDeg = ((Math.atan2(trueNorth[0], trueNorth[1]) * 180) / Math.PI + 360) % 360;
  return {
    projectName: project ? (str(project.arguments[2]) ?? str(project.arguments[5])) : null,
    units,
    trueNorth,
    trueNorthDeg: Math.abs(trueNorthDeg - 360) < 1e-9 ? 0 : trueNorthDeg,
  };
}

/** TrueNorth of the 3D "Model" context (IfcGeometricRepresentationContext), +Y when not given. */
function readTrueNorth(reader: ModelReader, contextIds: number[]): [number, number] {
  reader.prefetch(contextIds);
  // IfcGeometricRepresentationContext: ContextIdentifier, ContextType, CoordinateSpaceDimension, Precision, WorldCoordinateSystem, TrueNorth.
  const contexts = contextIds.map((id) => reader.line(id)).filter((l) => l?.type === W.IFCGEOMETRICREPRESENTATIONCONTEXT);
  const model = contexts.find((c) => str(c!.arguments[1])?.toLowerCase() === 'model' && num(c!.arguments[2]) === 3) ?? contexts[0];
  const northId = model ? ref(model.arguments[5]) : null;
  const ratios = northId !== null ? nums(reader.line(northId)?.arguments[0]) : null;
  if (!ratios || ratios.length < 2) return [0, 1];
  const l = Math.hypot(ratios[0], ratios[1]);
  return l > 1e-12 ? [ratios[0] / l, ratios[1] / l] : [0, 1];
}

