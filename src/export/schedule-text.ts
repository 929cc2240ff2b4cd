// A schedule cell as printed text: numbers with the column's decimals and thousands separators
// ("1,234.50"), text as it is. The PDF prints these; the XLSX keeps numbers as numbers instead.
import { ScheduleCell } from '../core/schedule/schedule-fields';
import { ScheduleColumn } from '../core/schedule/schedule-table';

const formats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let f = formats.get(decimals);
  if (!f) formats.set(decimals, (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f;
}

export function formatCell(column: Pick<ScheduleColumn, 'kind' | 'decimals'>, value: ScheduleCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? numberFormat(column.kind === 'text' ? 0 : column.decimals).format(value) : '';
  return value;
}
