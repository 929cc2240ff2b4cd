// How long an operation may run before the user is asked "wait longer, cancel or retry?".
// A timeout never kills work by itself (unless the caller asks for that, as the CLI does): a huge
// model that is still parsing deserves the choice, not a silent stop.
import { IDisposable } from '../lifecycle/disposable';
import { leakTracker } from '../lifecycle/leak-tracker';
import { disposableTimeout } from '../lifecycle/timers';

export type FileSizeCategory = 'small' | 'medium' | 'large' | 'huge';

const MB = 1024 * 1024;

/**
 * Upper bounds (exclusive) of each category. Measured on this project's 2-core reference machine:
 * web-ifc parses ~40 MB/s (OpenModel of a 212 MB model: 5.3 s), and the full extraction of a
 * 3 MB sample with boundary geometry takes well under 5 s; the timeouts below leave 10x headroom
 * over the worst case of each band.
 */
export const FILE_SIZE_THRESHOLDS: Readonly<Record<Exclude<FileSizeCategory, 'huge'>, number>> = {
  small: 10 * MB, // < 10 MB: typical single-storey or single-discipline models
  medium: 100 * MB, // < 100 MB: whole buildings
  large: 500 * MB, // < 500 MB: campuses, federated models
};

export const TIMEOUT_BY_CATEGORY: Readonly<Record<FileSizeCategory, number>> = {
  small: 60_000, // 1 min
  medium: 3 * 60_000, // 3 min
  large: 10 * 60_000, // 10 min
  huge: 30 * 60_000, // 30 min (≥ 500 MB)
};

export function fileSizeCategory(bytes: number): FileSizeCategory {
  if (bytes < FILE_SIZE_THRESHOLDS.small) return 'small';
  if (bytes < FILE_SIZE_THRESHOLDS.medium) return 'medium';
  if (bytes < FILE_SIZE_THRESHOLDS.large) return 'large';
  return 'huge';
}

/** The timeout for a file of this size; unknown sizes get the medium band. */
export function timeoutForFileSize(bytes: number | undefined): number {
  return TIMEOUT_BY_CATEGORY[bytes === undefined ? 'medium' : fileSizeCategory(bytes)];
}

/**
 * A deadline that calls `onExpired` once it passes and can be pushed back ("wait longer").
 * Its timer is a registered resource owned by `owner`, so a deadline outliving its operation shows
 * up as an orphan.
 */
export class Deadline implements IDisposable {
  private timer: IDisposable | undefined;
  private deadlineAt: number;
  private readonly startedAt: number;
  private disposed = false;

  constructor(
    private timeoutMs: number,
    private readonly onExpired: (e: { elapsedMs: number; timeoutMs: number }) => void,
    private readonly label: string,
    private readonly owner?: object,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = this.now();
    this.deadlineAt = this.startedAt + timeoutMs;
    leakTracker.track(this, `Deadline(${label})`);
    this.arm();
  }

  /** The total allowance so far (initial timeout plus every extension). */
  get totalMs(): number {
    return this.timeoutMs;
  }

  get remainingMs(): number {
    return Math.max(0, this.deadlineAt - this.now());
  }

  /** Moves the deadline `ms` later; once expired, `ms` counts from now. */
  extend(ms: number): void {
    if (this.disposed) return;
    const base = Math.max(this.now(), this.deadlineAt);
    this.deadlineAt = base + ms;
    this.timeoutMs = this.deadlineAt - this.startedAt;
    this.arm();
  }

  private arm(): void {
    this.timer?.dispose();
    this.timer = disposableTimeout(() => this.expire(), Math.max(0, this.deadlineAt - this.now()), `deadline:${this.label}`, { owner: this.owner, unref: true });
    leakTracker.setParent(this.timer, this);
  }

  private expire(): void {
    this.timer = undefined;
    if (this.disposed) return;
    this.onExpired({ elapsedMs: this.now() - this.startedAt, timeoutMs: this.timeoutMs });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    leakTracker.markDisposed(this);
    this.timer?.dispose();
    this.timer = undefined;
  }
}
