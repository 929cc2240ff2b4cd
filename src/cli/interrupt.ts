// Ctrl-C (SIGINT) and SIGTERM as a disposable subscription. While it is held, Node does not exit on
// the signal by itself: the CLI cancels the running operation through operation.cancel(), the same
// path as the GUI's Cancel button, and exits once the worker is gone.
import { IDisposable, resourceRegistry, toDisposable } from '../core/lifecycle';

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/** The conventional exit status after a signal: 128 + its number. */
export const SIGNAL_EXIT_CODE: Record<InterruptSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export function onInterrupt(handler: (signal: InterruptSignal) => void): IDisposable {
  const listener = (signal: NodeJS.Signals) => handler(signal as InterruptSignal);
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  const registration = resourceRegistry.register('listener', 'cli:interrupt-signals');
  return toDisposable(() => {
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
    registration.dispose();
  }, 'cli:interrupt-signals');
}
