// Tools → Check requirements…: the result of checking the open model against an IDS file, one row
// per failed requirement (passing entities too, when asked), narrowed by text. Activating a row goes
// to the room in the list (RowListDialog.onDidChoose).
import { IdsRow, entityText, filterIdsRows, idsRows } from '../../core/ids/ids-rows';
import { IdsReport, reportCounts, SpecificationResult } from '../../core/ids/ids-report';
import { Emitter, Event } from '../../core/lifecycle';
import { QCheckBox, QLabel, QLineEdit, QPushButton, QWidget } from '../qt';
import { RowListDialog } from '../dialogs/row-list-dialog';
import { fill, grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';

export function checkHeading(report: IdsReport): string {
  const c = reportCounts(report);
  const verdict = report.status === 'pass' ? 'every applicable requirement passes' : `${c.failed} of ${c.specifications} specification${c.specifications === 1 ? '' : 's'} fail, ${c.failedEntities} entit${c.failedEntities === 1 ? 'y' : 'ies'}`;
  return `${report.model.fileName} against “${report.ids.title}” (${report.ids.fileName}): ${verdict}`;
}

function specificationCounts(s: SpecificationResult): string {
  if (s.applicableCount === 0) return 'none applicable';
  return s.failedCount ? `${s.failedCount} of ${s.applicableCount} fail` : `${s.applicableCount} pass`;
}

export class CheckDialog extends RowListDialog<IdsRow> {
  private readonly query = new QLineEdit();
  private readonly passing = new QCheckBox();
  private readonly heading: QLabel;
  private readonly specLine: QLabel;
  private report: IdsReport | undefined;
  private shown: IdsRow[] = [];
  private readonly again = this.register(new Emitter<'same' | 'other'>('CheckDialog.again'));
  /** "Check again" (the same IDS file, read anew) or "Other IDS…" (choose one). */
  readonly onDidAskAgain: Event<'same' | 'other'> = this.again.event;

  constructor(parent: QWidget) {
    super('CheckDialog', {
      parent,
      objectName: 'checkDialog',
      title: 'Check requirements (IDS)',
      columns: [
        { title: '', text: (r) => (r.status === 'pass' ? '✓' : '✗') },
        { title: 'Specification', text: (r) => r.specification },
        { title: 'Entity', text: (r) => (r.entity ? entityText(r.entity) : '—'), tooltip: (r) => (r.entity?.globalId ? `GlobalId ${r.entity.globalId}, #${r.entity.expressId}` : undefined) },
        { title: 'Reason', text: (r) => r.reason, tooltip: (r) => r.reason || undefined },
      ],
      table: { name: 'checkResults', widths: [28, 220, 220, 0], stretch: 3 },
    });
    this.heading = label('', { name: 'checkHeading', selectable: true, wrap: true });
    this.specLine = label('', { name: 'checkSpecifications', wrap: true });
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
    fill(this.dialog, vbox([this.heading, this.specLine, hbox([grow(this.query), this.passing], { spacing: 6 }), this.countLabel, grow(this.table), hbox([checkAgain, otherIds, 'stretch', close])], { margins: 10, spacing: 6 }));
    this.dialog.resize(900, 480);

    this.register(listen(this.query, 'textChanged', () => this.update(), 'checkQuery.textChanged'));
    this.register(listen(this.passing, 'toggled', () => this.update(), 'checkPassing.toggled'));
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

  private update(): void {
    if (!this.report) return;
    const all = idsRows(this.report, { passing: this.passing.isChecked() });
    this.shown = filterIdsRows(all, this.query.text());
    this.showRows(this.shown, all.length, 'Nothing fails.');
  }
}
