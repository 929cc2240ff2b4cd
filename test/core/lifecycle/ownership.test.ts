// Ownership the VS Code way: a store records itself as the parent of what it holds, so the tracker
// reports only undisposed roots — what nobody owns — with each finding's owner chain, and objects
// owned by an app-lifetime singleton are in use, not leaked.
import { Disposable, DisposableStore, leakTracker, markAsSingleton, MutableDisposable, toDisposable } from '../../../src/core/lifecycle';
import { CleanupHistory } from '../../../src/core/operations/cleanup-history';
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { ScriptedInput } from '../../fixtures/workers/scripted-worker';
import { captureLog, FAST_TIMINGS, SCRIPTED_WORKER } from '../support/operation-fixtures';

class Panel extends Disposable {
  readonly slot = this.register(new MutableDisposable());
  constructor() {
    super('SpacesPanel');
  }
}

afterEach(() => leakTracker.reset());

test('only undisposed roots are reported: what a live store holds is owned; the root is listed once, with its type', () => {
  const since = leakTracker.checkpoint();
  const panel = new Panel();
  panel.slot.value = toDisposable(() => undefined, 'refresh-timer');
  const roots = leakTracker.undisposedRoots(since);
  expect(roots.map((r) => [r.type, r.label, r.ownerChain])).toEqual([['Panel', 'SpacesPanel', []]]);
  // Everything below the panel is alive and undisposed, yet only the panel is a finding.
  expect(leakTracker.undisposed(since).length).toBeGreaterThan(1);
  panel.dispose();
  expect(leakTracker.undisposedRoots(since)).toEqual([]);
});

test('what an app-lifetime singleton owns is never a leak; what leaves its store becomes a root with its own name', () => {
  const since = leakTracker.checkpoint();
  const app = markAsSingleton(new DisposableStore('App'));
  const child = app.add(toDisposable(() => undefined, 'listener'));
  expect(leakTracker.undisposedRoots(since)).toEqual([]);
  app.release(child);
  expect(leakTracker.undisposedRoots(since).map((r) => r.label)).toEqual(['listener']);
  child.dispose();
  app.dispose();
});

test('a finding names its owners, nearest first, with a Disposable and its own store as one', async () => {
  const since = leakTracker.checkpoint();
  const app = markAsSingleton(new DisposableStore('App'));
  const panel = app.add(new Panel());
  const kept = panel.slot;
  panel.dispose();
  // Disposed, yet still reachable (held here): retained, and its chain says who owned it.
  const retainedHere = { kept };
  const watched = new Panel();
  app.add(watched);
  watched.dispose();
  const retained = await leakTracker.findRetained(since);
  expect(retained.map((r) => [r.label, r.ownerChain])).toEqual([
    ['SpacesPanel', ['App']],
    ['SpacesPanel', ['App']],
  ]);
  expect(retainedHere.kept).toBeDefined();
  app.dispose();
});

test('the runner owns its operations: a running one is no undisposed root, and none is left once it ended', async () => {
  const since = leakTracker.checkpoint();
  const history = new CleanupHistory();
  const runner = markAsSingleton(new OperationRunner({ history, timings: FAST_TIMINGS, log: captureLog() }));
  const op = runner.start<ScriptedInput, unknown>({ kind: 'scripted', label: 'Long job', workerFile: SCRIPTED_WORKER, input: { behaviour: 'finish', steps: 50, stepMs: 10 } });
  expect(leakTracker.undisposedRoots(since)).toEqual([]);
  expect(leakTracker.undisposed(since).some((t) => t.type === 'RunningOperation' && t.ownerChain[0] === 'OperationRunner')).toBe(true);
  await op.cancel();
  await runner.whenIdle();
  expect(leakTracker.undisposedRoots(since)).toEqual([]);
  runner.dispose();
  history.dispose();
});
