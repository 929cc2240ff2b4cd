// Progress and cancellation for row-by-row exports. The export works in slices of ~10 ms: after
// each, it reports how far it is, stops if asked to, and lets the worker's event loop see a
// shutdown message. Slices by time, not by row count: a row of the Boundaries sheet costs 20x a CSV
// row, and the controller terminates a worker that has not answered a shutdown within 150 ms.
import { ExportControl } from './export-options';

export const SLICE_MS = 10;

export class RowProgress {
  private done = 0;
  private sliceStart = performance.now();

  constructor(
    private readonly control: ExportControl,
    readonly total: number,
    private readonly what: string,
  ) {}

  async step(): Promise<void> {
    this.done++;
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    this.control.throwIfCancelled();
    this.control.progress(this.done, this.total, `Writing ${this.what}: ${this.done} / ${this.total} rows`);
    await this.control.yieldToMessages();
    this.sliceStart = performance.now();
  }

  finish(): void {
    this.control.throwIfCancelled();
    this.control.progress(this.total, this.total, `Writing ${this.what}: ${this.total} / ${this.total} rows`);
  }
}
