// Everything about the selected room: a title line and four tabs.
import { Disposable, Emitter, Event } from '../../core/lifecycle';
import { displayName, Space, StoreyRef, storeyLabel } from '../../core/schedule/model';
import { AnnotationSet } from '../../core/schedule/annotations';
import { QIcon, QLabel, QTabWidget, QWidget } from '../qt';
import { grow, label, vbox } from '../widgets/layout';
import { BoundariesTab } from './boundaries-tab';
import { NotesTab } from './notes-tab';
import { PropertiesTab } from './properties-tab';
import { RelationshipsTab } from './relationships-tab';

/** "Storey EG", but "Unnamed storey at 4.00 m" rather than "Storey Unnamed storey…", or "No storey". */
export function storeyFact(storey: StoreyRef | null): string {
  return storey?.name?.trim() ? `Storey ${storey.name.trim()}` : storey ? storeyLabel(storey) : 'No storey';
}

export type DetailsTabId = 'properties' | 'boundaries' | 'relationships' | 'notes' | 'plan';

export class DetailsPanel extends Disposable {
  readonly widget: QWidget;
  private readonly title: QLabel;
  private readonly subtitle: QLabel;
  private readonly tabs = new QTabWidget();
  private readonly tabOrder: DetailsTabId[] = ['properties', 'boundaries', 'relationships', 'notes'];
  readonly properties = this.register(new PropertiesTab());
  readonly boundaries: BoundariesTab;
  readonly relationships = this.register(new RelationshipsTab());
  readonly notes: NotesTab;
  private readonly annotated = this.register(new Emitter<void>('DetailsPanel.annotated'));
  /** The user changed a room or surface note. */
  readonly onDidAnnotate: Event<void> = this.annotated.event;

  constructor(annotations: () => AnnotationSet | undefined) {
    super('DetailsPanel');
    this.boundaries = this.register(new BoundariesTab(annotations));
    this.notes = this.register(new NotesTab(annotations));
    this.title = label('Open a model to see its rooms', { name: 'detailsTitle', selectable: true });
    this.subtitle = label('File → Open… (Ctrl+O), or drop an .ifc / .ifczip file on this window.', { name: 'detailsSubtitle', wrap: true, selectable: true });
    this.tabs.setObjectName('detailsTabs');
    // NodeGui 0.74's addTab(page, label) tests `label instanceof String`, which a string literal is
    // not, and adds nothing: use the (page, icon, label) form.
    const tabs: [QWidget, string][] = [
      [this.properties.widget, 'Properties && quantities'],
      [this.boundaries.widget, 'Boundaries'],
      [this.relationships.widget, 'Relationships'],
      [this.notes.widget, 'Notes'],
    ];
    for (const [page, title] of tabs) this.tabs.addTab(page, new QIcon(), title);
    this.widget = vbox([this.title, this.subtitle, grow(this.tabs)], { margins: 6, spacing: 4, name: 'detailsPanel' });
    this.register(this.boundaries.onDidEditNote(() => this.annotated.fire()));
    this.register(this.notes.onDidEdit(() => this.annotated.fire()));
  }

  /** The title line as the user reads it (the room's number and name). */
  get heading(): string {
    return this.title.text();
  }

  /** The line under the title (the room's storey and counts, or what to do while none is shown). */
  get subheading(): string {
    return this.subtitle.text();
  }

  show(space: Space | undefined, placeholder?: { title: string; subtitle: string }): void {
    if (space) {
      this.title.setText(`${displayName(space)}${space.longName?.trim() && space.longName.trim() !== displayName(space) ? ` — ${space.longName.trim()}` : ''}`);
      const facts = [
        storeyFact(space.storey),
        `${space.boundaries.length} boundaries`,
        `${space.relationships.length} relationships`,
        space.globalId ? `GlobalId ${space.globalId}` : `#${space.expressId}`,
      ];
      this.subtitle.setText(facts.join(' · '));
    } else if (placeholder) {
      this.title.setText(placeholder.title);
      this.subtitle.setText(placeholder.subtitle);
    }
    this.properties.show(space);
    this.boundaries.show(space);
    this.relationships.show(space);
    this.notes.show(space);
  }

  showTab(id: DetailsTabId): void {
    if (this.tabOrder.includes(id)) this.tabs.setCurrentIndex(this.tabOrder.indexOf(id));
  }

  currentTab(): DetailsTabId {
    return this.tabOrder[this.tabs.currentIndex()] ?? 'properties';
  }

  /** A page after the room's own tabs (the Plan). */
  addTab(id: DetailsTabId, page: QWidget, title: string): void {
    this.tabs.addTab(page, new QIcon(), title);
    this.tabOrder.push(id);
  }
}
