// Timers as disposables, each registered as a live resource: the monitor counts them and an
// interval whose owner is gone shows up as an orphan.
import { IDisposable, toDisposable } from './disposable';
import { resourceRegistry } from './resource-registry';

export interface TimerOptions {
  /** The object whose dispose must clear this timer (for orphan detection). */
  owner?: object;
  /** Let the process exit while this timer is pending. */
  unref?: boolean;
}

export function disposableTimeout(fn: () => void, ms: number, label: string, options: TimerOptions = {}): IDisposable {
  const registration = resourceRegistry.register('timer', label, options.owner, { ms, repeat: false });
  // A timeout that fired is over: it disposes itself, so a handle kept in a field (a
  // MutableDisposable slot) neither counts as undisposed nor keeps `fn` — and what it captured — alive.
  const handle = setTimeout(() => {
    d.dispose();
    fn();
  }, ms);
  if (options.unref) handle.unref();
  const d = toDisposable(() => {
    clearTimeout(handle);
    registration.dispose();
  }, `timeout:${label}`);
  return d;
}

export function disposableInterval(fn: () => void, ms: number, label: string, options: TimerOptions = {}): IDisposable {
  const registration = resourceRegistry.register('timer', label, options.owner, { ms, repeat: true });
  const handle = setInterval(fn, ms);
  if (options.unref) handle.unref();
  return toDisposable(() => {
    clearInterval(handle);
    registration.dispose();
  }, `interval:${label}`);
}

/** A promise that resolves after `ms`, without holding the process open. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
