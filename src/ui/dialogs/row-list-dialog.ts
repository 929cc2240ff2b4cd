// A dialog around one read-only list of rows the user can act on (Compare with…, Check
// requirements…): the table with its model, the count line under the filter, and the row the user
// activates with Enter or a double-click. Subclasses lay out their own filters and headings.
import { Emitter, Event } from '../../core/lifecycle';
import { QLabel, QTableView } from '../qt';
import { label } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { ArrayTableModel, Column, ownTableModel } from '../widgets/table-model';
import { readOnlyTable, rowCountText } from '../widgets/table-view';
import { AppDialog, AppDialogSpec } from './app-dialog';

export interface RowListSpec<Row> extends AppDialogSpec {
  columns: readonly Column<Row>[];
  /** The table's object name, column widths and stretching column (see readOnlyTable). */
  table: { name: string; widths: readonly number[]; stretch: number };
}

export abstract class RowListDialog<Row> extends AppDialog {
  protected readonly table = new QTableView();
  protected readonly model: ArrayTableModel<Row>;
  protected readonly countLabel: QLabel;
  private readonly chosen: Emitter<Row>;
  /** A row the user activated (double-click or Enter). */
  readonly onDidChoose: Event<Row>;

  protected constructor(debugName: string, spec: RowListSpec<Row>) {
    super(debugName, spec);
    this.chosen = this.register(new Emitter<Row>(`${debugName}.chosen`));
    this.onDidChoose = this.chosen.event;
    this.model = new ArrayTableModel<Row>(spec.columns);
    this.register(ownTableModel(this.model, spec.objectName));
    this.countLabel = label('', { name: `${spec.objectName}Count` });
    readOnlyTable(this.table, { name: spec.table.name, model: this.model, widths: spec.table.widths, stretch: spec.table.stretch });
    this.register(listen(this.table, 'activated', () => this.choose(), `${spec.table.name}.activated`));
  }

  /** Shows `rows`, `total` being how many there are before filtering; `none` is said when there are none. */
  protected showRows(rows: readonly Row[], total: number, none: string): void {
    this.model.setRows(rows);
    this.countLabel.setText(rowCountText(rows.length, total, none));
  }

  get countText(): string {
    return this.countLabel.text();
  }

  /** Activates the highlighted row, as Enter or a double-click does. */
  choose(): boolean {
    const row = this.model.rowAt(this.table.currentIndex().row());
    if (row === undefined) return false;
    this.chosen.fire(row);
    return true;
  }

  selectRow(index: number): void {
    this.table.selectRow(index);
  }
}
