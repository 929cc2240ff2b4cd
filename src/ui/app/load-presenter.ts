// The one writer of the status bar and of the heading shown while no model is open. Both are derived
// from the runner's active operations (what runs now, with its latest progress) and the last
// outcome, never written by the controllers that start operations: an export that ends while a load
// runs cannot hide the load's progress and Cancel, and a cancelled or failed open cannot leave
// "Reading …" behind, by construction.
import * as path from 'path';
import { Disposable, IDisposable } from '../../core/lifecycle';
import { displayName } from '../../core/schedule/model';
import type { RoomPreview } from '../../core/schedule/room-preview';
import type { OperationRunner, RunningOperation } from '../../core/operations/operation-runner';
import { EXTRACTION_KIND } from '../../ifc/extraction-job';
import { storeyFact, type DetailsPanel } from '../details/details-panel';
import type { StatusArea } from '../main-window/status-area';
import type { LoadOutcome } from './load-controller';

const OPEN_HINT = 'File → Open… (Ctrl+O), or drop an .ifc / .ifczip file on this window.';

export interface Heading {
  title: string;
  subtitle: string;
}

export interface StatusView {
  message: string;
  /** Whether an operation runs: the progress bar and Cancel show. */
  busy: boolean;
  /** 0..1 of the oldest running operation, when it told. */
  fraction?: number;
}

type LastLoad = { kind: 'failed'; name: string; message: string; suggestion: string } | { kind: 'cancelled'; name: string } | undefined;

/** The heading while no model is open: what is being read, why the last open failed, or how to open one. */
export function headingWithoutModel(loading: RunningOperation<unknown> | undefined, last: LastLoad): Heading {
  // True before and after the rooms are listed (a preview), and one line as the model's own subtitle
  // is: a subtitle that changes or changes height when the rooms arrive re-lays out the details
  // beside the list in the same paint (measured +20–30 ms of stall on the 202 MB model).
  if (loading) return { title: `${loading.label}…`, subtitle: 'Rooms are listed on the left as soon as they are read. Cancel (Esc) stops at once.' };
  if (last?.kind === 'failed') return { title: `Could not open ${last.name}`, subtitle: `${last.message} ${last.suggestion}`.trim() };
  if (last?.kind === 'cancelled') return { title: 'No model open', subtitle: `Opening ${last.name} was cancelled. ${OPEN_HINT}` };
  return { title: 'No model open', subtitle: OPEN_HINT };
}

/** The status bar for these running operations (oldest first) and the message to show when none runs. */
export function statusView(active: readonly RunningOperation<unknown>[], notice: string, busyNote: string | undefined): StatusView {
  if (active.length === 0) return { message: notice, busy: false };
  const message = busyNote ?? active.map((op) => op.lastProgress?.message ?? `${op.label}…`).join('   ·   ');
  return { message, busy: true, fraction: active.find((op) => op.lastProgress?.fraction !== undefined)?.lastProgress?.fraction };
}

export class LoadPresenter extends Disposable {
  private notice = 'Ready';
  /** A note about how the running work started (files dropped): shown until its first progress. */
  private busyNote: string | undefined;
  private last: LastLoad;
  /**
   * The operations shown, oldest first, each with our progress subscription: the running ones, and
   * one that succeeded until its result is shown (it arrives once the worker is gone, see
   * RunningOperation.finish), so the screen never reads "nothing runs" between the two.
   */
  private readonly shown = new Map<RunningOperation<unknown>, IDisposable>();

  constructor(
    runner: OperationRunner,
    private readonly status: StatusArea,
    private readonly details: DetailsPanel,
    private readonly hasModel: () => boolean,
  ) {
    super('LoadPresenter');
    this.register(runner.onDidStart((op) => this.follow(op)));
    this.register(
      runner.onDidEnd(({ operation, outcome }) => {
        if (outcome === 'succeeded') void operation.cleanedUp.then(() => this.unfollow(operation));
        else this.unfollow(operation);
      }),
    );
    for (const op of runner.active()) this.follow(op);
    this.render();
  }

  /** What the status bar says once nothing runs (a load's summary, the room shown, "Exported …"). */
  setNotice(text: string): void {
    this.notice = text;
    this.renderStatus();
  }

  noteWhileBusy(text: string): void {
    this.busyNote = text;
    this.renderStatus();
  }

  /** A room of the preview was chosen: its names and storey, and that the rest follows. */
  previewRoomChosen(room: RoomPreview): void {
    const long = room.longName?.trim();
    this.details.show(undefined, {
      title: `${displayName(room)}${long && long !== displayName(room) ? ` — ${long}` : ''}`,
      subtitle: `${storeyFact(room.storey)} · its quantities, boundaries and notes appear as soon as the model has been read; this room stays selected.`,
    });
  }

  loadEnded(o: LoadOutcome, summary?: string): void {
    const name = path.basename(o.file);
    if (o.kind === 'loaded') {
      this.last = undefined;
      this.notice = summary ?? `${name} loaded`;
      // Until a room is selected (the first one is, a moment later): the model, not "Reading …".
      const rooms = o.schedule.spaces.length;
      this.details.show(
        undefined,
        rooms
          ? { title: name, subtitle: `${rooms} room${rooms === 1 ? '' : 's'}: choose one on the left (Alt+Down / Alt+Up step through them).` }
          : { title: `${name} has no rooms`, subtitle: 'The model contains no IfcSpace. Rooms must be modelled as spaces to appear in a room schedule.' },
      );
    } else if (o.kind === 'cancelled') {
      this.last = { kind: 'cancelled', name };
      this.notice = `Opening ${name} was cancelled`;
    } else {
      this.last = { kind: 'failed', name, message: o.error.message, suggestion: o.error.suggestion };
      this.notice = `Could not open ${name}`;
    }
    this.render();
  }

  modelClosed(): void {
    this.last = undefined;
    this.notice = 'Model closed';
    this.render();
  }

  /** The heading the window shows while no model is open (tests read it). */
  heading(): Heading {
    return headingWithoutModel([...this.shown.keys()].find((op) => op.kind === EXTRACTION_KIND), this.last);
  }

  /** What the status bar shows now. */
  view(): StatusView {
    return statusView([...this.shown.keys()], this.notice, this.busyNote);
  }

  private follow(op: RunningOperation<unknown>): void {
    const subscription = this.register(
      op.onDidProgress(() => {
        this.busyNote = undefined;
        this.renderStatus();
      }),
    );
    this.shown.set(op, subscription);
    this.render();
  }

  private unfollow(op: RunningOperation<unknown>): void {
    const subscription = this.shown.get(op);
    if (!subscription || this.isDisposed) return;
    this.shown.delete(op);
    this.store.delete(subscription);
    if (this.shown.size === 0) this.busyNote = undefined;
    this.render();
  }

  private render(): void {
    if (this.isDisposed) return;
    this.renderStatus();
    if (!this.hasModel()) this.details.show(undefined, this.heading());
  }

  private renderStatus(): void {
    if (this.isDisposed) return;
    this.status.render(this.view());
  }
}
