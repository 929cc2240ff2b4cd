// The list of rooms: a filter box, a count line and a table grouped by storey. A QTableView over a
// JS model, so thousands of rooms cost no widgets. NodeGui 0.74 exposes no currentChanged signal,
// so keyboard moves are picked up from key events and compared with the last reported row. While a
// model loads it can list the rooms of a preview (names and storeys, areas still being measured);
// the complete rooms replace them.
import { Disposable, Emitter, Event } from '../../core/lifecycle';
import { Space } from '../../core/schedule/model';
import { RoomPreview } from '../../core/schedule/room-preview';
import { areaMark, buildPreviewRows, buildSpaceRows, formatArea, LISTED_AREA, ListRow, PendingRoomRow, SpaceRow, storeyHeading, totalAreaText } from '../../core/schedule/space-rows';
import {
  QLabel,
  QLineEdit,
  QTableView,
  QWidget,
  WidgetEventTypes,
} from '../qt';
import { label, vbox, grow } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { ArrayTableModel, ownTableModel } from '../widgets/table-model';
import { readOnlyTable } from '../widgets/table-view';

const MEASURING = 'measuring…';
const MEASURING_TIP = 'Still being read: the net floor area appears once the model’s boundaries and room bodies have been read.';

const AREA_MARKS = "≈ computed from the room's geometry or boundaries · ⚠ sources disagree or the file's value looks like a unit error";

/** A sign before a room's number, set by a feature (Compare with…: changed or added), with its reason as the tooltip. */
export interface RoomMark {
  symbol: string;
  tip: string;
}

/** Rooms that reached the screen: the list painted them for the first time. */
export interface RoomsShown {
  /** false: a preview (areas still being measured); true: the complete rooms. */
  complete: boolean;
  rooms: number;
  /** performance.now() of the paint. */
  at: number;
}

type Row = ListRow | PendingRoomRow;

export class SpaceListPanel extends Disposable {
  readonly widget: QWidget;
  private readonly filter = new QLineEdit();
  private readonly countLabel: QLabel;
  private readonly table = new QTableView();
  private readonly model: ArrayTableModel<Row>;
  private spaces: readonly Space[] = [];
  /** The rooms of a preview, listed until setSpaces; undefined when the list shows complete rooms. */
  private preview: readonly RoomPreview[] | undefined;
  /** The preview room the user chose (kept across the replacement by its express id). */
  private chosenPreview: RoomPreview | undefined;
  /** Rooms set and not painted yet (onDidShowRooms fires at their first paint). */
  private unshown: Omit<RoomsShown, 'at'> | undefined;
  private isAnnotated: (s: Space) => boolean = () => false;
  /** Marks by the feature that set them; they belong to the spaces listed and go with them. */
  private readonly marks = new Map<string, ReadonlyMap<Space, RoomMark>>();
  private rows: Row[] = [];
  private reportedIndex = -1;
  private readonly selected = this.register(new Emitter<number>('SpaceListPanel.selected'));
  /** Fires the index (into schedule.spaces) of the room the user selected. */
  readonly onDidSelectSpace: Event<number> = this.selected.event;
  private readonly previewSelected = this.register(new Emitter<RoomPreview>('SpaceListPanel.previewSelected'));
  /** Fires the preview room the user selected while the model is still being read. */
  readonly onDidSelectPreviewRoom: Event<RoomPreview> = this.previewSelected.event;
  private readonly shownEmitter = this.register(new Emitter<RoomsShown>('SpaceListPanel.shown'));
  /** Rooms set by setPreview or setSpaces were painted for the first time. */
  readonly onDidShowRooms: Event<RoomsShown> = this.shownEmitter.event;

