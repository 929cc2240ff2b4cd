// A read-only Qt table model over a JS array: the view asks only for the visible cells, so a model
// with thousands of rooms costs no widgets and no per-row native objects.
import { IDisposable } from '../../core/lifecycle';
import { plainTooltip } from './plain-text';
import { qtObjectDisposable } from './qt-lifecycle';
import { AlignmentFlag, ItemDataRole, ItemFlag, Orientation, QAbstractTableModel, QModelIndex, QVariant } from '../qt';

export interface Column<Row> {
  title: string;
  text(row: Row): string;
  tooltip?(row: Row): string | undefined;
  /** Numbers read best right-aligned. */
  alignRight?: boolean;
}

/**
 * Owners must delete the model natively on dispose (see ownTableModel): NodeGui keeps the model's
 * JS dispatcher in a persistent reference on the Qt object, so an undeleted model keeps its columns'
 * closures — and whatever they capture, often the whole panel — alive forever.
 */
export class ArrayTableModel<Row> extends QAbstractTableModel {
  private rows: readonly Row[] = [];

  constructor(private readonly columns: readonly Column<Row>[]) {
    super();
  }

  setRows(rows: readonly Row[]): void {
    this.beginResetModel();
    this.rows = rows;
    this.endResetModel();
  }

  /** Tells the view a row's content changed (keeps selection, unlike setRows). */
  refreshRow(row: number): void {
    if (row < 0 || row >= this.rows.length) return;
    this.emitDataChanged(this.index(row, 0), this.index(row, this.columns.length - 1), [ItemDataRole.DisplayRole]);
  }

  rowAt(index: number): Row | undefined {
    return this.rows[index];
  }

  get length(): number {
    return this.rows.length;
  }

  /** Every cell as the view shows it, row by row (tests read the table as the user does). */
  text(): string[][] {
    return this.rows.map((r) => this.columns.map((c) => c.text(r)));
  }

  override rowCount(parent?: QModelIndex): number {
    return parent && parent.isValid() ? 0 : this.rows.length;
  }

  override columnCount(parent?: QModelIndex): number {
    return parent && parent.isValid() ? 0 : this.columns.length;
  }

  override data(index: QModelIndex, role: ItemDataRole = ItemDataRole.DisplayRole): QVariant {
    const row = this.rows[index.row()];
    const col = this.columns[index.column()];
    if (row === undefined || !col) return new QVariant();
    switch (role) {
      case ItemDataRole.DisplayRole:
        return new QVariant(col.text(row));
      case ItemDataRole.ToolTipRole: {
        const tip = col.tooltip?.(row);
        return tip ? new QVariant(plainTooltip(tip)) : new QVariant();
      }
      case ItemDataRole.TextAlignmentRole:
        return new QVariant((col.alignRight ? AlignmentFlag.AlignRight : AlignmentFlag.AlignLeft) | AlignmentFlag.AlignVCenter);
      default:
        return new QVariant();
    }
  }

  override headerData(section: number, orientation: Orientation, role: number): QVariant {
    if (orientation === Orientation.Horizontal && role === ItemDataRole.DisplayRole) {
      return new QVariant(this.columns[section]?.title ?? '');
    }
    return new QVariant();
  }

  override flags(): ItemFlag {
    return ItemFlag.ItemIsSelectable | ItemFlag.ItemIsEnabled;
  }
}

/** The disposable that deletes a table model natively (and so releases its JS side). */
export function ownTableModel(model: QAbstractTableModel, label: string): IDisposable {
  return qtObjectDisposable(model, `model:${label}`);
}
