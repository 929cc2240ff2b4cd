// Watches the app's resources while it runs: it samples CPU, RSS, the JS heap and each worker's
// heap — every 30 s when idle (after a GC, so the sample is settled), every second while an operation
// runs (a 200 MB load peaks and falls back within seconds) — keeps the last snapshots, and looks for
// the three signs of a leak: orphaned workers/timers/listeners, objects retained after dispose, and
// settled memory that keeps growing. Its own timer is a registered resource like any other.
import { Disposable, IDisposable } from '../lifecycle/disposable';
import { Emitter, Event } from '../lifecycle/event';
import { gcAvailable, getGc, LeakCheckpoint, leakTracker, TrackedObject } from '../lifecycle/leak-tracker';
import { OrphanInfo, resourceRegistry } from '../lifecycle/resource-registry';
import { CleanupHistory, cleanupHistory, CleanupRecord } from '../operations/cleanup-history';
import { freeMemoryResources, FreeMemoryOptions } from '../operations/free-memory';
import { MemoryPressureChange, MemoryPressureWatch } from '../operations/memory-pressure';
import { consoleLog, OperationLog } from '../operations/operation-log';
import type { OperationRunner } from '../operations/operation-runner';
import { memoryTrend, MemoryTrend, TrendRules } from './growth-detection';
import { describeOrphan, describeRetained, describeUndisposed, foundObject, foundOrphan, OperationSpan, ResourceMonitorReport, ResourceSnapshot, VerificationResult, WorkerSnapshot } from './monitor-report';
import { MonitorScheduler, realScheduler } from './monitor-scheduler';
import { pidusageSampler, ProcessSampler } from './process-sampler';
import { SnapshotRing } from './snapshot-ring';

export interface ResourceMonitorOptions {
  runner?: OperationRunner;
  history?: CleanupHistory;
  /** Sampling cadence when no operation runs; 30 s by default (the original design's QTimer). */
  intervalMs?: number;
  /** Sampling cadence while an operation runs; 1 s by default, so load peaks show. */
  busyIntervalMs?: number;
  /** Snapshots kept; 600 by default (10 minutes of busy samples, hours of idle ones). */
  capacity?: number;
  /** Settled RSS growth that raises a warning; 50 MB by default. */
  growthWarnMb?: number;
  /** When growth may warn: how many settled samples, over how long (3 over 60 s by default). */
  trendRules?: Partial<Omit<TrendRules, 'thresholdMb'>>;
  /** Collects garbage before an idle sample; returns false when it cannot (no --expose-gc). */
  settle?: () => boolean;
  sampler?: ProcessSampler;
  scheduler?: MonitorScheduler;
  /** A pressure watch to feed; otherwise one is made from the two marks below (or the defaults). */
  pressure?: MemoryPressureWatch;
  memoryWarnBytes?: number;
  memoryCriticalBytes?: number;
  /**
   * Whether verify() reports undisposed roots created since the baseline: objects nobody owns and
   * nobody disposed. An object held by a live owner is in use, not leaked, and app-lifetime owners
   * are marked as singletons (see leak-tracker.ts), so the running app turns this on too.
   */
  undisposedAreLeaks?: boolean;
  /** How long a disposed object may stay reachable before verify() calls it retained. */
  verifyGraceMs?: number;
  log?: OperationLog;
}

export interface MonitorWarning {
  kind: 'growth' | 'orphans';
  message: string;
}

export type WarningListener = (w: MonitorWarning) => void;

/** One full GC, as the settled samples need: ~10–40 ms on the app's heap, every 30 s when idle. */
function gcOnce(): boolean {
  const gc = getGc();
  if (!gc) return false;
  gc();
  return true;
}

