// Makes a test fail when it leaves undisposed or retained objects, or live resources (workers,
// timers, listeners) behind: call useLeakCheck() at the top of a describe block.
import { leakTracker, LeakCheckpoint, resourceRegistry, ResourceInfo, TrackedObject } from '../../src/core/lifecycle';

export interface LeakCheckResult {
  undisposed: TrackedObject[];
  retained: TrackedObject[];
  resources: ResourceInfo[];
}

/** Starts watching; `check()` returns what the code under test left behind since. */
export function startLeakCheck(): { checkpoint: LeakCheckpoint; resourcesBefore: Set<number>; check(): Promise<LeakCheckResult> } {
  const checkpoint = leakTracker.checkpoint();
  const resourcesBefore = new Set(resourceRegistry.list().map((r) => r.id));
  return {
    checkpoint,
    resourcesBefore,
    async check() {
      const { undisposed, retained } = await leakTracker.findLeaks(checkpoint);
      const resources = resourceRegistry.list().filter((r) => !resourcesBefore.has(r.id));
      return { undisposed, retained, resources };
    },
  };
}

export function describeLeaks(r: LeakCheckResult): string {
  const lines = [
    ...r.undisposed.map((t) => `undisposed: ${t.label}\n${t.stack ?? ''}`),
    ...r.retained.map((t) => `retained after dispose + GC: ${t.label}\n${t.stack ?? ''}`),
    ...r.resources.map((x) => `live ${x.kind}: ${x.label}`),
  ];
  return lines.join('\n');
}

/** Registers beforeEach/afterEach hooks: each test must leave nothing behind. */
export function useLeakCheck(): void {
  let current: ReturnType<typeof startLeakCheck> | undefined;
  beforeEach(() => {
    current = startLeakCheck();
  });
  afterEach(async () => {
    if (!current) return;
    const result = await current.check();
    current = undefined;
    const text = describeLeaks(result);
    if (text) throw new Error(`The test left resources behind:\n${text}`);
  });
}