  constructor() {
    super('SpaceListPanel');
    this.model = new ArrayTableModel<Row>([
      { title: 'Number', text: (r) => (r.kind === 'storey' ? storeyHeading(r) : r.kind === 'pending' ? r.number || '—' : `${this.marksOf(r.space).map((m) => `${m.symbol} `).join('')}${r.annotated ? '✎ ' : ''}${r.number || '—'}`), tooltip: (r) => (r.kind === 'space' ? this.tipOf(r) : undefined) },
      { title: 'Name', text: (r) => (r.kind === 'storey' ? '' : r.longName) },
      {
        title: LISTED_AREA.title,
        text: (r) => (r.kind === 'space' ? `${formatArea(r.area)}${areaMark(r)}` : r.kind === 'pending' ? MEASURING : ''),
        alignRight: true,
        tooltip: (r) => (r.kind === 'space' ? `${r.areaNote}${areaMark(r) ? `\n\n${AREA_MARKS}` : ''}` : r.kind === 'pending' ? MEASURING_TIP : undefined),
      },
    ]);
    this.register(ownTableModel(this.model, 'spaces'));
    this.filter.setPlaceholderText('Filter rooms by number, name, storey…');
    this.filter.setClearButtonEnabled(true);
    this.countLabel = label('No model open', { name: 'spaceCount' });
    readOnlyTable(this.table, { name: 'spacesTable', model: this.model, widths: [110, 0, 120], stretch: 1 });
    this.widget = vbox([this.filter, this.countLabel, grow(this.table)], { margins: 4, spacing: 4, name: 'spacesPanel' });

    this.register(listen(this.filter, 'textChanged', () => this.rebuild(), 'spaceFilter.textChanged'));
    // Go to space: type a number or name, press Enter, and the first match is selected.
    this.register(listen(this.filter, 'returnPressed', () => this.selectFirstMatch(), 'spaceFilter.returnPressed'));
    this.register(listen(this.table, 'clicked', () => this.reportCurrent(), 'spaceTable.clicked'));
    this.register(listen(this.table, WidgetEventTypes.KeyRelease, () => this.reportCurrent(), 'spaceTable.keyRelease'));
    // The moment rooms are on screen: the count line, whose text every new list changes, repaints in
    // the same pass of the window as the rows (NodeGui cannot listen to the table's viewport, a widget Qt made).
    this.register(listen(this.countLabel, WidgetEventTypes.Paint, () => this.painted(), 'spaceCount.paint'));
  }

  /**
   * The complete rooms; nothing selected. Replacing a preview, the list stays scrolled where the
   * user left it (Qt keeps the scroll bar through the model's reset): the same rooms, the same rows.
   */
  setSpaces(spaces: readonly Space[], isAnnotated: (s: Space) => boolean): void {
    this.spaces = spaces;
    this.preview = undefined;
    this.chosenPreview = undefined;
    this.marks.clear();
    this.isAnnotated = isAnnotated;
    this.reportedIndex = -1;
    this.rebuild();
    this.unshown = { complete: true, rooms: spaces.length };
  }

  /** How far the list is scrolled (the vertical scroll bar's value). */
  get scrollPosition(): number {
    return this.table.verticalScrollBar().value();
  }

  /** Scrolls the list as the user would with the scroll bar. */
  scrollTo(position: number): void {
    this.table.verticalScrollBar().setValue(position);
  }

  /** Lists the rooms of a preview: numbers, names and storeys, their areas shown as still being measured. */
  setPreview(rooms: readonly RoomPreview[]): void {
    this.spaces = [];
    this.preview = rooms;
    this.chosenPreview = undefined;
    this.marks.clear();
    this.isAnnotated = () => false;
    this.reportedIndex = -1;
    this.rebuild();
    this.unshown = { complete: false, rooms: rooms.length };
  }

  /** Whether the list shows a preview (rooms whose quantities are still being read). */
  get showsPreview(): boolean {
    return this.preview !== undefined;
  }

  /** The preview room selected, if any. */
  get selectedPreviewRoom(): RoomPreview | undefined {
    return this.chosenPreview;
  }

  /** Empties the list: no model open. */
  clear(): void {
    this.setSpaces([], () => false);
    this.unshown = undefined;
    this.countLabel.setText('No model open');
  }

  /** Re-reads the annotation marks (after the user typed a note). */
  refreshMarks(): void {
    const current = this.reportedIndex;
    this.rebuild();
    if (current >= 0) this.selectSpace(current, false);
  }

  /** Sets (or, with undefined, removes) the marks of one feature on the rooms listed now. */
  setMarks(source: string, marks: ReadonlyMap<Space, RoomMark> | undefined): void {
    if (marks) this.marks.set(source, marks);
    else this.marks.delete(source);
    this.refreshMarks();
  }

  /** The marks shown on a room, as text (tests read them). */
  marksText(space: Space): string {
    return this.marksOf(space).map((m) => m.symbol).join('');
  }

  private marksOf(space: Space): RoomMark[] {
    const out: RoomMark[] = [];
    for (const byRoom of this.marks.values()) {
      const m = byRoom.get(space);
      if (m) out.push(m);
    }
    return out;
  }

  private tipOf(row: SpaceRow): string | undefined {
    const tips = this.marksOf(row.space).map((m) => m.tip);
    if (row.annotated) tips.push('This room has your notes');
    return tips.length ? tips.join('\n') : undefined;
  }

