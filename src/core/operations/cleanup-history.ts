// Every cleanup (a cancel, a finished or failed operation, a timeout, "free memory", a dispose) is
// recorded with each step timed, so Diagnostics can show what was released, how long it took and
// whether anything had to be forced or leaked. Plain data only: the history never keeps an
// operation alive.
import { Emitter, Event } from '../lifecycle/event';
import { IDisposable } from '../lifecycle/disposable';

export type CleanupTrigger = 'cancel' | 'finish' | 'error' | 'timeout' | 'free-memory' | 'dispose';
/** clean: everything stopped by itself; forced: a worker had to be terminated; leak: something survived; error: a step failed. */
export type CleanupOutcome = 'clean' | 'forced' | 'leak' | 'error';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface CleanupStep {
  name: string;
  durationMs: number;
  /** What happened, in a word or two: "exited", "no-ack", "terminated", "still-alive", "skipped: …". */
  outcome: string;
}

export interface CleanupRecord {
  /** ISO time the cleanup started. */
  at: string;
  operationId?: number;
  label: string;
  kind: string;
  trigger: CleanupTrigger;
  steps: CleanupStep[];
  durationMs: number;
  outcome: CleanupOutcome;
  memoryBefore: MemorySample;
  memoryAfter: MemorySample;
}

export interface CleanupTotals {
  clean: number;
  forced: number;
  leak: number;
  error: number;
}

export function sampleMemory(): MemorySample {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

/** Times each step of a cleanup; a throwing step is recorded as an error and the sequence goes on. */
export class CleanupSteps {
  readonly steps: CleanupStep[] = [];
  failed = false;

  constructor(private readonly now: () => number = () => performance.now()) {}

  add(name: string, outcome: string, durationMs = 0): void {
    this.steps.push({ name, outcome, durationMs: round(durationMs) });
  }

  async time(name: string, fn: () => Promise<string> | string): Promise<string> {
    const start = this.now();
    let outcome: string;
    try {
      outcome = await fn();
    } catch (e) {
      outcome = this.failedWith(e);
    }
    this.add(name, outcome, this.now() - start);
    return outcome;
  }

  timeSync(name: string, fn: () => string): string {
    const start = this.now();
    let outcome: string;
    try {
      outcome = fn();
    } catch (e) {
      outcome = this.failedWith(e);
    }
    this.add(name, outcome, this.now() - start);
    return outcome;
  }

  /** A step that threw: the cleanup goes on, and its record says which step failed and why. */
  private failedWith(e: unknown): string {
    this.failed = true;
    return `error: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** The last `capacity` cleanup records, with running totals that outlive the bound. */
export class CleanupHistory implements IDisposable {
  private readonly records: CleanupRecord[] = [];
  private readonly onDidRecordEmitter = new Emitter<CleanupRecord>('CleanupHistory.onDidRecord');
  readonly onDidRecord: Event<CleanupRecord> = this.onDidRecordEmitter.event;
  private readonly totalsByOutcome: CleanupTotals = { clean: 0, forced: 0, leak: 0, error: 0 };

  constructor(readonly capacity = 100) {}

  record(r: CleanupRecord): void {
    this.records.push(r);
    if (this.records.length > this.capacity) this.records.splice(0, this.records.length - this.capacity);
    this.totalsByOutcome[r.outcome]++;
    this.onDidRecordEmitter.fire(r);
  }

  /** Oldest first. */
  list(): readonly CleanupRecord[] {
    return this.records;
  }

  last(): CleanupRecord | undefined {
    return this.records[this.records.length - 1];
  }

  /** Counts since the app started (not bounded by `capacity`). */
  get totals(): Readonly<CleanupTotals> {
    return this.totalsByOutcome;
  }

  clear(): void {
    this.records.length = 0;
  }

  dispose(): void {
    this.onDidRecordEmitter.dispose();
  }
}

/** The app-wide history, shared by the runner, free-memory and the resource monitor by default. */
export const cleanupHistory = new CleanupHistory();
