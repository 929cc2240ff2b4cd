// The user's note on a room, saved as they type (AnnotationAutosave writes it shortly after).
import { Disposable, Emitter, Event } from '../../core/lifecycle';
import { annotationKey, Space } from '../../core/schedule/model';
import { AnnotationSet } from '../../core/schedule/annotations';
import { QPlainTextEdit, QWidget } from '../qt';
import { grow, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';

export class NotesTab extends Disposable {
  readonly widget: QWidget;
  private readonly editor = new QPlainTextEdit();
  private space: Space | undefined;
  private loading = false;
  private readonly edited = this.register(new Emitter<void>('NotesTab.edited'));
  readonly onDidEdit: Event<void> = this.edited.event;

  constructor(private readonly annotations: () => AnnotationSet | undefined) {
    super('NotesTab');
    this.editor.setObjectName('roomNote');
    this.editor.setPlaceholderText('Notes on this room: saved automatically, kept with the model and included in every export.');
    this.widget = vbox([label('Room note', { name: 'noteTitle' }), grow(this.editor)], { margins: 4, spacing: 4 });
    this.editor.setEnabled(false);
    this.register(listen(this.editor, 'textChanged', () => this.save(), 'roomNote.textChanged'));
  }

  show(space: Space | undefined): void {
    this.space = space;
    this.loading = true;
    try {
      this.editor.setPlainText(space ? this.annotations()?.get('spaces', annotationKey(space)) ?? '' : '');
    } finally {
      this.loading = false;
    }
    this.editor.setEnabled(space !== undefined);
  }

  get text(): string {
    return this.editor.toPlainText();
  }

  /** Replaces the note as if typed (tests, Go-to flows). */
  type(text: string): void {
    this.editor.setPlainText(text);
  }

  private save(): void {
    if (this.loading || !this.space) return;
    this.annotations()?.set('spaces', annotationKey(this.space), this.editor.toPlainText());
    this.edited.fire();
  }
}
