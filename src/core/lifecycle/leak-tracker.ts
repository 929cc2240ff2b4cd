// Leak proof after LeakCanary and VS Code's GCBasedDisposableTracker. Two kinds of leak:
// - undisposed: created, never disposed, still alive (or collected without ever being disposed);
// - retained: disposed, but still reachable some time after dispose and a forced GC. Only objects
//   that should die with their dispose are watched this way (components and explicitly watched
//   objects), because a disposed token held by a live owner is not a leak.
// The tracker holds only WeakRefs, so it never keeps anything alive itself.
// Ownership after VS Code's DisposableTracker: adding a disposable to a store records the store as
// its parent, so an undisposed object that some live owner holds is not a leak — only undisposed
// ROOTS are (objects nobody owns), and app-lifetime roots are marked as singletons. The parent
// links also give each finding its owner chain ("AnnotationSet ← ModelSession ← AppController").

export interface TrackedObject {
  readonly id: number;
  readonly label: string;
  /** The class of the object (its constructor's name), e.g. "ModelSession". */
  readonly type: string;
  /** Its owners, nearest first: the labels of the stores/objects that held it. */
  readonly ownerChain: readonly string[];
  readonly createdAt: number;
  readonly stack?: string;
  disposedAt?: number;
  readonly watchRetention: boolean;
}

export interface LeakReport {
  kind: 'undisposed' | 'retained' | 'collected-undisposed' | 'warning';
  label: string;
  message: string;
  stack?: string;
  at: number;
}

type Listener = (report: LeakReport) => void;

interface Entry extends Omit<TrackedObject, 'ownerChain'> {
  ref: WeakRef<object>;
  /** The owner's entry (kept even after the owner's own entry left the map, for the chain). */
  parent?: Entry;
  singleton?: boolean;
}

export interface LeakCheckpoint {
  readonly sinceId: number;
}

export interface LeakFindings {
  undisposed: TrackedObject[];
  retained: TrackedObject[];
}

function now(): number {
  return Date.now();
}

