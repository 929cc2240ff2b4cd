// Navigate → Go to space… (Ctrl+G): type part of a number or name, the best matches appear at once
// (core/schedule/space-search.ts), ↑/↓ pick one, Enter goes there. Unlike the list's filter box it
// leaves the list as it is: the user jumps to a room and keeps the view they had.
import { Emitter, Event } from '../../core/lifecycle';
import { Space } from '../../core/schedule/model';
import { findSpaces, SpaceMatch } from '../../core/schedule/space-search';
import { Key, QKeyEvent, QLabel, QLineEdit, QTableView, QWidget, WidgetEventTypes } from '../qt';
import { AppDialog } from '../dialogs/app-dialog';
import { fill, grow, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { ArrayTableModel, ownTableModel } from '../widgets/table-model';
import { readOnlyTable } from '../widgets/table-view';

const SHOWN = 50;

export class GoToSpaceDialog extends AppDialog {
  private readonly query = new QLineEdit();
  private readonly countLabel: QLabel;
  private readonly table = new QTableView();
  private readonly model: ArrayTableModel<SpaceMatch>;
  private matches: SpaceMatch[] = [];
  private readonly chosen = this.register(new Emitter<number>('GoToSpaceDialog.chosen'));
  /** The index (into schedule.spaces) of the room the user chose. */
  readonly onDidChoose: Event<number> = this.chosen.event;

  constructor(parent: QWidget, private spaces: readonly Space[]) {
    super('GoToSpaceDialog', { parent, objectName: 'goToSpaceDialog', title: 'Go to space' });
    this.model = new ArrayTableModel<SpaceMatch>([
      { title: 'Number', text: (m) => m.number || '—' },
      { title: 'Name', text: (m) => m.name },
      { title: 'Storey', text: (m) => m.storey },
    ]);
    this.register(ownTableModel(this.model, 'go-to-space'));
    this.query.setObjectName('goToQuery');
    this.query.setPlaceholderText('Room number or name, e.g. 1.04 or kitchen');
    this.query.setClearButtonEnabled(true);
    this.countLabel = label('', { name: 'goToCount' });
    readOnlyTable(this.table, { name: 'goToMatches', model: this.model, widths: [90, 0, 130], stretch: 1 });
    fill(this.dialog, vbox([this.query, this.countLabel, grow(this.table)], { margins: 10, spacing: 6 }));
    this.dialog.resize(520, 380);

    this.register(listen(this.query, 'textChanged', () => this.update(), 'goToQuery.textChanged'));
    this.register(listen(this.query, 'returnPressed', () => this.choose(), 'goToQuery.returnPressed'));
    this.register(listen(this.query, WidgetEventTypes.KeyPress, (native) => this.onKey(new QKeyEvent(native)), 'goToQuery.keyPress'));
    this.register(listen(this.table, 'activated', () => this.choose(), 'goToMatches.activated'));
    this.update();
  }

  /** A new model was opened while the dialog stayed up. */
  setSpaces(spaces: readonly Space[]): void {
    this.spaces = spaces;
    this.update();
  }

  setQuery(text: string): void {
    this.query.setText(text);
  }

  /** The rooms listed now, best match first (as indexes into schedule.spaces). */
  get listed(): number[] {
    return this.matches.map((m) => m.index);
  }

  get countText(): string {
    return this.countLabel.text();
  }

  override show(): void {
    super.show();
    this.query.selectAll();
    this.query.setFocus();
  }

  /** Enter: goes to the highlighted room (the best match unless the user moved). */
  choose(): boolean {
    const m = this.matches[Math.max(0, this.table.currentIndex().row())];
    if (!m) return false;
    this.chosen.fire(m.index);
    this.dialog.hide();
    return true;
  }

  /** ↑/↓ in the query box move the highlight, so hands stay on the keyboard. */
  moveHighlight(step: 1 | -1): void {
    if (this.matches.length === 0) return;
    const at = this.table.currentIndex().row();
    const next = Math.min(this.matches.length - 1, Math.max(0, (at < 0 ? -1 : at) + step));
    this.table.selectRow(next);
  }

  private onKey(e: QKeyEvent): void {
    if (e.key() === Key.Key_Down) this.moveHighlight(1);
    else if (e.key() === Key.Key_Up) this.moveHighlight(-1);
  }

  private update(): void {
    const { matches, total } = findSpaces(this.spaces, this.query.text(), SHOWN);
    this.matches = matches;
    this.model.setRows(matches);
    if (matches.length) this.table.selectRow(0);
    const q = this.query.text().trim();
    this.countLabel.setText(
      this.spaces.length === 0 ? 'No model open' : !q ? `${this.spaces.length} room${this.spaces.length === 1 ? '' : 's'}: type to narrow` : total === 0 ? `No room matches “${q}”` : `${total} match${total === 1 ? '' : 'es'}${total > SHOWN ? `, the best ${SHOWN} shown` : ''}`,
    );
  }
}
