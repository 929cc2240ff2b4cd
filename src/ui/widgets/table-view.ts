// The one look of every read-only table in the app: whole-row selection, no editing, no vertical
// header, compact rows, alternating colours.
import { QAbstractItemViewSelectionBehavior, QHeaderViewResizeMode, QTableView, SelectionMode } from '../qt';

export function readOnlyTable(view: QTableView, options: { name: string; grid?: boolean }): QTableView {
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
  return view;
}
