// Where the schedule's numbers come from, and what should be checked, as plain rows: the XLSX's
// Sources and Findings sheets and the PDF's notes read these. Provenance sits here, apart from the
// values, so the schedule reads like a schedule.
import { displayName, RoomSchedule, storeyLabel } from '../core/schedule/model';
import { describeSource } from '../core/schedule/quantity-precedence';
import { formatQuantity, unitLabel } from '../core/schedule/quantity-units';
import { ScheduleTable } from '../core/schedule/schedule-table';
import { validateSchedule } from '../core/schedule/validation';
import { CellValue } from './table-columns';

export const SOURCES_HEADERS = ['Number', 'Name', 'Storey', 'Quantity', 'Value', 'Unit', 'Source', 'How', 'Other values', 'Check', 'GlobalId'] as const;

/** One row per room and quantity column of the template: the chosen value in SI, its source, the other candidates. */
export function sourcesRows(table: ScheduleTable): CellValue[][] {
  const rows: CellValue[][] = [];
  const quantityColumns = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.field.startsWith('quantity:'));
  for (const group of table.groups) {
    for (const room of group.rooms) {
      const s = room.space;
      for (const { c, i } of quantityColumns) {
        const q = room.quantities[i];
        const chosen = q?.candidates.find((k) => k.source === q.source);
        const others = (q?.candidates ?? []).filter((k) => k !== chosen).map((k) => `${formatQuantity(k.value, q!.unit)} from ${describeSource(k.source)}${k.note ? ` (${k.note})` : ''}`);
        rows.push([
          s.name?.trim() || null,
          s.longName?.trim() || displayName(s),
          storeyLabel(s.storey),
          c.header.replace(/\s*\([^)]*\)$/, ''),
          q?.value ?? null,
          q ? unitLabel(q.unit) : null,
          describeSource(q?.source ?? 'missing'),
          [chosen?.method, q?.note].filter((t) => !!t).join('; ') || null,
          others.join('; ') || null,
          q?.disputed ? 'disputed' : null,
          s.globalId,
        ]);
      }
    }
  }
  return rows;
}

export const FINDINGS_HEADERS = ['Severity', 'Count', 'Finding', 'Room number', 'Room name', 'Storey', 'Quantity', 'Values', 'Likely correction'] as const;

/** The model's findings as Validate data lists them (same messages, same counts), then each room's quantity findings. */
export function findingsRows(schedule: RoomSchedule): CellValue[][] {
  const rows: CellValue[][] = validateSchedule(schedule).map((f) => [f.severity, f.count, f.message, null, null, null, null, null, null]);
  for (const s of schedule.spaces) {
    for (const f of s.quantityFindings) {
      rows.push([
        'warning',
        1,
        f.message,
        s.name?.trim() || null,
        s.longName?.trim() || displayName(s),
        storeyLabel(s.storey),
        f.quantity,
        f.values.map((v) => `${Number(v.value.toFixed(3))} (${describeSource(v.source)})`).join('; ') || null,
        f.likelyCorrection ? `${Number(f.likelyCorrection.value.toFixed(3))}: ${f.likelyCorrection.reason}` : null,
      ]);
    }
  }
  return rows;
}
