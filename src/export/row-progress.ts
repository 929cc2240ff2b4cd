// Progress and cancellation for row-by-row exports: every ROWS_PER_CHECK rows the export reports
// how far it is, stops if asked to, and lets the worker's event loop see a shutdown message.
import { ExportControl, ROWS_PER_CHECK } from './export-options';

export class RowProgress {
  private done = 0;

  constructor(
    private readonly control: ExportControl,
    readonly total: number,
    private readonly what: string,
  ) {}

  async step(): Promise<void> {
    this.done++;
    if (this.done % ROWS_PER_CHECK !== 0) return;
    this.control.throwIfCancelled();
    this.control.progress(this.done, this.total, `Writing ${this.what}: ${this.done} / ${this.total} rows`);
    await this.control.yieldToMessages();
  }

  finish(): void {
    this.control.throwIfCancelled();
    this.control.progress(this.total, this.total, `Writing ${this.what}: ${this.total} / ${this.total} rows`);
  }
}
