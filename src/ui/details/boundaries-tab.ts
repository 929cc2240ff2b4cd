// The surfaces that bound a room: one row per space boundary (level, physical/virtual,
// internal/external, element, area, orientation, note) with totals by surface type underneath,
// and a note field for the selected surface.
import { Disposable, Emitter, Event } from '../../core/lifecycle';
import { annotationKey, Space, SpaceBoundary, SurfaceTotals } from '../../core/schedule/model';
import { AnnotationSet } from '../../core/schedule/annotations';
import { QLabel, QLineEdit, QTableView, QWidget, WidgetEventTypes } from '../qt';
import { formatEntity } from './format';
import { grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { ArrayTableModel, ownTableModel } from '../widgets/table-model';
import { readOnlyTable } from '../widgets/table-view';

const CATEGORY_TITLES: Record<string, string> = { wall: 'Walls', floor: 'Floors/slabs', ceiling: 'Ceilings/roofs', window: 'Windows', door: 'Doors', virtual: 'Virtual', other: 'Other' };

/** "Wall “Wall_006”": the element's class without the Ifc prefix and StandardCase suffix, then its name. */
export function shortEntity(b: SpaceBoundary): string {
  const e = b.relatedElement;
  if (!e) return b.physicalOrVirtual === 'VIRTUAL' ? '(virtual boundary)' : '—';
  const type = e.type.replace(/^Ifc/, '').replace(/StandardCase$|ElementedCase$/, '');
  const name = e.name?.trim();
  return name ? `${type} “${name}”` : type;
}

export function totalsText(totals: readonly SurfaceTotals[]): string {
  if (totals.length === 0) return 'No surfaces';
  return totals
    .map((t) => `${CATEGORY_TITLES[t.category] ?? t.category}: ${t.count} · ${t.area.toFixed(2)} m²${t.missingArea ? ` (${t.missingArea} without area)` : ''}`)
    .join('   ');
}

export class BoundariesTab extends Disposable {
  readonly widget: QWidget;
  private readonly table = new QTableView();
  private readonly model: ArrayTableModel<SpaceBoundary>;
  private readonly totals: QLabel;
  private readonly note = new QLineEdit();
  private boundaries: readonly SpaceBoundary[] = [];
  private selected: SpaceBoundary | undefined;
  private readonly noteEdited = this.register(new Emitter<void>('BoundariesTab.noteEdited'));
  readonly onDidEditNote: Event<void> = this.noteEdited.event;

  constructor(private readonly annotations: () => AnnotationSet | undefined) {
    super('BoundariesTab');
    const lower = (v: string | null) => (v ? v.toLowerCase().replace('_', ' ') : '—');
    this.model = new ArrayTableModel<SpaceBoundary>([
      { title: 'Level', text: (b) => (b.level === 'unspecified' ? 'unspecified' : `${b.level.replace('Level', '')}${b.levelDetail ? ` (${b.levelDetail})` : ''}`), tooltip: (b) => `${b.level}${b.levelDetail ? ` ${b.levelDetail}` : ''} — ${b.levelSource}` },
      { title: 'Physical', text: (b) => lower(b.physicalOrVirtual) },
      { title: 'Int/Ext', text: (b) => lower(b.internalOrExternal) },
      { title: 'Element', text: (b) => shortEntity(b), tooltip: (b) => (b.relatedElement ? `${b.relatedElement.type} ${b.relatedElement.globalId ?? ''}${b.adjacentSpace ? `\nOther side: ${b.adjacentSpace.name ?? b.adjacentSpace.globalId}` : ''}` : undefined) },
      { title: 'Surface', text: (b) => b.surfaceCategory },
      { title: 'Area', text: (b) => (b.area === null ? 'missing' : `${b.area.toFixed(2)} m²`), alignRight: true, tooltip: (b) => b.areaIssue ?? undefined },
      { title: 'Orient.', text: (b) => b.orientation ?? '—', tooltip: (b) => (b.azimuthDeg === null ? undefined : `${b.azimuthDeg.toFixed(0)}° from north`) },
      { title: 'Note', text: (b) => this.annotations()?.get('boundaries', annotationKey(b)) ?? '' },
    ]);
    this.register(ownTableModel(this.model, 'boundaries'));
    // Fixed widths that fit their longest values ("2ndLevel (2a)", "EXTERNAL_EARTH"); the element
    // name takes what is left, so the table never needs a horizontal scroll bar at the default size.
    readOnlyTable(this.table, { name: 'boundariesTable', grid: true, model: this.model, widths: [70, 64, 70, 0, 58, 76, 52, 100], stretch: 3 });
    this.totals = label('', { name: 'boundaryTotals', wrap: true, selectable: true });
    this.note.setObjectName('boundaryNote');
    this.note.setPlaceholderText('Select a surface to add a note to it');
    this.note.setEnabled(false);
    this.widget = vbox([grow(this.table), this.totals, hbox([label('Surface note:'), grow(this.note)], { spacing: 6 })], { margins: 4, spacing: 4 });

    this.register(listen(this.table, 'clicked', () => this.pickCurrent(), 'boundaryTable.clicked'));
    this.register(listen(this.table, WidgetEventTypes.KeyRelease, () => this.pickCurrent(), 'boundaryTable.keyRelease'));
    this.register(listen(this.note, 'textEdited', (text: string) => this.saveNote(text), 'boundaryNote.textEdited'));
  }

  show(space: Space | undefined): void {
    this.boundaries = space?.boundaries ?? [];
    this.selected = undefined;
    this.model.setRows(this.boundaries);
    this.note.setText('');
    this.note.setEnabled(false);
    this.totals.setText(space ? (this.boundaries.length ? `${this.boundaries.length} boundaries — ${totalsText(space.surfaceTotals)}` : 'This room has no space boundaries in the file.') : '');
  }

  get rowCount(): number {
    return this.model.length;
  }

  /** Selects a boundary row (keyboard and tests). */
  selectRow(row: number): void {
    this.table.selectRow(row);
    this.pickCurrent();
  }

  /** Sets the selected surface's note as if typed. */
  typeNote(text: string): void {
    this.note.setText(text);
    this.saveNote(text);
  }

  private pickCurrent(): void {
    const b = this.boundaries[this.table.currentIndex().row()];
    if (!b || b === this.selected) return;
    this.selected = b;
    this.note.setEnabled(true);
    this.note.setPlaceholderText(`Note for this ${b.surfaceCategory} (${formatEntity(b.relatedElement)})`);
    this.note.setText(this.annotations()?.get('boundaries', annotationKey(b)) ?? '');
  }

  private saveNote(text: string): void {
    const set = this.annotations();
    if (!set || !this.selected) return;
    set.set('boundaries', annotationKey(this.selected), text);
    this.model.refreshRow(this.boundaries.indexOf(this.selected));
    this.noteEdited.fire();
  }
}
