// The room-schedule model: what the extraction engine produces and every exporter, the CLI and
// the UI read. Plain JSON-serialisable data (it crosses the worker boundary by structured clone).
// Key names are part of the JSON export contract (assets/schema/room-schedule.schema.json).

/** A reference to another IFC entity, enough to show it and find it again. */
export interface EntityRef {
  expressId: number;
  globalId: string | null;
  /** IFC class as written in the schema, e.g. "IfcWallStandardCase". */
  type: string;
  name: string | null;
  description: string | null;
}

/**
 * Where a quantity's number comes from. The file's own sets first (`qto:<set>` for an
 * IfcElementQuantity, `pset:<set>` for a vendor property set such as Revit's Dimensions), then the
 * room's own body computed by us (`geometry:extrusion` exactly from a swept solid, `geometry:footprint`
 * from a FootPrint curve set, `geometry:mesh` from its triangulation), then the sum of its floor
 * boundaries (`boundaries`); `missing` when no source gives a value. The order of precedence is
 * written once, in core/schedule/quantity-precedence.ts.
 */
export type QuantitySource = `qto:${string}` | `pset:${string}` | GeometrySource | 'boundaries' | 'missing';
export type GeometrySource = 'geometry:extrusion' | 'geometry:footprint' | 'geometry:mesh';

/** One value a source gives for a quantity, converted to SI. */
export interface QuantityCandidate {
  source: Exclude<QuantitySource, 'missing'>;
  value: number;
  /** The name as written in the file, when it differs from the standard name. */
  sourceName?: string;
  /** How a computed value was obtained, e.g. "profile area × extrusion depth". */
  method?: string;
  /** Why the value is doubtful or was passed over (a likely unit error, an open mesh…). */
  note?: string;
}

export interface Quantity {
  /** Standard name (Qto_SpaceBaseQuantities vocabulary where one exists), e.g. "NetFloorArea". */
  name: string;
  /** The name as written in the file for the chosen value, when it differs (Revit's "NominalHeight"). */
  sourceName?: string;
  value: number | null;
  /** SI unit after conversion with the project's units: "m", "m2", "m3". */
  unit: string;
  /** The chosen candidate's source. */
  source: QuantitySource;
  /** Why a computed, disputed or missing value is what it is. */
  note?: string;
  /** Every value found for this quantity, in order of precedence (the chosen one among them). */
  candidates: QuantityCandidate[];
  /** True when candidates disagree by more than the tolerance, or the file's value looks like a unit error. */
  disputed: boolean;
}

/** Something about a room's quantities a professional should check: sources that disagree, a likely unit error, geometry that gave no number. */
export interface QuantityFinding {
  kind: 'disagreement' | 'unit-error' | 'geometry';
  quantity: string;
  message: string;
  /** The values concerned, with their sources. */
  values: { source: QuantitySource; value: number }[];
  /** For a unit error: the value it likely should be, and why. */
  likelyCorrection?: { value: number; reason: string };
}

/** A point in plan: metres, the project's X and Y (rotate by metadata.trueNorthDeg for true north). */
export type PlanPoint = [number, number];

/** A polygon in plan: an outer ring (counter-clockwise) and holes (clockwise), not closed (last ≠ first). */
export interface PlanPolygon {
  outer: PlanPoint[];
  holes: PlanPoint[][];
}

/** A room's outline on its storey's plan, with where it comes from. */
export interface Footprint {
  source: GeometrySource | 'boundaries';
  polygons: PlanPolygon[];
  /** Height of the room's floor (lowest point of its body) in metres, project Z; null when unknown. */
  floorElevation: number | null;
}

export type PropertyValue = string | number | boolean | null;

export interface Property {
  name: string;
  value: PropertyValue;
  /** IFC value type, e.g. "IfcLabel", "IfcAreaMeasure". */
  valueType?: string;
}

export interface PropertySet {
  name: string;
  globalId: string | null;
  /** "IfcPropertySet" or "IfcElementQuantity". */
  type: string;
  properties: Property[];
}

export type BoundaryLevel = '1stLevel' | '2ndLevel' | 'unspecified';
export type PhysicalOrVirtual = 'PHYSICAL' | 'VIRTUAL' | 'NOTDEFINED';
export type InternalOrExternal = 'INTERNAL' | 'EXTERNAL' | 'EXTERNAL_EARTH' | 'EXTERNAL_WATER' | 'EXTERNAL_FIRE' | 'NOTDEFINED';
export type SurfaceCategory = 'wall' | 'floor' | 'ceiling' | 'window' | 'door' | 'virtual' | 'other';
/** Compass for vertical surfaces (by the project's TrueNorth), Up/Down for horizontal ones. */
export type Orientation = 'N' | 'NE' | 'E' | 'SE' | 'S' | 'SW' | 'W' | 'NW' | 'Up' | 'Down';

