// A read-only table with section rows spanning all columns: the properties and relationships panes.
// Used instead of QTreeWidget, whose items NodeGui 0.74 deletes twice (once with the tree, once when
// their JS wrappers are garbage-collected), crashing the process after a GC.
import { QTableView } from '../qt';
import { readOnlyTable } from './table-view';
import { Disposable } from '../../core/lifecycle';
import { ArrayTableModel, Column, ownTableModel } from './table-model';

export type GroupedRow = { section: string } | { cells: string[]; tips?: (string | undefined)[] };

export class GroupedTable extends Disposable {
  readonly view = new QTableView();
  private readonly model: ArrayTableModel<GroupedRow>;
  private rows: GroupedRow[] = [];

  constructor(titles: string[], widths: number[], name: string) {
    super(`GroupedTable(${name})`);
    const columns: Column<GroupedRow>[] = titles.map((title, i) => ({
      title,
      text: (r) => ('section' in r ? (i === 0 ? r.section : '') : r.cells[i] ?? ''),
      tooltip: (r) => ('section' in r ? undefined : r.tips?.[i]),
    }));
    this.model = new ArrayTableModel(columns);
    this.register(ownTableModel(this.model, name));
    readOnlyTable(this.view, { name, model: this.model, widths, stretch: titles.length - 1 });
  }

  setRows(rows: GroupedRow[]): void {
    this.rows = rows;
    this.model.setRows(rows);
    this.view.clearSpans();
    const n = this.model.columnCount();
    rows.forEach((r, i) => {
      if ('section' in r) this.view.setSpan(i, 0, 1, n);
    });
  }

  /** Rows shown, as text (tests and Copy). */
  text(): string[][] {
    return this.rows.map((r) => ('section' in r ? [r.section] : r.cells));
  }
}
