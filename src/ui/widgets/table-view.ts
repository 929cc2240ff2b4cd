// The one look of every read-only table in the app: whole-row selection, no editing, no vertical
// header, compact rows, alternating colours; and, when given, its model and column layout.
import { QAbstractItemModel, QAbstractItemViewSelectionBehavior, QHeaderViewResizeMode, QTableView, SelectionMode } from '../qt';

export interface ReadOnlyTableOptions {
  name: string;
  grid?: boolean;
  model?: QAbstractItemModel;
  /** Column widths in pixels, from the first column; 0 leaves a column at Qt's default. Needs `model`. */
  widths?: readonly number[];
  /** The column that takes the width the others leave. Needs `model`. */
  stretch?: number;
}

export function readOnlyTable(view: QTableView, options: ReadOnlyTableOptions): QTableView {
  view.setObjectName(options.name);
  view.setSelectionBehavior(QAbstractItemViewSelectionBehavior.SelectRows);
  view.setSelectionMode(SelectionMode.SingleSelection);
  view.setEditTriggers(0);
  view.setAlternatingRowColors(true);
  view.setShowGrid(options.grid ?? false);
  view.setWordWrap(false);
  view.verticalHeader().hide();
  view.verticalHeader().setDefaultSectionSize(22);
  // Fixed row heights: Qt never measures rows one by one, which a list of thousands of rooms would pay.
  view.verticalHeader().setSectionResizeMode(QHeaderViewResizeMode.Fixed);
  if (options.model) {
    // The model first: column widths apply to columns the model has made.
    view.setModel(options.model);
    options.widths?.forEach((w, i) => w && view.setColumnWidth(i, w));
    if (options.stretch !== undefined) view.horizontalHeader().setSectionResizeMode(options.stretch, QHeaderViewResizeMode.Stretch);
  }
  return view;
}

/** "12 rows", "3 of 12 rows", or `none` when there are no rows at all: the count line under a filtered list. */
export function rowCountText(shown: number, total: number, none: string): string {
  if (total === 0) return none;
  return shown === total ? `${total} row${total === 1 ? '' : 's'}` : `${shown} of ${total} rows`;
}
