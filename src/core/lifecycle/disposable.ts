// The one cleanup discipline of the app, after VS Code's lifecycle.ts: whatever must be released is
// an IDisposable, owned by exactly one store, and disposing is idempotent and collects errors.
import { leakTracker } from './leak-tracker';

export interface IDisposable {
  dispose(): void;
}

export function isDisposable(value: unknown): value is IDisposable {
  return typeof value === 'object' && value !== null && typeof (value as IDisposable).dispose === 'function';
}

/** Several dispose() calls failed; each failure is kept in `errors`. */
export class DisposeErrors extends Error {
  constructor(readonly errors: unknown[]) {
    super(`${errors.length} error(s) while disposing: ${errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')}`);
    this.name = 'DisposeErrors';
  }
}

/** Disposes every item, even when some throw; then rethrows one error, or all of them together. */
export function dispose<T extends IDisposable>(items: Iterable<T | undefined>): void {
  const errors: unknown[] = [];
  for (const item of items) {
    if (!item) continue;
    try {
      item.dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new DisposeErrors(errors);
}

/** Marks an object that lives as long as the app: it and what it owns are never reported as undisposed. */
export function markAsSingleton<T extends object>(obj: T): T {
  leakTracker.markAsSingleton(obj);
  return obj;
}

/** A disposable from a function, which runs at most once. */
export function toDisposable(fn: () => void, label = 'toDisposable'): IDisposable {
  // The function is dropped once run: a disposed handle kept in a field must not keep alive what
  // the function captured (a closure's context can hold a whole closed model).
  let run: (() => void) | undefined = fn;
  const d = {
    disposed: false,
    dispose() {
      if (d.disposed) return;
      d.disposed = true;
      leakTracker.markDisposed(d);
      const f = run;
      run = undefined;
      f?.();
    },
  };
  leakTracker.track(d, label);
  return d;
}

export function combinedDisposable(...items: IDisposable[]): IDisposable {
  const d = toDisposable(() => dispose(items), 'combinedDisposable');
  for (const item of items) leakTracker.setParent(item, d);
  return d;
}

/** Owns disposables; disposing it disposes them all (newest first, so dependants go before what they use). */
export class DisposableStore implements IDisposable {
  private readonly items = new Set<IDisposable>();
  private disposed = false;

  constructor(readonly label = 'DisposableStore') {
    leakTracker.track(this, label);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  get size(): number {
    return this.items.size;
  }

  /** Takes ownership. Adding to a disposed store is a bug: the newcomer is disposed at once and a warning logged. */
  add<T extends IDisposable>(item: T): T {
    if ((item as unknown) === this) throw new Error('Cannot register a store in itself');
    if (this.disposed) {
      leakTracker.warn(`${this.label}: a disposable was added after the store was disposed; disposing it now`, new Error().stack);
      item.dispose();
    } else {
      this.items.add(item);
      leakTracker.setParent(item, this);
    }
    return item;
  }

  /** Disposes one item now and forgets it. */
  delete(item: IDisposable): void {
    if (this.items.delete(item)) item.dispose();
  }

  /** Forgets an item without disposing it (ownership moves elsewhere). */
  release<T extends IDisposable>(item: T): T {
    if (this.items.delete(item)) leakTracker.setParent(item, null);
    return item;
  }

  /** Disposes what the store holds, keeping the store usable. */
  clear(): void {
    if (this.items.size === 0) return;
    const items = [...this.items].reverse();
    this.items.clear();
    dispose(items);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    leakTracker.markDisposed(this);
    this.clear();
  }
}

/** Base class for objects that own resources through a store. */
export abstract class Disposable implements IDisposable {
  protected readonly store: DisposableStore;

  constructor(label?: string) {
    const name = label ?? this.constructor.name;
    this.store = new DisposableStore(name);
    // Components must be garbage once disposed: watch them for retention (LeakCanary's idea).
    leakTracker.watch(this, name);
    leakTracker.setParent(this.store, this);
  }

  protected register<T extends IDisposable>(item: T): T {
    return this.store.add(item);
  }

  get isDisposed(): boolean {
    return this.store.isDisposed;
  }

  dispose(): void {
    if (this.store.isDisposed) return;
    leakTracker.markDisposed(this);
    this.store.dispose();
  }
}

/** Holds at most one disposable; setting a new value disposes the old one. */
export class MutableDisposable<T extends IDisposable> implements IDisposable {
  private current: T | undefined;
  private disposed = false;

  constructor() {
    leakTracker.track(this, 'MutableDisposable');
  }

  get value(): T | undefined {
    return this.disposed ? undefined : this.current;
  }

  set value(next: T | undefined) {
    if (this.disposed) {
      next?.dispose();
      return;
    }
    if (next === this.current) return;
    const old = this.current;
    this.current = next;
    if (next) leakTracker.setParent(next, this);
    old?.dispose();
  }

  clear(): void {
    this.value = undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    leakTracker.markDisposed(this);
    const old = this.current;
    this.current = undefined;
    old?.dispose();
  }
}
