// The monitor's clock and cadence, injectable so tests can step time instead of waiting 30 s.
import { IDisposable } from '../lifecycle/disposable';
import { disposableInterval } from '../lifecycle/timers';

export interface MonitorScheduler {
  now(): number;
  /** Calls `fn` every `ms`; the returned disposable stops it. Must be a tracked resource. */
  every(ms: number, fn: () => void, label: string, owner: object): IDisposable;
}

/** Real time; the interval is unref'd so the monitor never keeps the CLI alive. */
export const realScheduler: MonitorScheduler = {
  now: () => Date.now(),
  every: (ms, fn, label, owner) => disposableInterval(fn, ms, label, { owner, unref: true }),
};
