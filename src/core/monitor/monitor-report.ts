// The resource monitor's report: what Diagnostics shows and "Save report" writes. JSON only —
// numbers, strings, arrays — so it can be saved, attached to a bug and compared between runs.
import type { OrphanInfo } from '../lifecycle/resource-registry';
import type { TrackedObject } from '../lifecycle/leak-tracker';
import type { CleanupRecord, CleanupTotals } from '../operations/cleanup-history';
import type { MemoryPressureState } from '../operations/memory-pressure';
import type { WorkerMemory } from '../operations/protocol';
import type { MemoryTrend } from './growth-detection';

export interface WorkerSnapshot {
  operationId: number;
  kind: string;
  label: string;
  threadId?: number;
  /** Missing when the worker was inside a blocking call or did not answer in time. */
  memory?: WorkerMemory;
}

export interface ResourceSnapshot {
  at: string;
  atMs: number;
  /** Taken after a GC with no operation running: what the app really holds (growth uses only these). */
  settled: boolean;
  /** Operations running when it was taken. */
  operations: number;
  cpuPercent?: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  workers: WorkerSnapshot[];
  resources: { workers: number; timers: number; listeners: number; operations: number; caches: number };
  orphans: number;
}

/** One object a verification found: retained after dispose, or an undisposed root nobody owns. */
export interface FoundObject {
  kind: 'retained' | 'undisposed';
  /** Its class, e.g. "ModelSession". */
  type: string;
  label: string;
  /** Who owned it, nearest first ("ModelSession", "AppController"): empty for a root. */
  ownerChain: string[];
  /** Where it was created (captured while stack tracking is on: tests, IFC_RS_LEAK_STACKS=1). */
  stack?: string;
  ageMs: number;
}

export interface FoundOrphan {
  kind: string;
  label: string;
  reason: string;
  ageMs: number;
}

export interface VerificationResult {
  at: string;
  outcome: 'clean' | 'leaks-found';
  retained: number;
  undisposed: number;
  orphans: number;
  findings: string[];
  /** Each retained object and undisposed root, for Diagnostics' list and the report. */
  objects: FoundObject[];
  orphanList: FoundOrphan[];
}

/** An operation on the chart's time line: started, and ended (or still running). */
export interface OperationSpan {
  id: number;
  kind: string;
  label: string;
  startedAtMs: number;
  endedAtMs?: number;
  outcome?: string;
}

export interface ResourceMonitorReport {
  generatedAt: string;
  /** Sampling cadence: idle, and while an operation runs. */
  intervalMs: { idle: number; busy: number };
  active: { workers: number; timers: number; listeners: number; operations: number; caches: number };
  leaks: {
    retained: number;
    undisposed: number;
    collectedWithoutDispose: number;
    forcedTerminations: number;
    leaksDetected: number;
    orphans: number;
    details: string[];
  };
  lastVerification: VerificationResult | null;
  snapshots: ResourceSnapshot[];
  operations: OperationSpan[];
  trend: MemoryTrend;
  memoryPressure: MemoryPressureState;
  history: CleanupRecord[];
  historyTotals: CleanupTotals;
}

export function describeOrphan(o: OrphanInfo): string {
  return `orphaned ${o.kind} "${o.label}" (alive ${Math.round((Date.now() - o.createdAt) / 1000)} s): ${o.reason}`;
}

export function describeRetained(t: TrackedObject): string {
  return `retained after dispose and GC: ${t.label}${owners(t)}${t.stack ? `\n${t.stack}` : ''}`;
}

export function describeUndisposed(t: TrackedObject): string {
  return `never disposed: ${t.label}${owners(t)}${t.stack ? `\n${t.stack}` : ''}`;
}

function owners(t: TrackedObject): string {
  return t.ownerChain.length ? ` (owned by ${t.ownerChain.join(' ← ')})` : '';
}

export function foundObject(kind: FoundObject['kind'], t: TrackedObject, now = Date.now()): FoundObject {
  return { kind, type: t.type, label: t.label, ownerChain: [...t.ownerChain], stack: t.stack, ageMs: now - t.createdAt };
}

export function foundOrphan(o: OrphanInfo, now = Date.now()): FoundOrphan {
  return { kind: o.kind, label: o.label, reason: o.reason, ageMs: now - o.createdAt };
}
