// Proof of "never freezes", measured inside the real app: how long the GUI thread's event loop
// stalls while a model loads (perf_hooks.monitorEventLoopDelay), when the main window first
// paints, and when a load's rooms first reach the screen (preview, then complete). Each result is one JSON log line and, when IFC_RS_EVENT_LOOP_REPORT names a file, one
// JSON line appended there for the benchmark (bench/run.ts) to read.
import * as fs from 'fs';
import { IntervalHistogram, monitorEventLoopDelay } from 'perf_hooks';
import { Disposable, disposableInterval, IDisposable, MutableDisposable, toDisposable } from '../../core/lifecycle';
import { log } from '../../platform/logging';

/** Sampling interval of the delay histogram; a stall shorter than this cannot be seen. */
const RESOLUTION_MS = 5;
/** Stalls at least this long are listed with their moment, so a report says where they happened. */
const LISTED_STALL_MS = 40;
const LIST_TICK_MS = 10;

export interface EventLoopStall {
  event: 'event-loop-stall';
  file: string;
  outcome: string;
  /** How long the load was watched (from its start, or from the window's first paint if later). */
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
  /** Stalls of ≥ LISTED_STALL_MS: when (ms after the load started) and how long, longest first (at most 10). */
  longest: Array<{ atMs: number; ms: number }>;
}

export interface FirstPaint {
  event: 'first-paint';
  /** From process start (performance.timeOrigin), so Node and Qt start-up are included. */
  msSinceProcessStart: number;
}

export interface RoomsShownReport {
  event: 'rooms-shown';
  file: string;
  /** false: the preview (areas still being measured); true: the complete schedule. */
  complete: boolean;
  rooms: number;
  /** From the open request to the list's first paint of these rooms. */
  msSinceOpen: number;
  engine: string;
}

const ms = (ns: number) => Math.round(ns / 1e4) / 100;
const beyond = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);

export class EventLoopProbe extends Disposable {
  private histogram: IntervalHistogram | undefined;
  private watching: { file: string; startedAt: number } | undefined;
  private painted = false;
  private awaitingPaint = false;
  private readonly stallList = this.register(new MutableDisposable());
  private stalls: Array<{ atMs: number; ms: number }> = [];
  private readonly paintListener = this.register(new MutableDisposable());

  constructor(private readonly reportFile: string | undefined = process.env.IFC_RS_EVENT_LOOP_REPORT) {
    super('EventLoopProbe');
    this.register(toDisposable(() => this.histogram?.disable(), 'event-loop-histogram'));
  }

  /**
   * Starts watching the loop for the load of `file` (a load already watched is ended first). Before
   * the window's first paint there is no window to freeze, and showing it is start-up's figure:
   * watching then begins at the first paint.
   */
  startLoad(file: string): void {
    if (this.watching) this.endLoad('superseded');
    this.watching = { file, startedAt: performance.now() };
    if (!this.awaitingPaint) this.startSampling();
  }

  private startSampling(): void {
    const w = this.watching;
    if (!w) return;
    const startedAt = (w.startedAt = performance.now());
    this.histogram ??= monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.histogram.reset();
    this.histogram.enable();
    // The histogram says how long, not when: a coarse tick notes the moment of each long stall.
    this.stalls = [];
    let last = startedAt;
    this.stallList.value = disposableInterval(
      () => {
        const now = performance.now();
        const late = now - last - LIST_TICK_MS;
        if (late >= LISTED_STALL_MS) this.stalls.push({ atMs: Math.round(last - startedAt), ms: Math.round(late) });
        last = now;
      },
      LIST_TICK_MS,
      'event-loop-stall-list',
      { owner: this },
    );
  }

  /** Stops watching and reports the stall seen since startLoad. */
  endLoad(outcome: string): EventLoopStall | undefined {
    const w = this.watching;
    const h = this.histogram;
    if (!w || !h || this.awaitingPaint) return undefined;
    h.disable();
    this.stallList.clear();
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
      longest: [...this.stalls].sort((a, b) => b.ms - a.ms).slice(0, 10),
    };
    // The file first: the benchmark reads it as soon as it sees the log line.
    this.write(result);
    log().info(`event-loop-stall ${JSON.stringify(result)}`, { rawMaxMs: ms(h.max) });
    return result;
  }

  /**
   * Reports the first paint of the window `subscribe` listens to; `subscribe` attaches a paint
   * listener and returns its disposable. It stays attached (removing a Qt listener from inside its
   * own callback is unsafe) but returns at once after the first paint.
   */
  watchFirstPaint(subscribe: (onPaint: () => void) => IDisposable): void {
    if (this.painted) return;
    this.awaitingPaint = true;
    this.paintListener.value = subscribe(() => {
      if (this.painted) return;
      this.painted = true;
      this.awaitingPaint = false;
      const result: FirstPaint = { event: 'first-paint', msSinceProcessStart: Math.round(performance.now()) };
      this.write(result);
      log().info(`first-paint ${JSON.stringify(result)}`);
      this.startSampling();
    });
  }

  /** Reports rooms that reached the screen (the list painted them). */
  roomsShown(result: RoomsShownReport): void {
    this.write(result);
    log().info(`rooms-shown ${JSON.stringify(result)}`);
  }

  private write(result: EventLoopStall | FirstPaint | RoomsShownReport): void {
    if (!this.reportFile) return;
    try {
      fs.appendFileSync(this.reportFile, `${JSON.stringify(result)}\n`);
    } catch (e) {
      log().warn(`could not write the event-loop report to ${this.reportFile}`, e);
    }
  }
}
