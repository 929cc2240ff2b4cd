// A one-line progress bar on stderr for files that take more than a second. Only on a terminal: in
// a pipe or a CI log, carriage-return redraws are noise, so there it writes nothing, or, with
// `phaseLines` (--verbose), one plain line per phase ("model.ifc: Parsing model.ifc").
import { Disposable, disposableInterval, disposableTimeout, MutableDisposable } from '../core/lifecycle';
import { OperationProgress } from '../core/operations/protocol';
import { term, terminalSafe } from '../platform/terminal-text';

export interface ProgressBarOptions {
  /** Nothing is drawn before this (fast files finish without a flicker). */
  delayMs?: number;
  redrawMs?: number;
  /** When not on a terminal: a line per phase change instead of nothing. */
  phaseLines?: boolean;
}

const BAR_WIDTH = 24;

export class ProgressBar extends Disposable {
  private latest: OperationProgress | undefined;
  private drawn = false;
  private readonly startedAt = Date.now();
  private readonly ticker = this.register(new MutableDisposable());
  private readonly phaseLines: boolean;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly label: string,
    options: ProgressBarOptions = {},
  ) {
    super('ProgressBar');
    this.phaseLines = !stream.isTTY && options.phaseLines === true;
    if (!stream.isTTY) return;
    const redrawMs = options.redrawMs ?? 100;
    // unref: a progress bar must never be what keeps the CLI alive.
    this.ticker.value = disposableTimeout(() => (this.ticker.value = disposableInterval(() => this.draw(), redrawMs, 'cli-progress-redraw', { owner: this, unref: true })), options.delayMs ?? 1000, 'cli-progress-delay', { owner: this, unref: true });
  }

  update(progress: OperationProgress): void {
    if (this.phaseLines && progress.phase !== this.latest?.phase) this.stream.write(term`${this.label}: ${progress.message}\n`);
    this.latest = progress;
  }

  /** Removes the bar's line, so the summary line is written on a clean line. */
  override dispose(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
    super.dispose();
  }

  private draw(): void {
    const p = this.latest;
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(0);
    let bar: string;
    if (p?.fraction !== undefined) {
      const filled = Math.round(Math.min(1, Math.max(0, p.fraction)) * BAR_WIDTH);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(p.fraction * 100)).padStart(3)}%`;
    } else {
      // No fraction known (web-ifc's parse gives none): a bouncing marker shows it is alive.
      const pos = Math.floor(Date.now() / 120) % (2 * BAR_WIDTH - 2);
      const at = pos < BAR_WIDTH ? pos : 2 * BAR_WIDTH - 2 - pos;
      bar = `[${'-'.repeat(at)}#${'-'.repeat(BAR_WIDTH - 1 - at)}]     `;
    }
    const line = `${terminalSafe(this.label)} ${bar} ${seconds}s ${terminalSafe(p?.message ?? '')}`;
    const width = this.stream.columns || 80;
    this.stream.write(`\r\x1b[2K${line.length >= width ? `${line.slice(0, width - 2)}…` : line}`);
    this.drawn = true;
  }
}
