// Tools → Check requirements…: the result of checking the open model against an IDS file, one row
// per failed requirement (passing entities too, when asked), narrowed by text. Activating a row goes
// to the room in the list.
import { IdsRow, entityText, filterIdsRows, idsRows } from '../../core/ids/ids-rows';
import { IdsReport, reportCounts, SpecificationResult } from '../../core/ids/ids-report';
import { Emitter, Event } from '../../core/lifecycle';
import { QCheckBox, QLabel, QLineEdit, QPushButton, QTableView, QWidget } from '../qt';
import { AppDialog } from '../dialogs/app-dialog';
import { fill, grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { ArrayTableModel, ownTableModel } from '../widgets/table-model';
import { readOnlyTable } from '../widgets/table-view';

export function checkHeading(report: IdsReport): string {
  const c = reportCounts(report);
  const verdict = report.status === 'pass' ? 'every applicable requirement passes' : `${c.failed} of ${c.specifications} specification${c.specifications === 1 ? '' : 's'} fail, ${c.failedEntities} entit${c.failedEntities === 1 ? 'y' : 'ies'}`;
  return `${report.model.fileName} against “${report.ids.title}” (${report.ids.fileName}): ${verdict}`;
}

function specificationCounts(s: SpecificationResult): string {
  if (s.applicableCount === 0) return 'none applicable';
  return s.failedCount ? `${s.failedCount} of ${s.applicableCount} fail` : `${s.applicableCount} pass`;
}

export class CheckDialog extends AppDialog {
  private readonly query = new QLineEdit();
  private readonly passing = new QCheckBox();
  private readonly heading: QLabel;
  private readonly specLine: QLabel;
  private readonly countLabel: QLabel;
  private readonly table = new QTableView();
  private readonly model: ArrayTableModel<IdsRow>;
  private report: IdsReport | undefined;
  private shown: IdsRow[] = [];
  private readonly chosen = this.register(new Emitter<IdsRow>('CheckDialog.chosen'));
  /** A row the user activated (double-click or Enter). */
  readonly onDidChoose: Event<IdsRow> = this.chosen.event;
  private readonly again = this.register(new Emitter<'same' | 'other'>('CheckDialog.again'));
  /** "Check again" (the same IDS file, read anew) or "Other IDS…" (choose one). */
  readonly onDidAskAgain: Event<'same' | 'other'> = this.again.event;

  constructor(parent: QWidget) {
    super('CheckDialog', { parent, objectName: 'checkDialog', title: 'Check requirements (IDS)' });
    this.model = new ArrayTableModel<IdsRow>([
      { title: '', text: (r) => (r.status === 'pass' ? '✓' : '✗') },
      { title: 'Specification', text: (r) => r.specification },
      { title: 'Entity', text: (r) => (r.entity ? entityText(r.entity) : '—'), tooltip: (r) => (r.entity?.globalId ? `GlobalId ${r.entity.globalId}, #${r.entity.expressId}` : undefined) },
      { title: 'Reason', text: (r) => r.reason, tooltip: (r) => r.reason || undefined },
    ]);
    this.register(ownTableModel(this.model, 'check'));
    this.heading = label('', { name: 'checkHeading', selectable: true, wrap: true });
    this.specLine = label('', { name: 'checkSpecifications', wrap: true });
    this.countLabel = label('', { name: 'checkCount' });
    this.query.setObjectName('checkQuery');
    this.query.setPlaceholderText('Filter by specification, room, GlobalId or reason…');
    this.query.setClearButtonEnabled(true);
    this.passing.setObjectName('checkPassing');
    this.passing.setText('Show passing entities');
    const checkAgain = new QPushButton();
    checkAgain.setText('Check again');
    const otherIds = new QPushButton();
    otherIds.setText('Other IDS…');
    const close = new QPushButton();
    close.setText('Close');
    readOnlyTable(this.table, { name: 'checkResults', model: this.model, widths: [28, 220, 220, 0], stretch: 3 });
    fill(this.dialog, vbox([this.heading, this.specLine, hbox([grow(this.query), this.passing], { spacing: 6 }), this.countLabel, grow(this.table), hbox([checkAgain, otherIds, 'stretch', close])], { margins: 10, spacing: 6 }));
    this.dialog.resize(900, 480);

    this.register(listen(this.query, 'textChanged', () => this.update(), 'checkQuery.textChanged'));
    this.register(listen(this.passing, 'toggled', () => this.update(), 'checkPassing.toggled'));
    this.register(listen(this.table, 'activated', () => this.choose(), 'checkResults.activated'));
    this.register(listen(checkAgain, 'clicked', () => this.again.fire('same'), 'checkAgain.clicked'));
    this.register(listen(otherIds, 'clicked', () => this.again.fire('other'), 'checkOtherIds.clicked'));
    this.register(listen(close, 'clicked', () => this.dialog.close(), 'checkClose.clicked'));
  }

  setReport(report: IdsReport): void {
    this.report = report;
    this.heading.setText(checkHeading(report));
    this.specLine.setText(report.specifications.map((s) => `${s.status === 'pass' ? '✓' : '✗'} ${s.name} (${specificationCounts(s)})`).join('   '));
    this.update();
  }

  setFilter(text: string): void {
    this.query.setText(text);
  }

  /** The rows listed now, as text (tests read them). */
  get listed(): string[][] {
    return this.shown.map((r) => [r.status, r.specification, r.entity ? entityText(r.entity) : '', r.reason]);
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
    if (!this.report) return;
    const all = idsRows(this.report, { passing: this.passing.isChecked() });
    this.shown = filterIdsRows(all, this.query.text());
    this.model.setRows(this.shown);
    const total = all.length;
    this.countLabel.setText(total === 0 ? 'Nothing fails.' : this.shown.length === total ? `${total} row${total === 1 ? '' : 's'}` : `${this.shown.length} of ${total} rows`);
  }
}
