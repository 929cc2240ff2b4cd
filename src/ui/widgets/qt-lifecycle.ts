// Qt glue for the lifecycle discipline: signal/event subscriptions and Qt objects become
// disposables owned by a store, so closing a window or cancelling disconnects everything.
import { IDisposable, resourceRegistry, toDisposable } from '../../core/lifecycle';
import type { QObject, WidgetEventTypes } from '../qt';

type AnyListener = (...args: any[]) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
interface EventSource {
  addEventListener(signal: any, fn: AnyListener): void; // eslint-disable-line @typescript-eslint/no-explicit-any
  removeEventListener(signal: any, fn: AnyListener): void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Subscribes to a Qt signal or widget event; disposing disconnects. */
export function listen<S extends EventSource>(source: S, signal: string | WidgetEventTypes, fn: AnyListener, label = String(signal)): IDisposable {
  source.addEventListener(signal, fn);
  const registration = resourceRegistry.register('listener', `qt:${label}`);
  return toDisposable(() => {
    try {
      // A deleted Qt object has no native side left, and Qt dropped its connections with it.
      if ((source as { native?: unknown }).native) source.removeEventListener(signal, fn);
    } finally {
      registration.dispose();
    }
  }, `qt-listener:${label}`);
}

/**
 * Ownership of a top-level Qt object (window, dialog, item model): disposing closes it and deletes
 * it natively. Child widgets need no entry: Qt deletes children with their parent.
 */
export function qtObjectDisposable(obj: QObject, label: string): IDisposable {
  const registration = resourceRegistry.register('qt-object', label);
  return toDisposable(() => {
    registration.dispose();
    // Already gone natively (deleted with a parent window): nothing left to close or delete.
    if (!(obj as unknown as { native?: unknown }).native) return;
    const closable = obj as unknown as { close?: () => boolean };
    try {
      closable.close?.();
    } finally {
      if ((obj as unknown as { native?: unknown }).native) obj.delete();
    }
  }, `qt:${label}`);
}