function sleep(ms: number): Promise<void> {
  // An unref'd plain timer: the tracker must not keep a process alive, nor count as an app timer.
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export class LeakTracker {
  /** Creation stacks cost ~10 µs each: on for tests and IFC_RS_LEAK_STACKS=1, off otherwise. */
  captureStacks = process.env.IFC_RS_LEAK_STACKS === '1' || process.env.JEST_WORKER_ID !== undefined;
  private nextId = 1;
  private readonly ids = new WeakMap<object, number>();
  private readonly entries = new Map<number, Entry>();
  private readonly listeners = new Set<Listener>();
  private collectedUndisposed = 0;
  private readonly registry = new FinalizationRegistry<number>((id) => this.onCollected(id));
  private readonly reports: LeakReport[] = [];

  track(obj: object, label: string, options: { watchRetention?: boolean } = {}): void {
    const existing = this.ids.get(obj);
    if (existing !== undefined) {
      // A subclass constructor tracking again (Disposable + a watched subclass): keep the most specific label.
      const e = this.entries.get(existing);
      if (e && options.watchRetention && !e.watchRetention) {
        this.entries.set(existing, { ...e, label, watchRetention: true });
      }
      return;
    }
    const id = this.nextId++;
    this.ids.set(obj, id);
    const stack = this.captureStacks ? cleanStack(new Error().stack) : undefined;
    // A plain object is a toDisposable() handle: its label says what it releases.
    const name = (obj as { constructor?: { name?: string } }).constructor?.name;
    const type = name && name !== 'Object' ? name : 'disposable';
    this.entries.set(id, { id, label, type, createdAt: now(), stack, watchRetention: options.watchRetention ?? false, ref: new WeakRef(obj) });
    this.registry.register(obj, id);
  }

  /** Watches an object that must be garbage after dispose (an operation, a worker, a parsed model). */
  watch(obj: object, label: string): void {
    this.track(obj, label, { watchRetention: true });
  }

  /** Records `parent` as the owner of `child` (a store adding it); `null` forgets the owner (released). */
  setParent(child: object, parent: object | null): void {
    const c = this.entryOf(child);
    if (!c) return;
    c.parent = parent ? this.entryOf(parent) : undefined;
  }

  /** An object that lives as long as the app (the composition root, the process store): never a leak. */
  markAsSingleton(obj: object): void {
    const e = this.entryOf(obj);
    if (e) e.singleton = true;
  }

  private entryOf(obj: object): Entry | undefined {
    const id = this.ids.get(obj);
    return id === undefined ? undefined : this.entries.get(id);
  }

  markDisposed(obj: object): void {
    const id = this.ids.get(obj);
    if (id === undefined) return;
    const e = this.entries.get(id);
    if (!e) return;
    if (e.watchRetention) {
      e.disposedAt = now();
    } else {
      this.entries.delete(id);
      this.registry.unregister(obj);
    }
  }

  isDisposed(obj: object): boolean {
    const id = this.ids.get(obj);
    if (id === undefined) return false;
    const e = this.entries.get(id);
    return !e || e.disposedAt !== undefined;
  }

  checkpoint(): LeakCheckpoint {
    return { sinceId: this.nextId };
  }

  /** Objects created since the checkpoint that are alive and were never disposed. */
  undisposed(since: LeakCheckpoint = { sinceId: 0 }): TrackedObject[] {
    const out: TrackedObject[] = [];
    for (const e of this.entries.values()) {
      if (e.id >= since.sinceId && e.disposedAt === undefined && e.ref.deref() !== undefined) out.push(publicView(e));
    }
    return out;
  }

  /**
   * Undisposed, live objects since the checkpoint that no live owner holds: the roots of what was
   * never disposed. A child of an undisposed root is not listed (disposing the root disposes it);
   * an object whose root is a singleton is not a leak; a child whose owner was disposed is a root.
   */
  undisposedRoots(since: LeakCheckpoint = { sinceId: 0 }): TrackedObject[] {
    const roots = new Map<number, Entry>();
    for (const e of this.entries.values()) {
      if (e.disposedAt !== undefined || e.ref.deref() === undefined) continue;
      const root = this.rootOf(e);
      if (root.singleton || root.id < since.sinceId) continue;
      roots.set(root.id, root);
    }
    return [...roots.values()].map(publicView);
  }

  /** The topmost live, undisposed owner of `e` (itself when nobody live owns it). */
  private rootOf(e: Entry): Entry {
    let cur = e;
    for (let depth = 0; depth < 64; depth++) {
      const p = cur.parent;
      if (!p || p.disposedAt !== undefined || !this.entries.has(p.id) || p.ref.deref() === undefined) return cur;
      cur = p;
    }
    return cur;
  }

  /**
   * Disposed, watched objects still reachable after `graceMs` and forced GC passes. Needs
   * --expose-gc; without it nothing can be proven and the result says so by throwing.
   */
  async findRetained(since: LeakCheckpoint = { sinceId: 0 }, graceMs = 0): Promise<TrackedObject[]> {
    await forceGc();
    const cutoff = now() - graceMs;
    const out: TrackedObject[] = [];
    for (const e of this.entries.values()) {
      if (e.id < since.sinceId || e.disposedAt === undefined || e.disposedAt > cutoff) continue;
      if (e.ref.deref() !== undefined) out.push(publicView(e));
    }
    return out;
  }

  /** Undisposed and retained objects since a checkpoint; reports each one. */
  async findLeaks(since: LeakCheckpoint, graceMs = 0): Promise<LeakFindings> {
    const retained = await this.findRetained(since, graceMs);
    const undisposed = this.undisposedRoots(since);
    for (const t of retained) this.report({ kind: 'retained', label: t.label, message: `${t.label} is still reachable ${now() - (t.disposedAt ?? now())} ms after dispose and GC`, stack: t.stack, at: now() });
    for (const t of undisposed) this.report({ kind: 'undisposed', label: t.label, message: `${t.label} was created and never disposed`, stack: t.stack, at: now() });
    return { undisposed, retained };
  }

  get collectedWithoutDispose(): number {
    return this.collectedUndisposed;
  }

  get liveCount(): number {
    return this.entries.size;
  }

  recentReports(): readonly LeakReport[] {
    return this.reports;
  }

  warn(message: string, stack?: string): void {
    this.report({ kind: 'warning', label: 'lifecycle', message, stack: cleanStack(stack), at: now() });
  }

  onDidReport(listener: Listener): { dispose(): void } {
    // Not a tracked disposable: the tracker sits below the lifecycle it watches.
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Forgets everything (tests that deliberately leak call this after asserting the leak was seen). */
  reset(): void {
    this.entries.clear();
    this.reports.length = 0;
    this.collectedUndisposed = 0;
  }

  private onCollected(id: number): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    if (e.disposedAt === undefined) {
      this.collectedUndisposed++;
      this.report({ kind: 'collected-undisposed', label: e.label, message: `${e.label} was garbage-collected without being disposed`, stack: e.stack, at: now() });
    }
  }

  private report(r: LeakReport): void {
    this.reports.push(r);
    if (this.reports.length > 200) this.reports.splice(0, this.reports.length - 200);
    for (const l of [...this.listeners]) {
      try {
        l(r);
      } catch {
        // A failing listener must not stop leak reporting.
      }
    }
  }
}

function publicView(e: Entry): TrackedObject {
  return { id: e.id, label: e.label, type: e.type, ownerChain: ownerChain(e), createdAt: e.createdAt, stack: e.stack, disposedAt: e.disposedAt, watchRetention: e.watchRetention };
}

/** Owner labels, nearest first; a Disposable's own store is folded into its owner ("X.store"). */
function ownerChain(e: Entry): string[] {
  const out: string[] = [];
  let p = e.parent;
  for (let depth = 0; p && depth < 32; depth++, p = p.parent) {
    if (p.type === 'DisposableStore' && p.parent && p.parent.label === p.label) continue;
    out.push(p.label);
  }
  return out;
}

function cleanStack(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  return stack
    .split('\n')
    .slice(1)
    .filter((l) => !l.includes('/lifecycle/'))
    .slice(0, 8)
    .join('\n');
}

type GcFunction = () => void;
let cachedGc: GcFunction | undefined;

/**
 * The engine's gc(): from --expose-gc, or else by turning the flag on at run time and taking gc
 * from a fresh context (jest's test contexts never get the outer realm's gc).
 */
export function getGc(): GcFunction | undefined {
  if (cachedGc) return cachedGc;
  const direct = (globalThis as { gc?: GcFunction }).gc;
  if (typeof direct === 'function') return (cachedGc = direct);
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const v8 = require('v8') as typeof import('v8');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const vm = require('vm') as typeof import('vm');
    v8.setFlagsFromString('--expose-gc');
    cachedGc = vm.runInNewContext('gc') as GcFunction;
  } catch {
    cachedGc = undefined;
  }
  return cachedGc;
}

export function gcAvailable(): boolean {
  return getGc() !== undefined;
}

/**
 * Runs full GC passes, each followed by an immediate and a timer turn, until used heap stops
 * shrinking (at least `minPasses`, at most `maxPasses`). The turns matter: FinalizationRegistry
 * callbacks and N-API finalizers (NodeGui's wrappers) run in later tasks, and a finalizer that
 * releases a persistent reference makes more garbage for the next pass — a chain one GC cannot see.
 */
export async function forceGc(maxPasses = 10, minPasses = 4): Promise<{ passes: number; heapBefore: number; heapAfter: number }> {
  const gc = getGc();
  if (!gc) throw new Error('GC is not available: start Node with --expose-gc (the app launcher does)');
  const heapBefore = process.memoryUsage().heapUsed;
  let last = heapBefore;
  let passes = 0;
  while (passes < maxPasses) {
    gc();
    passes++;
    await new Promise<void>((resolve) => setImmediate(resolve));
    await sleep(0);
    const used = process.memoryUsage().heapUsed;
    const shrunk = last - used;
    last = used;
    if (passes >= minPasses && shrunk < 64 * 1024) break;
  }
  return { passes, heapBefore, heapAfter: last };
}

export const leakTracker = new LeakTracker();