export class ResourceMonitor extends Disposable {
  readonly intervalMs: number;
  readonly busyIntervalMs: number;
  readonly pressure: MemoryPressureWatch;
  private readonly ring: SnapshotRing<ResourceSnapshot>;
  private readonly runner: OperationRunner | undefined;
  private readonly history: CleanupHistory;
  private readonly sampler: ProcessSampler;
  private readonly scheduler: MonitorScheduler;
  private readonly trendRules: Partial<TrendRules>;
  private readonly settle: () => boolean;
  private armedMs: number | undefined;
  private readonly verifyGraceMs: number;
  private readonly undisposedAreLeaks: boolean;
  private readonly log: OperationLog;
  private timer: IDisposable | undefined;
  private sampling: Promise<ResourceSnapshot> | undefined;
  private baseline: LeakCheckpoint;
  private verification: VerificationResult | null = null;
  private lastOrphans: OrphanInfo[] = [];
  private growthWarned = false;
  private orphanCountWarned = 0;
  private readonly sampleEmitter = this.register(new Emitter<ResourceSnapshot>('ResourceMonitor.onDidSample'));
  private readonly warnEmitter = this.register(new Emitter<MonitorWarning>('ResourceMonitor.onDidWarn'));
  private readonly pressureEmitter = this.register(new Emitter<MemoryPressureChange>('ResourceMonitor.onDidDetectMemoryPressure'));
  readonly onDidSample: Event<ResourceSnapshot> = this.sampleEmitter.event;
  /** Memory growth past the threshold, or orphaned resources. */
  readonly onDidWarn: Event<MonitorWarning> = this.warnEmitter.event;
  /** The memory-pressure level changed (high: warn; critical: offer free memory / cancel). */
  readonly onDidDetectMemoryPressure: Event<MemoryPressureChange> = this.pressureEmitter.event;

  constructor(options: ResourceMonitorOptions = {}) {
    super('ResourceMonitor');
    this.intervalMs = options.intervalMs ?? 30_000;
    this.busyIntervalMs = options.busyIntervalMs ?? 1000;
    this.ring = new SnapshotRing(options.capacity ?? 600);
    this.runner = options.runner;
    this.history = options.history ?? options.runner?.history ?? cleanupHistory;
    this.sampler = options.sampler ?? pidusageSampler();
    this.scheduler = options.scheduler ?? realScheduler;
    this.trendRules = { ...options.trendRules, thresholdMb: options.growthWarnMb ?? 50 };
    this.settle = options.settle ?? gcOnce;
    this.verifyGraceMs = options.verifyGraceMs ?? 0;
    this.undisposedAreLeaks = options.undisposedAreLeaks ?? true;
    this.log = options.log ?? consoleLog;
    this.pressure =
      options.pressure ??
      this.register(new MemoryPressureWatch({ ...(options.memoryWarnBytes ? { highWaterBytes: options.memoryWarnBytes } : {}), ...(options.memoryCriticalBytes ? { criticalBytes: options.memoryCriticalBytes } : {}) }));
    this.register(this.pressure.onDidChangeLevel((c) => this.pressureEmitter.fire(c)));
    this.register({ dispose: () => this.sampler.dispose?.() });
    this.baseline = leakTracker.checkpoint();
    if (this.runner) {
      const runner = this.runner;
      // An operation starts: sample now and every second; the last one ends: sample once more and
      // fall back to the idle cadence.
      this.register(runner.onDidStart(() => this.onOperationsChanged()));
      this.register(runner.onDidEnd(() => this.onOperationsChanged()));
    }
  }

  /** Starts the cadence (the first sample comes after one interval; call sampleNow() for one at once). */
  start(): void {
    if (this.timer || this.isDisposed) return;
    this.arm(this.busy ? this.busyIntervalMs : this.intervalMs);
  }

  stop(): void {
    if (!this.timer) return;
    this.store.delete(this.timer);
    this.timer = undefined;
    this.armedMs = undefined;
  }

  /** The cadence now: the idle one, or the busy one while an operation runs. */
  get currentIntervalMs(): number | undefined {
    return this.armedMs;
  }

  private get busy(): boolean {
    return (this.runner?.active().length ?? 0) > 0;
  }

  private arm(ms: number): void {
    if (this.timer) this.store.delete(this.timer);
    this.armedMs = ms;
    this.timer = this.register(this.scheduler.every(ms, () => void this.sampleNow().catch((e) => this.log.warn('resource sample failed', { error: String(e) })), 'ResourceMonitor.sample', this));
  }

