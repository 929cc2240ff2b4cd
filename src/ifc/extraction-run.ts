// The state of one extraction that every phase shares: progress reporting, cancellation points,
// warnings and phase timings.
import { CancelledError } from '../core/operations/operation-error';
import { OperationProgress } from '../core/operations/protocol';
import { WarningCollector } from './warnings';

export interface RunOptions {
  onProgress?: (p: OperationProgress) => void;
  isCancelled?: () => boolean;
}

/** Phases after parsing and their share of the progress bar (measured proportions on a 200 MB model). */
const PHASE_SPAN: Record<string, [number, number]> = {
  read: [0, 0.15],
  parse: [0.15, 0.79],
  prepare: [0.79, 0.8],
  relationships: [0.8, 0.84],
  spaces: [0.84, 0.88],
  boundaries: [0.88, 0.96],
  geometry: [0.96, 0.99],
  schedule: [0.99, 1],
};

export class ExtractionRun {
  readonly warnings = new WarningCollector();
  readonly timingsMs: Record<string, number> = {};
  private lastYield = Date.now();
  private phaseStart = 0;
  private phase = '';

  constructor(
    readonly fileName: string,
    private readonly options: RunOptions,
  ) {}

  /** Starts a phase (ending the previous one's timing). */
  begin(phase: string, message: string): void {
    this.end();
    this.phase = phase;
    this.phaseStart = performance.now();
    this.report(phase, message);
  }

  /** Ends the current phase's timing. */
  end(): void {
    if (this.phase) this.timingsMs[this.phase] = Math.round((this.timingsMs[this.phase] ?? 0) + performance.now() - this.phaseStart);
    this.phase = '';
  }

  report(phase: string, message: string, done?: number, total?: number, unit: 'bytes' | 'items' = 'items'): void {
    if (!this.options.onProgress) return;
    const [from, to] = PHASE_SPAN[phase] ?? [0, 1];
    const within = done !== undefined && total ? Math.min(1, done / total) : 0;
    this.options.onProgress({ phase, message, done, total, unit: done !== undefined ? unit : undefined, fraction: from + (to - from) * within });
  }

  /** Throws CancelledError if cancellation was asked for (checked without yielding). */
  throwIfCancelled(): void {
    if (this.options.isCancelled?.()) throw new CancelledError(`Opening "${this.fileName}"`);
  }

  /**
   * A cancellation point in a long loop: lets the event loop run at most every 50 ms (so a worker
   * sees its shutdown message), then checks for cancellation.
   */
  async checkpoint(): Promise<void> {
    if (Date.now() - this.lastYield >= 50) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.lastYield = Date.now();
    }
    this.throwIfCancelled();
  }

  /** Yields now and checks for cancellation: between phases. */
  async between(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.lastYield = Date.now();
    this.throwIfCancelled();
  }
}
