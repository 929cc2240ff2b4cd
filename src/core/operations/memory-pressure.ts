// Watches the process's resident memory against two marks: above the high-water mark the status
// bar warns; above the critical mark the user is told and offered "free memory" or "cancel".
// Levels drop back only 10 % below a mark, so RSS hovering at a mark does not flap the warning.
import * as os from 'os';
import { Disposable } from '../lifecycle/disposable';
import { Emitter, Event } from '../lifecycle/event';

export type MemoryPressureLevel = 'normal' | 'high' | 'critical';

export interface MemoryPressureThresholds {
  highWaterBytes: number;
  criticalBytes: number;
}

export interface MemoryPressureChange {
  level: MemoryPressureLevel;
  previous: MemoryPressureLevel;
  rss: number;
  thresholds: MemoryPressureThresholds;
  message: string;
  suggestion?: string;
  /** What the UI should offer at this level. */
  actions: Array<'free-memory' | 'cancel'>;
}

export interface MemoryPressureState extends MemoryPressureThresholds {
  level: MemoryPressureLevel;
  rss?: number;
}

/**
 * Defaults as shares of the machine's memory: parsing a 212 MB model peaks at ~650 MB RSS, so on
 * the 24 GB reference machine these leave room for several huge models before warning.
 */
export function defaultThresholds(totalBytes = os.totalmem()): MemoryPressureThresholds {
  return { highWaterBytes: Math.round(totalBytes * 0.4), criticalBytes: Math.round(totalBytes * 0.6) };
}

const HYSTERESIS = 0.9;
const MB = 1024 * 1024;

export class MemoryPressureWatch extends Disposable {
  private current: MemoryPressureLevel = 'normal';
  private lastRss: number | undefined;
  readonly thresholds: MemoryPressureThresholds;
  private readonly changeEmitter = this.register(new Emitter<MemoryPressureChange>('MemoryPressureWatch.onDidChangeLevel'));
  readonly onDidChangeLevel: Event<MemoryPressureChange> = this.changeEmitter.event;

  constructor(thresholds: Partial<MemoryPressureThresholds> = {}) {
    super('MemoryPressureWatch');
    this.thresholds = { ...defaultThresholds(), ...thresholds };
    if (this.thresholds.criticalBytes <= this.thresholds.highWaterBytes) throw new Error('MemoryPressureWatch: the critical mark must be above the high-water mark');
  }

  get level(): MemoryPressureLevel {
    return this.current;
  }

  state(): MemoryPressureState {
    return { level: this.current, rss: this.lastRss, ...this.thresholds };
  }

  /** Feeds one RSS sample (the resource monitor calls this); returns the level after it. */
  update(rss: number): MemoryPressureLevel {
    this.lastRss = rss;
    const { highWaterBytes, criticalBytes } = this.thresholds;
    let next: MemoryPressureLevel;
    if (rss >= criticalBytes) next = 'critical';
    else if (rss >= highWaterBytes) next = this.current === 'critical' && rss >= criticalBytes * HYSTERESIS ? 'critical' : 'high';
    else if (this.current !== 'normal' && rss >= highWaterBytes * HYSTERESIS) next = 'high';
    else next = 'normal';
    if (next !== this.current) {
      const previous = this.current;
      this.current = next;
      this.changeEmitter.fire(describe(next, previous, rss, this.thresholds));
    }
    return next;
  }
}

function describe(level: MemoryPressureLevel, previous: MemoryPressureLevel, rss: number, thresholds: MemoryPressureThresholds): MemoryPressureChange {
  const used = `${Math.round(rss / MB)} MB`;
  switch (level) {
    case 'critical':
      return { level, previous, rss, thresholds, actions: ['free-memory', 'cancel'], message: `Memory use is critical (${used}).`, suggestion: 'Free memory now, or cancel the running operation, before the system runs out.' };
    case 'high':
      return { level, previous, rss, thresholds, actions: ['free-memory'], message: `Memory use is high (${used}).`, suggestion: 'Consider freeing memory (Tools → Free memory) before opening another large model.' };
    default:
      return { level, previous, rss, thresholds, actions: [], message: `Memory use is back to normal (${used}).` };
  }
}