  private onOperationsChanged(): void {
    if (!this.timer || this.isDisposed) return;
    const wanted = this.busy ? this.busyIntervalMs : this.intervalMs;
    if (wanted === this.armedMs) return;
    this.arm(wanted);
    void this.sampleNow().catch((e) => this.log.warn('resource sample failed', { error: String(e) }));
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /**
   * Objects created after this point must be disposed by the time verify() runs. The app calls it
   * once its long-lived parts exist (they are legitimately never disposed while it runs).
   */
  markBaseline(): void {
    this.baseline = leakTracker.checkpoint();
  }

  snapshots(): ResourceSnapshot[] {
    return this.ring.toArray();
  }

  /** The growth of settled samples only (see growth-detection.ts). */
  trend(): MemoryTrend {
    return memoryTrend(this.ring.toArray().filter((s) => s.settled), this.trendRules);
  }

  /** Resolves once no sample is under way (one started at an operation's end may still be reading /proc). */
  async whenSampled(): Promise<void> {
    while (this.sampling) await this.sampling.catch(() => undefined);
  }

  /** Takes one snapshot now (a sample already under way is shared, not doubled). */
  sampleNow(): Promise<ResourceSnapshot> {
    if (!this.sampling) {
      this.sampling = this.takeSnapshot().finally(() => (this.sampling = undefined));
    }
    return this.sampling;
  }

  /** Forces GC and looks for retained objects, undisposed roots since the baseline, and orphans. */
  async verify(options: { since?: LeakCheckpoint; graceMs?: number } = {}): Promise<VerificationResult> {
    const since = options.since ?? this.baseline;
    const findings: string[] = [];
    let retained: TrackedObject[] = [];
    if (gcAvailable()) {
      retained = await leakTracker.findRetained(since, options.graceMs ?? this.verifyGraceMs);
    } else {
      findings.push('GC is not available (start with --expose-gc): retained objects cannot be proven');
    }
    const undisposed = this.undisposedAreLeaks ? leakTracker.undisposedRoots(since) : [];
    this.lastOrphans = resourceRegistry.orphans();
    findings.push(...retained.map(describeRetained), ...undisposed.map(describeUndisposed), ...this.lastOrphans.map(describeOrphan));
    const leaksFound = retained.length + undisposed.length + this.lastOrphans.length > 0;
    const now = this.scheduler.now();
    this.verification = {
      at: new Date(now).toISOString(),
      outcome: leaksFound ? 'leaks-found' : 'clean',
      retained: retained.length,
      undisposed: undisposed.length,
      orphans: this.lastOrphans.length,
      findings,
      objects: [...retained.map((t) => foundObject('retained', t)), ...undisposed.map((t) => foundObject('undisposed', t))],
      orphanList: this.lastOrphans.map((o) => foundOrphan(o)),
    };
    if (leaksFound) this.log.warn('resource verification found leaks', { findings });
    return this.verification;
  }

  /** Frees memory (see freeMemoryResources) and samples right after, so pressure and trend update. */
  async freeMemory(options: Omit<FreeMemoryOptions, 'runner' | 'history'> = {}): Promise<CleanupRecord> {
    const record = await freeMemoryResources({ ...options, runner: this.runner, history: this.history });
    await this.sampleNow();
    return record;
  }

  getResourceMonitorReport(): ResourceMonitorReport {
    const counts = resourceRegistry.counts();
    const orphans = resourceRegistry.orphans();
    const v = this.verification;
    const details = [...(v?.findings ?? [])];
    for (const o of orphans.map(describeOrphan)) if (!details.includes(o)) details.push(o);
    return {
      generatedAt: new Date(this.scheduler.now()).toISOString(),
      intervalMs: { idle: this.intervalMs, busy: this.busyIntervalMs },
      active: { workers: counts.worker, timers: counts.timer, listeners: counts.listener, operations: counts.operation, caches: counts.cache },
      leaks: {
        retained: v?.retained ?? 0,
        undisposed: v?.undisposed ?? 0,
        collectedWithoutDispose: leakTracker.collectedWithoutDispose,
        forcedTerminations: this.history.totals.forced,
        leaksDetected: this.history.totals.leak,
        orphans: orphans.length,
        details,
      },
      lastVerification: v ? { ...v, findings: [...v.findings], objects: v.objects.map((o) => ({ ...o, ownerChain: [...o.ownerChain] })), orphanList: v.orphanList.map((o) => ({ ...o })) } : null,
      snapshots: this.ring.toArray(),
      operations: this.operationSpans(),
      trend: this.trend(),
      memoryPressure: this.pressure.state(),
      history: this.history.list().map((r) => ({ ...r, steps: r.steps.map((s) => ({ ...s })) })),
      historyTotals: { ...this.history.totals },
    };
  }

  /** Recent and running operations, for the chart's markers. */
  private operationSpans(): OperationSpan[] {
    if (!this.runner) return [];
    const ended: OperationSpan[] = this.runner.recent().map((e) => {
      const endedAtMs = Date.parse(e.endedAt);
      return { id: e.id, kind: e.kind, label: e.label, startedAtMs: endedAtMs - e.durationMs, endedAtMs, outcome: e.outcome };
    });
    const running: OperationSpan[] = this.runner.active().map((op) => ({ id: op.id, kind: op.kind, label: op.label, startedAtMs: op.startedAt }));
    return [...ended, ...running];
  }

  private async takeSnapshot(): Promise<ResourceSnapshot> {
    const operations = this.runner?.active().length ?? 0;
    // Idle samples are settled: collected first, so they show what the app really holds. Not while a
    // worker is still winding down (its heap is being handed back): that sample says nothing lasting.
    const settled = operations === 0 && resourceRegistry.count('worker') === 0 && this.settle();
    const [proc, workers] = await Promise.all([this.sampleProcess(), this.sampleWorkers()]);
    const mem = process.memoryUsage();
    const counts = resourceRegistry.counts();
    const orphans = resourceRegistry.orphans();
    this.lastOrphans = orphans;
    const atMs = this.scheduler.now();
    const snapshot: ResourceSnapshot = {
      at: new Date(atMs).toISOString(),
      atMs,
      settled,
      operations,
      cpuPercent: proc?.cpuPercent,
      rss: proc?.rss ?? mem.rss,
      heapUsed: mem.heapUsed,
      heapTotal: mem.heapTotal,
      external: mem.external,
      arrayBuffers: mem.arrayBuffers,
      workers,
      resources: { workers: counts.worker, timers: counts.timer, listeners: counts.listener, operations: counts.operation, caches: counts.cache },
      orphans: orphans.length,
    };
    if (this.isDisposed) return snapshot;
    this.ring.push(snapshot);
    this.pressure.update(snapshot.rss);
    this.checkGrowth();
    this.checkOrphans(orphans);
    this.sampleEmitter.fire(snapshot);
    return snapshot;
  }

  private async sampleProcess(): Promise<{ cpuPercent: number; rss: number } | undefined> {
    try {
      return await this.sampler.sample();
    } catch (e) {
      this.log.warn('process sampling failed; using process.memoryUsage() only', { error: String(e) });
      return undefined;
    }
  }

  private async sampleWorkers(): Promise<WorkerSnapshot[]> {
    const ops = this.runner?.active() ?? [];
    return Promise.all(
      ops.map(async (op) => ({ operationId: op.id, kind: op.kind, label: op.label, threadId: op.threadId, memory: await op.queryWorkerMemory() })),
    );
  }

  private checkGrowth(): void {
    const t = this.trend();
    // Warn once per episode: again only after growth fell back under the threshold.
    if (t.warning && !this.growthWarned) {
      this.growthWarned = true;
      this.log.warn(t.warning, { growthMb: t.growthMb, mbPerMin: t.mbPerMin });
      this.warnEmitter.fire({ kind: 'growth', message: t.warning });
    } else if (!t.warning) {
      this.growthWarned = false;
    }
  }

  private checkOrphans(orphans: OrphanInfo[]): void {
    if (orphans.length > this.orphanCountWarned) {
      const message = `${orphans.length} orphaned resource(s): ${orphans.map(describeOrphan).join('; ')}`;
      this.log.warn(message);
      this.warnEmitter.fire({ kind: 'orphans', message });
    }
    this.orphanCountWarned = orphans.length;
  }
}
