// File → Compare with…: what changed between the other model and the open one, one row per added
// or removed room and per changed field, narrowed by kind and by text. Activating a row goes to the
// room in the list (added and changed rooms are in the open model; removed ones are not).
import { ChangeKind, DiffRow, diffRows, fieldLabel, filterDiffRows, formatDiffValue } from '../../core/diff/diff-rows';
import { changeCounts, RevisionDiff } from '../../core/diff/revision-diff-types';
import { Emitter, Event } from '../../core/lifecycle';
import { QComboBox, QLabel, QLineEdit, QPushButton, QTableView, QWidget } from '../qt';
import { AppDialog } from '../dialogs/app-dialog';
import { fill, grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { ArrayTableModel, ownTableModel } from '../widgets/table-model';
import { readOnlyTable } from '../widgets/table-view';

const KINDS: { text: string; kind: ChangeKind | undefined }[] = [
  { text: 'All changes', kind: undefined },
  { text: 'Added rooms', kind: 'added' },
  { text: 'Removed rooms', kind: 'removed' },
  { text: 'Changed rooms', kind: 'changed' },
];

export function compareHeading(diff: RevisionDiff): string {
  return `${diff.header.old.file} → ${diff.header.new.file} (open): ${changeCounts(diff)}`;
}

export class CompareDialog extends AppDialog {
  private readonly query = new QLineEdit();
  private readonly kind = new QComboBox();
  private readonly heading: QLabel;
  private readonly matchLine: QLabel;
  private readonly countLabel: QLabel;
  private readonly table = new QTableView();
  private readonly model: ArrayTableModel<DiffRow>;
  private rows: DiffRow[] = [];
  private shown: DiffRow[] = [];
  private readonly chosen = this.register(new Emitter<DiffRow>('CompareDialog.chosen'));
  /** A row the user activated (double-click or Enter). */
  readonly onDidChoose: Event<DiffRow> = this.chosen.event;

  constructor(parent: QWidget) {
    super('CompareDialog', { parent, objectName: 'compareDialog', title: 'Compare with another revision' });
    this.model = new ArrayTableModel<DiffRow>([
      { title: 'Change', text: (r) => r.kind },
      { title: 'Number', text: (r) => r.number || '—' },
      { title: 'Name', text: (r) => r.name },
      { title: 'Field', text: (r) => (r.field ? fieldLabel(r.field) : r.storey ? `on ${r.storey}` : ''), tooltip: (r) => r.field ?? undefined },
      { title: 'Old', text: (r) => (r.field ? formatDiffValue(r.old) : '') },
      { title: 'New', text: (r) => (r.field ? formatDiffValue(r.new) : '') },
    ]);
    this.register(ownTableModel(this.model, 'compare'));
    this.heading = label('', { name: 'compareHeading', selectable: true });
    this.matchLine = label('', { name: 'compareMatch', wrap: true });
    this.countLabel = label('', { name: 'compareCount' });
    this.query.setObjectName('compareQuery');
    this.query.setPlaceholderText('Filter by number, name, field or value…');
    this.query.setClearButtonEnabled(true);
    for (const k of KINDS) this.kind.addItem(undefined, k.text);
    this.kind.setObjectName('compareKind');
    const close = new QPushButton();
    close.setText('Close');
    readOnlyTable(this.table, { name: 'compareChanges', model: this.model, widths: [70, 70, 150, 210, 120, 0], stretch: 5 });
    fill(this.dialog, vbox([this.heading, this.matchLine, hbox([grow(this.query), this.kind], { spacing: 6 }), this.countLabel, grow(this.table), hbox(['stretch', close])], { margins: 10, spacing: 6 }));
    this.dialog.resize(860, 460);

    this.register(listen(this.query, 'textChanged', () => this.update(), 'compareQuery.textChanged'));
    this.register(listen(this.kind, 'currentIndexChanged', () => this.update(), 'compareKind.changed'));
    this.register(listen(this.table, 'activated', () => this.choose(), 'compareChanges.activated'));
    this.register(listen(close, 'clicked', () => this.dialog.close(), 'compareClose.clicked'));
  }

  setDiff(diff: RevisionDiff): void {
    this.rows = diffRows(diff);
    this.heading.setText(compareHeading(diff));
    this.matchLine.setText(`${diff.header.match.explanation} Tolerance for quantities and measured values: ${diff.header.tolerancePercent} %. Added: rooms only in the open model; removed: rooms only in ${diff.header.old.file}.`);
    this.update();
  }

  setFilter(text: string, kind?: ChangeKind): void {
    this.query.setText(text);
    this.kind.setCurrentIndex(Math.max(0, KINDS.findIndex((k) => k.kind === kind)));
  }

  /** The rows listed now, as text (tests read them). */
  get listed(): string[][] {
    return this.shown.map((r) => [r.kind, r.number, r.name, r.field ? fieldLabel(r.field) : '', r.field ? formatDiffValue(r.old) : '', r.field ? formatDiffValue(r.new) : '']);
  }

  get countText(): string {
    return this.countLabel.text();
  }

  /** Activates the highlighted row, as Enter or a double-click does. */
  choose(): boolean {
    const row = this.shown[this.table.currentIndex().row()];
    if (!row) return false;
    this.chosen.fire(row);
    return true;
  }

  selectRow(index: number): void {
    this.table.selectRow(index);
  }

  private update(): void {
    this.shown = filterDiffRows(this.rows, { text: this.query.text(), kind: KINDS[this.kind.currentIndex()]?.kind });
    this.model.setRows(this.shown);
    const total = this.rows.length;
    this.countLabel.setText(total === 0 ? 'The rooms are the same.' : this.shown.length === total ? `${total} row${total === 1 ? '' : 's'}` : `${this.shown.length} of ${total} rows`);
  }
}
