// Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed, an ssh session dropped) as a disposable
// subscription. While it is held, Node does not exit on the signal by itself: the CLI cancels the
// running operation through operation.cancel(), the same path as the GUI's Cancel button, and exits
// once the worker is gone. An exit forced by a second signal still removes the staged export files
// (atomic-file.ts tracks them until their export ends).
import { IDisposable, resourceRegistry, toDisposable } from '../core/lifecycle';

export type InterruptSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

const SIGNALS: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The conventional exit status after a signal: 128 + its number. */
export const SIGNAL_EXIT_CODE: Record<InterruptSignal, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export function onInterrupt(handler: (signal: InterruptSignal) => void): IDisposable {
  const listener = (signal: NodeJS.Signals) => handler(signal as InterruptSignal);
  for (const s of SIGNALS) process.on(s, listener);
  const registration = resourceRegistry.register('listener', 'cli:interrupt-signals');
  return toDisposable(() => {
    for (const s of SIGNALS) process.off(s, listener);
    registration.dispose();
  }, 'cli:interrupt-signals');
}
