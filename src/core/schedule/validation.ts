// "Validate data": what in the model would make the room schedule incomplete, counted per kind of
// gap, so a BIM coordinator knows what to fix in the authoring tool.
import { RoomSchedule } from './model';

export interface ValidationFinding {
  severity: 'error' | 'warning' | 'info';
  message: string;
  count: number;
}

export function validateSchedule(s: RoomSchedule): ValidationFinding[] {
  const out: ValidationFinding[] = [];
  const spaces = s.spaces;
  const add = (severity: ValidationFinding['severity'], count: number, message: string) => {
    if (count > 0) out.push({ severity, count, message });
  };
  if (spaces.length === 0) out.push({ severity: 'error', count: 1, message: 'The model has no rooms (IfcSpace).' });
  add('warning', spaces.filter((x) => !x.name?.trim()).length, 'rooms have no Name (number)');
  add('info', spaces.filter((x) => !x.longName?.trim()).length, 'rooms have no LongName');
  add('warning', spaces.filter((x) => !x.globalId).length, 'rooms have no GlobalId');
  add('warning', spaces.filter((x) => !x.storey).length, 'rooms are not placed on a storey');
  const value = (x: RoomSchedule['spaces'][number], name: string) => x.quantities.find((q) => q.name === name)?.value ?? null;
  add('warning', spaces.filter((x) => value(x, 'NetFloorArea') === null).length, 'rooms have no floor area (none in the file, none from their geometry or floor boundaries)');
  add('warning', spaces.filter((x) => x.quantityFindings.some((f) => f.kind === 'unit-error')).length, 'rooms have a quantity in the file that looks like a unit error (passed over; see the room\'s quantities)');
  add('warning', spaces.filter((x) => x.quantityFindings.some((f) => f.kind === 'disagreement')).length, 'rooms have quantities whose sources disagree by more than 2 %');
  add('info', spaces.filter((x) => x.quantities.some((q) => q.value !== null && (q.source.startsWith('geometry:') || q.source === 'boundaries'))).length, 'rooms have quantities computed from their geometry or boundaries rather than read from the file');
  add('info', spaces.filter((x) => x.boundaries.length === 0).length, 'rooms have no space boundaries');
  const boundaries = spaces.flatMap((x) => x.boundaries);
  add('warning', boundaries.filter((b) => b.area === null).length, 'space boundaries have no usable geometry (area missing)');
  add('info', boundaries.filter((b) => b.level === 'unspecified').length, 'space boundaries do not state their level (1st/2nd)');
  add('warning', boundaries.filter((b) => b.physicalOrVirtual === 'PHYSICAL' && !b.relatedElement).length, 'physical boundaries name no building element');
  const names = new Map<string, number>();
  for (const x of spaces) if (x.name?.trim()) names.set(x.name.trim(), (names.get(x.name.trim()) ?? 0) + 1);
  add('warning', [...names.values()].filter((n) => n > 1).length, 'room numbers are used by more than one room');
  for (const w of s.warnings) out.push({ severity: w.code === 'truncated' ? 'error' : 'warning', count: w.count, message: w.message });
  return out;
}

/** How many findings of each severity: the Validate heading, the CLI's summary line and the XLSX summary all print these. */
export function findingCounts(findings: readonly ValidationFinding[]): { errors: number; warnings: number; notes: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return { errors, warnings, notes: findings.length - errors - warnings };
}

export function validationSummary(s: RoomSchedule): { heading: string; text: string } {
  const findings = validateSchedule(s);
  const { errors, warnings } = findingCounts(findings);
  const heading = findings.length === 0
    ? `No gaps found in ${s.spaces.length} rooms.`
    : `${s.metadata.source.name}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${findings.length - errors - warnings} note${findings.length - errors - warnings === 1 ? '' : 's'}`;
  const text = findings.map((f) => `${f.severity === 'error' ? '✖' : f.severity === 'warning' ? '⚠' : 'ℹ'} ${f.count} ${f.message}`).join('\n');
  return { heading, text: text || 'Every room has a name, a storey and a floor area, and every boundary has geometry.' };
}
