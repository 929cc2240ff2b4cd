// One open model: its room schedule, the user's notes on it (restored by the model's sha256 and
// autosaved), and which room is selected. Closing the model disposes the session.
import { Disposable } from '../../core/lifecycle';
import { AnnotationSet } from '../../core/schedule/annotations';
import { annotationKey, RoomSchedule, Space } from '../../core/schedule/model';
import { loadAnnotations } from '../../platform/annotation-file';
import { AnnotationAutosave, AutosaveOptions } from '../../platform/annotation-autosave';

export class ModelSession extends Disposable {
  readonly annotations: AnnotationSet;
  private readonly autosave: AnnotationAutosave;
  /** Set when saved notes existed but could not be read (the damaged file is kept aside, or left untouched and not saved over). */
  readonly restoreWarning: string | undefined;

  constructor(
    readonly schedule: RoomSchedule,
    readonly filePath: string,
    dataDir: string,
    saveEvents: Pick<AutosaveOptions, 'onProblem' | 'onRecovered' | 'onMerged'>,
  ) {
    super('ModelSession');
    const { sha256, name } = schedule.metadata.source;
    const restored = loadAnnotations(dataDir, sha256);
    this.restoreWarning = restored.warning;
    this.annotations = this.register(new AnnotationSet(restored.annotations));
    this.autosave = this.register(new AnnotationAutosave(this.annotations, dataDir, { name, sha256 }, restored, { delayMs: 250, ...saveEvents }));
  }

  /** Notes are not saved for this model (its notes file exists but could not be read). */
  get notesBlocked(): boolean {
    return this.autosave.blocked !== undefined;
  }

  get name(): string {
    return this.schedule.metadata.source.name;
  }

  get spaces(): readonly Space[] {
    return this.schedule.spaces;
  }

  isAnnotated(space: Space): boolean {
    if (this.annotations.has('spaces', annotationKey(space))) return true;
    // Most models have no surface notes: skip walking thousands of boundaries for nothing.
    if (this.annotations.count('boundaries') === 0) return false;
    return space.boundaries.some((b) => this.annotations.has('boundaries', annotationKey(b)));
  }

  /** The schedule with the notes attached, as every export wants it. */
  withAnnotations(): RoomSchedule {
    return { ...this.schedule, annotations: this.annotations.snapshot() };
  }

  /** Writes pending notes now (before export, before exit). */
  flush(): void {
    this.autosave.flush();
  }
}