  /** The rows as the user reads them (storey headers span the row: their first cell). */
  text(): string[][] {
    return this.model.text().map((cells, i) => (this.rows[i].kind === 'storey' ? [cells[0]] : cells));
  }

  /** The count line under the filter. */
  get countText(): string {
    return this.countLabel.text();
  }

  get filterText(): string {
    return this.filter.text();
  }

  setFilterText(text: string): void {
    this.filter.setText(text);
  }

  focusFilter(): void {
    this.filter.setFocus();
  }

  /** Space rows in display order (what Next/Previous walk through). */
  visibleSpaceIndexes(): number[] {
    return this.rows.filter((r): r is SpaceRow => r.kind === 'space').map((r) => r.index);
  }

  selectedSpaceIndex(): number {
    return this.reportedIndex;
  }

  /** Selects a room; `reveal` false leaves the list scrolled as it is (the room may be out of view). */
  selectSpace(spaceIndex: number, notify = true, reveal = true): boolean {
    const row = this.rows.findIndex((r) => r.kind === 'space' && r.index === spaceIndex);
    if (row < 0) return false;
    const scrolled = this.scrollPosition;
    this.table.selectRow(row);
    if (reveal) this.table.scrollTo(this.model.index(row, 0));
    // Selecting makes the row current, which Qt scrolls into view on its own.
    else this.scrollTo(scrolled);
    if (notify) this.report(spaceIndex);
    else this.reportedIndex = spaceIndex;
    return true;
  }

  selectFirstMatch(): boolean {
    const first = this.visibleSpaceIndexes()[0];
    if (first === undefined) return false;
    this.selectSpace(first);
    this.table.setFocus();
    return true;
  }

  /** Moves the selection by `step` rooms in display order (skipping storey rows). */
  step(step: 1 | -1): boolean {
    const order = this.visibleSpaceIndexes();
    if (order.length === 0) return false;
    const at = order.indexOf(this.reportedIndex);
    const next = at < 0 ? (step > 0 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + step));
    return this.selectSpace(order[next]);
  }

  /** A preview room by its position in the list as shown (tests choose rows as a user does). */
  selectPreviewRow(position: number): RoomPreview | undefined {
    const pending = this.rows.filter((r): r is PendingRoomRow => r.kind === 'pending');
    const row = pending[position];
    if (!row) return undefined;
    this.table.selectRow(this.rows.indexOf(row));
    this.choosePreview(row.room);
    return row.room;
  }

  private painted(): void {
    const shown = this.unshown;
    if (!shown) return;
    this.unshown = undefined;
    this.shownEmitter.fire({ ...shown, at: performance.now() });
  }

  private choosePreview(room: RoomPreview): void {
    if (room === this.chosenPreview) return;
    this.chosenPreview = room;
    this.previewSelected.fire(room);
  }

  private rebuild(): void {
    this.rows = this.preview ? buildPreviewRows(this.preview, this.filter.text()) : buildSpaceRows(this.spaces, this.filter.text(), this.isAnnotated);
    this.model.setRows(this.rows);
    this.table.clearSpans();
    this.rows.forEach((r, i) => {
      if (r.kind === 'storey') this.table.setSpan(i, 0, 1, 3);
    });
    if (this.preview) {
      const listed = this.rows.filter((r) => r.kind === 'pending').length;
      const all = this.preview.length;
      this.countLabel.setText(all === 0 ? 'No rooms' : `${listed === all ? `${all} room${all === 1 ? '' : 's'}` : `${listed} of ${all} rooms`} · areas being measured…`);
      return;
    }
    const shown = this.rows.filter((r) => r.kind === 'space').length;
    const annotated = this.spaces.filter((s) => this.isAnnotated(s)).length;
    const total = this.spaces.length;
    this.countLabel.setText(
      total === 0 ? 'No rooms' : `${shown === total ? `${total} room${total === 1 ? '' : 's'}` : `${shown} of ${total} rooms`} · ${totalAreaText(this.rows.filter((r): r is SpaceRow => r.kind === 'space'))}${annotated ? ` · ${annotated} with notes` : ''}`,
    );
  }

  private reportCurrent(): void {
    const row = this.rows[this.table.currentIndex().row()];
    if (row?.kind === 'space') this.report(row.index);
    else if (row?.kind === 'pending') this.choosePreview(row.room);
  }

  private report(spaceIndex: number): void {
    if (spaceIndex === this.reportedIndex) return;
    this.reportedIndex = spaceIndex;
    this.selected.fire(spaceIndex);
  }
}
