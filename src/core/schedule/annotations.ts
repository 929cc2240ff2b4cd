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
  private readonly data: { spaces: Map<string, string>; boundaries: Map<string, string> };
  private readonly changed = this.register(new Emitter<AnnotationChange>('AnnotationSet.changed'));
  readonly onDidChange: Event<AnnotationChange> = this.changed.event;
  private revision = 0;

  constructor(initial?: Annotations) {
    super('AnnotationSet');
    this.data = { spaces: new Map(initial?.spaces), boundaries: new Map(initial?.boundaries) };
  }

  get(target: AnnotationTarget, key: string): string {
    return this.data[target].get(key) ?? '';
  }

  has(target: AnnotationTarget, key: string): boolean {
    return this.get(target, key) !== '';
  }

  /** Empty text removes the note (a cleared note is not kept as an empty string). */
  set(target: AnnotationTarget, key: string, text: string): void {
    if (this.get(target, key) === text) return;
    if (text === '') this.data[target].delete(key);
    else this.data[target].set(key, text);
    this.revision++;
    this.changed.fire({ target, key, text });
  }

  /** Increments with every change: autosave compares it to what it last wrote. */
  get version(): number {
    return this.revision;
  }

  count(target?: AnnotationTarget): number {
    if (target) return this.data[target].size;
    return this.count('spaces') + this.count('boundaries');
  }

  /** A copy of every note (the set keeps changing; the copy does not). */
  snapshot(): Annotations {
    return { spaces: new Map(this.data.spaces), boundaries: new Map(this.data.boundaries) };
  }
}