export interface SpaceBoundary {
  expressId: number;
  globalId: string | null;
  /** IFC class of the relationship: IfcRelSpaceBoundary, IfcRelSpaceBoundary1stLevel, IfcRelSpaceBoundary2ndLevel. */
  ifcType: string;
  name: string | null;
  description: string | null;
  level: BoundaryLevel;
  /** 2a / 2b for second-level boundaries when the file says so. */
  levelDetail: '2a' | '2b' | null;
  /** How the level was decided, e.g. "IFC4 subtype IfcRelSpaceBoundary2ndLevel", "IFC2X3 Name '2ndLevel'", "not stated". */
  levelSource: string;
  physicalOrVirtual: PhysicalOrVirtual | null;
  internalOrExternal: InternalOrExternal | null;
  relatedElement: EntityRef | null;
  /** GlobalId of the boundary on the other side (IFC4 CorrespondingBoundary), when present. */
  correspondingBoundary: string | null;
  /** For internal boundaries: the space on the other side, when it can be found. */
  adjacentSpace: EntityRef | null;
  surfaceCategory: SurfaceCategory;
  /** Net area in m² from ConnectionGeometry (inner loops subtracted), or null with areaIssue. */
  area: number | null;
  areaIssue: string | null;
  /** Unit normal in world coordinates (x east-ish, y north-ish before TrueNorth, z up). */
  normal: [number, number, number] | null;
  orientation: Orientation | null;
  /** Azimuth in degrees clockwise from true north, for vertical surfaces. */
  azimuthDeg: number | null;
}

export interface SurfaceTotals {
  category: SurfaceCategory;
  count: number;
  /** Sum of the known areas (m²). */
  area: number;
  /** Boundaries of this category whose area is missing. */
  missingArea: number;
}

export type RelationshipCategory =
  | 'contains'
  | 'containedIn'
  | 'aggregates'
  | 'decomposes'
  | 'boundedBy'
  | 'inZone'
  | 'definedByProperties'
  | 'definedByType'
  | 'servesOrConnects';

export interface Relationship {
  category: RelationshipCategory;
  /** The IFC relationship class, e.g. "IfcRelContainedInSpatialStructure". */
  via: string;
  related: EntityRef;
}

export interface StoreyRef {
  expressId: number;
  globalId: string | null;
  name: string | null;
  /** Elevation in metres, when the file gives one. */
  elevation: number | null;
}

export interface Space {
  expressId: number;
  globalId: string | null;
  /** As written (trailing spaces kept); trim for display only. */
  name: string | null;
  longName: string | null;
  description: string | null;
  objectType: string | null;
  storey: StoreyRef | null;
  zones: EntityRef[];
  propertySets: PropertySet[];
  quantities: Quantity[];
  /** Disagreements, unit errors and geometry problems found while choosing the quantities. */
  quantityFindings: QuantityFinding[];
  /** The room's outline in plan; null when neither its body nor its floor boundaries give one. */
  footprint: Footprint | null;
  boundaries: SpaceBoundary[];
  surfaceTotals: SurfaceTotals[];
  relationships: Relationship[];
}

export type WarningCode =
  | 'truncated'
  | 'bad-entity'
  | 'dangling-reference'
  | 'geometry'
  | 'unsupported'
  | 'units'
  | 'other';

export interface ExtractionWarning {
  code: WarningCode;
  message: string;
  /** Express id of the entity concerned, when there is one. */
  expressId?: number;
  /** How many times this warning occurred (repeats are folded into one entry). */
  count: number;
}

export interface SourceFileInfo {
  name: string;
  path: string | null;
  sizeBytes: number;
  sha256: string;
  /** ".ifc" or ".ifczip". */
  container: 'ifc' | 'ifczip';
}

export interface ScheduleMetadata {
  source: SourceFileInfo;
  /** FILE_SCHEMA as written, and as web-ifc understood it. */
  schema: string;
  authoringTool: string | null;
  author: string | null;
  organization: string | null;
  fileTimestamp: string | null;
  projectName: string | null;
  /** Project TrueNorth as an angle: degrees clockwise from model +Y to true north. */
  trueNorthDeg: number;
  /** Length unit of the file, metres per unit. */
  lengthUnitToMetres: number;
  extractedAt: string;
  appVersion: string;
  /** Which engine read the file: web-ifc's parser, or the fast text reader (web-ifc meshing its rooms). */
  engine: { name: 'web-ifc' | 'fast'; version: string };
  counts: { spaces: number; boundaries: number; storeys: number; zones: number; skippedEntities: number };
  timingsMs: Record<string, number>;
}

/**
 * Free-text notes the user attaches; keyed by GlobalId (or "#expressId" when a GlobalId is missing).
 * Maps, never plain objects: keys come from models. Stored as JSON objects (see annotation-json.ts).
 */
export interface Annotations {
  spaces: ReadonlyMap<string, string>;
  boundaries: ReadonlyMap<string, string>;
}

export interface RoomSchedule {
  metadata: ScheduleMetadata;
  spaces: Space[];
  warnings: ExtractionWarning[];
  annotations?: Annotations;
}

/** The key annotations use for an entity. */
export function annotationKey(entity: { globalId: string | null; expressId: number }): string {
  return entity.globalId ?? `#${entity.expressId}`;
}

/**
 * A storey as the user reads it: its Name, or, when it has none (ArchiCAD writes storeys with an
 * empty Name), where it is, so two unnamed storeys are never taken for one another or for "no storey".
 */
export function storeyLabel(storey: StoreyRef | null | undefined): string {
  if (!storey) return '(no storey)';
  const name = storey.name?.trim();
  if (name) return name;
  return storey.elevation !== null ? `Unnamed storey at ${storey.elevation.toFixed(2)} m` : `Unnamed storey #${storey.expressId}`;
}

/** A space's name for display: trimmed; falls back to long name, then to its express id. */
export function displayName(space: Pick<Space, 'name' | 'longName' | 'expressId'>): string {
  return space.name?.trim() || space.longName?.trim() || `(unnamed #${space.expressId})`;
}
