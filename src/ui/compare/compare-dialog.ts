// File → Compare with…: what changed between the other model and the open one, one row per added
// or removed room and per changed field, narrowed by kind and by text. Activating a row goes to the
// room in the list (added and changed rooms are in the open model; removed ones are not).
import { ChangeKind, DiffRow, diffRows, fieldLabel, filterDiffRows, formatDiffValue } from '../../core/diff/diff-rows';
import { changeCounts, RevisionDiff } from '../../core/diff/revision-diff-types';
import { QComboBox, QLabel, QLineEdit, QPushButton, QWidget } from '../qt';
import { RowListDialog } from '../dialogs/row-list-dialog';
import { fill, grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';

const KINDS: { text: string; kind: ChangeKind | undefined }[] = [
  { text: 'All changes', kind: undefined },
  { text: 'Added rooms', kind: 'added' },
  { text: 'Removed rooms', kind: 'removed' },
  { text: 'Changed rooms', kind: 'changed' },
];

export function compareHeading(diff: RevisionDiff): string {
  return `${diff.header.old.file} → ${diff.header.new.file} (open): ${changeCounts(diff)}`;
}

export class CompareDialog extends RowListDialog<DiffRow> {
  private readonly query = new QLineEdit();
  private readonly kind = new QComboBox();
  private readonly heading: QLabel;
  private readonly matchLine: QLabel;
  private rows: DiffRow[] = [];
  private shown: DiffRow[] = [];

  constructor(parent: QWidget) {
    super('CompareDialog', {
      parent,
      objectName: 'compareDialog',
      title: 'Compare with another revision',
      columns: [
        { title: 'Change', text: (r) => r.kind },
        { title: 'Number', text: (r) => r.number || '—' },
        { title: 'Name', text: (r) => r.name },
        { title: 'Field', text: (r) => (r.field ? fieldLabel(r.field) : r.storey ? `on ${r.storey}` : ''), tooltip: (r) => r.field ?? undefined },
        { title: 'Old', text: (r) => (r.field ? formatDiffValue(r.old) : '') },
        { title: 'New', text: (r) => (r.field ? formatDiffValue(r.new) : '') },
      ],
      table: { name: 'compareChanges', widths: [70, 70, 150, 210, 120, 0], stretch: 5 },
    });
    this.heading = label('', { name: 'compareHeading', selectable: true });
    this.matchLine = label('', { name: 'compareMatch', wrap: true });
    this.query.setObjectName('compareQuery');
    this.query.setPlaceholderText('Filter by number, name, field or value…');
    this.query.setClearButtonEnabled(true);
    for (const k of KINDS) this.kind.addItem(undefined, k.text);
    this.kind.setObjectName('compareKind');
    const close = new QPushButton();
    close.setText('Close');
    fill(this.dialog, vbox([this.heading, this.matchLine, hbox([grow(this.query), this.kind], { spacing: 6 }), this.countLabel, grow(this.table), hbox(['stretch', close])], { margins: 10, spacing: 6 }));
    this.dialog.resize(860, 460);

    this.register(listen(this.query, 'textChanged', () => this.update(), 'compareQuery.textChanged'));
    this.register(listen(this.kind, 'currentIndexChanged', () => this.update(), 'compareKind.changed'));
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

  private update(): void {
    this.shown = filterDiffRows(this.rows, { text: this.query.text(), kind: KINDS[this.kind.currentIndex()]?.kind });
    this.showRows(this.shown, this.rows.length, 'The rooms are the same.');
  }
}
