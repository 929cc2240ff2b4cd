// Proof of "never freezes", measured inside the real app: how long the GUI thread's event loop
// stalls while a model loads (perf_hooks.monitorEventLoopDelay), and when the main window first
// paints. Each result is one JSON log line and, when IFC_RS_EVENT_LOOP_REPORT names a file, one
// JSON line appended there for the benchmark (bench/run.ts) to read.
import * as fs from 'fs';
import { IntervalHistogram, monitorEventLoopDelay } from 'perf_hooks';
import { Disposable, IDisposable, MutableDisposable, toDisposable } from '../../core/lifecycle';
import { log } from '../../platform/logging';

/** Sampling interval of the delay histogram; a stall shorter than this cannot be seen. */
const RESOLUTION_MS = 5;

export interface EventLoopStall {
  event: 'event-loop-stall';
  file: string;
  outcome: string;
  /** How long the load was watched. */
  durationMs: number;
  /**
   * Delay beyond the sampling interval: Node's histogram records whole intervals between ticks, so
   * an idle loop reads ≈ RESOLUTION_MS; what exceeds it is time the loop could not run.
   */
  maxStallMs: number;
  p99StallMs: number;
  p50StallMs: number;
  meanStallMs: number;
  samples: number;
  resolutionMs: number;
}

export interface FirstPaint {
  event: 'first-paint';
  /** From process start (performance.timeOrigin), so Node and Qt start-up are included. */
  msSinceProcessStart: number;
}

const ms = (ns: number) => Math.round(ns / 1e4) / 100;
const beyond = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);

export class EventLoopProbe extends Disposable {
  private histogram: IntervalHistogram | undefined;
  private watching: { file: string; startedAt: number } | undefined;
  private painted = false;
  private readonly paintListener = this.register(new MutableDisposable());

  constructor(private readonly reportFile: string | undefined = process.env.IFC_RS_EVENT_LOOP_REPORT) {
    super('EventLoopProbe');
    this.register(toDisposable(() => this.histogram?.disable(), 'event-loop-histogram'));
  }

  /** Starts watching the loop for the load of `file` (a load already watched is ended first). */
  startLoad(file: string): void {
    if (this.watching) this.endLoad('superseded');
    this.histogram ??= monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.histogram.reset();
    this.histogram.enable();
    this.watching = { file, startedAt: performance.now() };
  }

  /** Stops watching and reports the stall seen since startLoad. */
  endLoad(outcome: string): EventLoopStall | undefined {
    const w = this.watching;
    const h = this.histogram;
    if (!w || !h) return undefined;
    h.disable();
    this.watching = undefined;
    const result: EventLoopStall = {
      event: 'event-loop-stall',
      file: w.file,
      outcome,
      durationMs: Math.round(performance.now() - w.startedAt),
      maxStallMs: beyond(h.max),
      p99StallMs: beyond(h.percentile(99)),
      p50StallMs: beyond(h.percentile(50)),
      meanStallMs: h.count ? beyond(h.mean) : 0,
      samples: h.count,
      resolutionMs: RESOLUTION_MS,
    };
    log().info(`event-loop-stall ${JSON.stringify(result)}`, { rawMaxMs: ms(h.max) });
    this.write(result);
    return result;
  }

  /**
   * Reports the first paint of the window `subscribe` listens to; `subscribe` attaches a paint
   * listener and returns its disposable. It stays attached (removing a Qt listener from inside its
   * own callback is unsafe) but returns at once after the first paint.
   */
  watchFirstPaint(subscribe: (onPaint: () => void) => IDisposable): void {
    if (this.painted) return;
    this.paintListener.value = subscribe(() => {
      if (this.painted) return;
      this.painted = true;
      const result: FirstPaint = { event: 'first-paint', msSinceProcessStart: Math.round(performance.now()) };
      log().info(`first-paint ${JSON.stringify(result)}`);
      this.write(result);
    });
  }

  private write(result: EventLoopStall | FirstPaint): void {
    if (!this.reportFile) return;
    try {
      fs.appendFileSync(this.reportFile, `${JSON.stringify(result)}\n`);
    } catch (e) {
      log().warn(`could not write the event-loop report to ${this.reportFile}`, e);
    }
  }
}
