// The user's notes on rooms and surfaces. Pure state with change events; persistence lives in
// src/platform/annotation-file.ts, keyed by the model's sha256 so notes follow the model, not its path.
import { Disposable, Emitter, Event } from '../lifecycle';
import { Annotations } from './model';

export type AnnotationTarget = 'spaces' | 'boundaries';

export interface AnnotationChange {
  target: AnnotationTarget;
  key: string;
  text: string;
}

export class AnnotationSet extends Disposable {
  private data: Annotations = { spaces: {}, boundaries: {} };
  private readonly changed = this.register(new Emitter<AnnotationChange>('AnnotationSet.changed'));
  readonly onDidChange: Event<AnnotationChange> = this.changed.event;
  private revision = 0;

  constructor(initial?: Annotations) {
    super('AnnotationSet');
    if (initial) this.data = { spaces: { ...initial.spaces }, boundaries: { ...initial.boundaries } };
  }

  get(target: AnnotationTarget, key: string): string {
    return this.data[target][key] ?? '';
  }

  has(target: AnnotationTarget, key: string): boolean {
    return (this.data[target][key] ?? '') !== '';
  }

  /** Empty text removes the note (a cleared note is not kept as an empty string). */
  set(target: AnnotationTarget, key: string, text: string): void {
    if (this.get(target, key) === text) return;
    if (text === '') delete this.data[target][key];
    else this.data[target][key] = text;
    this.revision++;
    this.changed.fire({ target, key, text });
  }

  /** Increments with every change: autosave compares it to what it last wrote. */
  get version(): number {
    return this.revision;
  }

  count(target?: AnnotationTarget): number {
    if (target) return Object.keys(this.data[target]).length;
    return this.count('spaces') + this.count('boundaries');
  }

  toJSON(): Annotations {
    return { spaces: { ...this.data.spaces }, boundaries: { ...this.data.boundaries } };
  }
}
