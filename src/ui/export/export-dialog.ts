// Export dialog: format, schedule template, CSV options, target file, which rooms (all, with notes,
// or the filtered list). Non-modal; the export itself runs as a cancellable operation with progress
// in the status bar.
import * as path from 'path';
import { Emitter, Event } from '../../core/lifecycle';
import { ScheduleTemplate } from '../../core/schedule/schedule-template';
import { CsvOptions, ExportFormat } from '../../export/export-options';
import { AcceptMode, CheckState, FileMode, QCheckBox, QComboBox, QFileDialog, QLabel, QLineEdit, QPushButton, QWidget } from '../qt';
import { AppDialog } from '../dialogs/app-dialog';
import { fill, grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';

export type RoomScope = 'all' | 'annotated' | 'filtered';

export interface ExportChoice {
  format: ExportFormat;
  outPath: string;
  scope: RoomScope;
  template: ScheduleTemplate;
  csv: CsvOptions;
}

const FORMATS: { id: ExportFormat; text: string; ext: string }[] = [
  { id: 'xlsx', text: 'Excel workbook (.xlsx): the schedule by storey with subtotals, Sources, Boundaries, Findings, Summary', ext: '.xlsx' },
  { id: 'pdf', text: 'PDF room schedule (.pdf): title block, a table per storey with subtotals', ext: '.pdf' },
  { id: 'csv', text: 'CSV (.rooms.csv + .boundaries.csv)', ext: '.csv' },
  { id: 'json', text: 'JSON (with JSON Schema): everything the app read', ext: '.json' },
];

export interface ExportDialogOptions {
  /** Target path without extension. */
  defaultBase: string;
  counts: { all: number; annotated: number; filtered: number };
  templates: readonly ScheduleTemplate[];
  /** Template files that could not be read, shown so the user knows why theirs is missing. */
  templateProblems: readonly string[];
  initial?: ExportFormat;
}

export class ExportDialog extends AppDialog {
  private readonly format = new QComboBox();
  private readonly file = new QLineEdit();
  private readonly scope = new QComboBox();
  private readonly template = new QComboBox();
  private readonly forExcel = new QCheckBox();
  private readonly separator = new QComboBox();
  private readonly csvOptions: QWidget;
  private readonly templates: readonly ScheduleTemplate[];
  private readonly defaultBase: string;
  private readonly summary: QLabel;
  private readonly accepted = this.register(new Emitter<ExportChoice>('ExportDialog.accepted'));
  readonly onDidAccept: Event<ExportChoice> = this.accepted.event;

  constructor(parent: QWidget, options: ExportDialogOptions) {
    super('ExportDialog', { parent, objectName: 'exportDialog', title: 'Export room schedule' });
    const { counts, initial } = options;
    this.defaultBase = options.defaultBase;
    this.templates = options.templates;
    for (const f of FORMATS) this.format.addItem(undefined, f.text);
    this.format.setCurrentIndex(Math.max(0, FORMATS.findIndex((f) => f.id === (initial ?? 'xlsx'))));
    this.format.setObjectName('exportFormat');
    for (const t of this.templates) this.template.addItem(undefined, t.description ? `${t.name} — ${t.description}` : t.name);
    this.template.setObjectName('exportTemplate');
    this.forExcel.setText('For Excel: start with a UTF-8 byte-order mark (accents such as "Küche" read right)');
    this.forExcel.setCheckState(CheckState.Checked);
    this.forExcel.setObjectName('exportCsvBom');
    this.separator.addItem(undefined, 'Comma (,): English-language settings');
    this.separator.addItem(undefined, 'Semicolon (;) with decimal commas: German, French, Dutch… settings');
    this.separator.setObjectName('exportCsvSeparator');
    this.csvOptions = vbox([label('CSV'), this.forExcel, hbox([label('Separator'), grow(this.separator)], { spacing: 6 })], { spacing: 6 });
    this.scope.addItem(undefined, `All rooms (${counts.all})`);
    this.scope.addItem(undefined, `Rooms with notes (${counts.annotated})`);
    this.scope.addItem(undefined, `Rooms in the filtered list (${counts.filtered})`);
    this.file.setObjectName('exportPath');
    this.summary = label('', { wrap: true });
    const browse = new QPushButton();
    browse.setText('Browse…');
    const ok = new QPushButton();
    ok.setText('Export');
    ok.setDefault(true);
    ok.setObjectName('exportOk');
    const cancel = new QPushButton();
    cancel.setText('Close');
    fill(
      this.dialog,
      vbox(
        [
          label('Format'),
          this.format,
          label('Template (columns, grouping, units)'),
          this.template,
          ...(options.templateProblems.length ? [label(`Not listed: ${options.templateProblems.join('; ')}`, { wrap: true })] : []),
          this.csvOptions,
          label('File'),
          hbox([grow(this.file), browse], { spacing: 6 }),
          label('Rooms'),
          this.scope,
          this.summary,
          hbox(['stretch', cancel, ok], { spacing: 6 }),
        ],
        { margins: 12, spacing: 6 },
      ),
    );
    this.dialog.setMinimumWidth(520);
    this.updatePath();
    this.register(listen(this.format, 'currentIndexChanged', () => this.updatePath(), 'exportFormat.changed'));
    this.register(listen(browse, 'clicked', () => this.browse(), 'exportBrowse.clicked'));
    this.register(listen(ok, 'clicked', () => this.accept(), 'exportOk.clicked'));
    this.register(listen(cancel, 'clicked', () => this.dialog.close(), 'exportClose.clicked'));
  }

  get choice(): ExportChoice {
    return {
      format: FORMATS[this.format.currentIndex()].id,
      outPath: this.file.text().trim(),
      scope: (['all', 'annotated', 'filtered'] as RoomScope[])[this.scope.currentIndex()],
      template: this.templates[Math.max(0, this.template.currentIndex())],
      csv: { bom: this.forExcel.checkState() === CheckState.Checked, separator: this.separator.currentIndex() === 1 ? ';' : ',' },
    };
  }

  setFormat(format: ExportFormat): void {
    this.format.setCurrentIndex(FORMATS.findIndex((f) => f.id === format));
  }

  setTemplate(name: string): void {
    const i = this.templates.findIndex((t) => t.name === name);
    if (i >= 0) this.template.setCurrentIndex(i);
  }

  setPath(p: string): void {
    this.file.setText(p);
  }

  setScope(scope: RoomScope): void {
    this.scope.setCurrentIndex(['all', 'annotated', 'filtered'].indexOf(scope));
  }

  accept(): void {
    const c = this.choice;
    if (!c.outPath) {
      this.summary.setText('Choose a file to write.');
      return;
    }
    this.accepted.fire(c);
    this.dialog.close();
  }

  private updatePath(): void {
    const f = FORMATS[this.format.currentIndex()];
    const current = this.file.text().trim();
    const base = current ? current.replace(/(\.rooms|\.boundaries)?\.(xlsx|csv|json|pdf)$/i, '') : this.defaultBase;
    this.file.setText(base + f.ext);
    // Disabled rather than hidden: a layout that changes height squeezed the separator's combo box.
    this.csvOptions.setEnabled(f.id === 'csv');
    // JSON holds everything the app read; a template only lays out the schedule.
    this.template.setEnabled(f.id !== 'json');
    this.summary.setText(f.id === 'csv' ? `Writes ${path.basename(base)}.rooms.csv (the template's columns) and ${path.basename(base)}.boundaries.csv (UTF-8).` : '');
  }

  private browse(): void {
    const d = new QFileDialog(this.dialog, 'Export to', this.file.text());
    d.setAcceptMode(AcceptMode.AcceptSave);
    d.setFileMode(FileMode.AnyFile);
    const sub = listen(d, 'fileSelected', (f: string) => this.file.setText(f), 'exportBrowse.fileSelected');
    const done = listen(d, 'finished', () => {
      sub.dispose();
      done.dispose();
      d.deleteLater();
    }, 'exportBrowse.finished');
    d.open();
  }
}
