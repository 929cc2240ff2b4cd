// Events as functions that take a listener and return its disposable (VS Code's Event<T>): there is
// no "remove listener by name" anywhere; whoever subscribes owns the subscription.
import { IDisposable, toDisposable } from './disposable';
import { resourceRegistry } from './resource-registry';

export type Event<T> = (listener: (e: T) => void) => IDisposable;

export class Emitter<T> implements IDisposable {
  // Each listener with its registration in the resource registry (counted by the monitor).
  private readonly listeners = new Map<(e: T) => void, IDisposable>();
  private disposed = false;
  /** Set by the owner to learn about listener errors instead of losing them. */
  onListenerError: (error: unknown) => void = (error) => {
    // eslint-disable-next-line no-console
    console.error(`${this.label}: a listener threw`, error);
  };

  constructor(private readonly label = 'Emitter') {}

  readonly event: Event<T> = (listener) => {
    if (this.disposed) return toDisposable(() => undefined, `${this.label}:listener`);
    const registration = resourceRegistry.register('listener', this.label);
    this.listeners.set(listener, registration);
    return toDisposable(() => {
      this.listeners.delete(listener);
      registration.dispose();
    }, `${this.label}:listener`);
  };

  get listenerCount(): number {
    return this.listeners.size;
  }

  fire(value: T): void {
    if (this.disposed) return;
    for (const l of [...this.listeners.keys()]) {
      // A listener removed by an earlier one in this same fire() must not run.
      if (!this.listeners.has(l)) continue;
      try {
        l(value);
      } catch (e) {
        this.onListenerError(e);
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Disconnect every listener: nothing can arrive after dispose, and none stays counted as live.
    for (const registration of this.listeners.values()) registration.dispose();
    this.listeners.clear();
  }
}

/** Resolves with the next value of an event (and unsubscribes). */
export function once<T>(event: Event<T>): Promise<T> {
  return new Promise((resolve) => {
    const sub = event((e) => {
      sub.dispose();
      resolve(e);
    });
  });
}
