import * as path from 'path';
import { generateLargeModel, GeneratedModel } from '../../../bench/model-generator';
import { defaultCancelWorker, settledRss, timeCancel, waitForPhase } from '../../../bench/cancel-bench';
import { resourceRegistry } from '../../../src/core/lifecycle';
import { CleanupHistory } from '../../../src/core/operations/cleanup-history';
import { OperationRunner } from '../../../src/core/operations/operation-runner';
import { useLeakCheck } from '../../support/leak-check';
import { captureLog, MB, realIfc } from '../support/operation-fixtures';

// The user opens a 200 MB model, sees it will take a while, and presses Cancel while web-ifc is
// deep inside OpenModel (a synchronous WASM call that cannot see messages).
describe('cancelling while web-ifc parses a 200 MB model', () => {
  useLeakCheck();
  let model: GeneratedModel;

  beforeAll(async () => {
    // Cached under bench/.cache after the first generation.
    model = await generateLargeModel({ sample: realIfc('MultiZoneBuilding.ifc'), targetMb: 200 });
  }, 15 * 60_000);

  it('the UI hears "cancelled" within 100 ms, the worker is gone within 500 ms, nothing stays registered, and RSS comes back within 20 MB', async () => {
    expect(model.sizeBytes).toBeGreaterThanOrEqual(200e6);
    const history = new CleanupHistory();
    // The app's real cleanup timings (2 s graceful, 3 s terminate), not the shortened test ones.
    const runner = new OperationRunner({ history, log: captureLog() });
    const workerFile = defaultCancelWorker();
    const open = (file: string) => runner.start({ kind: 'extract', label: `Reading ${path.basename(file)}`, workerFile, input: { path: file, name: path.basename(file) } });

    // The app has read a model before (web-ifc's code and the worker runtime are loaded once per process).
    const warm = open(realIfc('OneZone.ifc'));
    await warm.result;
    await warm.cleanedUp;
    const rssBefore = await settledRss();

    const { timing, rssAtCancel, parsingForMs, progressAtCancel } = await (async () => {
      const op = open(model.path);
      await waitForPhase(op, 'parse');
      const parseStarted = performance.now();
      await new Promise((r) => setTimeout(r, 1500));
      expect(op.state).toBe('running');
      const rss = process.memoryUsage().rss;
      const parsing = performance.now() - parseStarted;
      const progress = op.lastProgress;
      return { timing: await timeCancel(op), rssAtCancel: rss, parsingForMs: parsing, progressAtCancel: progress };
    })();
    const rssAfter = await settledRss();
    // eslint-disable-next-line no-console
    console.log(
      `cancel during OpenModel of ${(model.sizeBytes / 1e6).toFixed(0)} MB (${path.basename(workerFile)}): parsing for ${parsingForMs.toFixed(0)} ms ("${progressAtCancel?.message}"), ` +
        `UI ${timing.uiLatencyMs} ms, worker gone ${timing.workerExitMs} ms (${timing.outcome}); ` +
        `steps ${history.last()?.steps.map((s) => `${s.name}=${s.outcome}/${s.durationMs}ms`).join(', ')}; ` +
        `RSS before ${(rssBefore / MB).toFixed(1)} MB, at cancel ${(rssAtCancel / MB).toFixed(1)} MB, after ${(rssAfter / MB).toFixed(1)} MB`,
    );

    expect(timing.phase).toBe('parse');
    // The model really was being parsed: web-ifc held tens of MB more when the user cancelled, and
    // the worker could not answer the shutdown request (it was inside OpenModel).
    expect(rssAtCancel - rssBefore).toBeGreaterThan(50 * MB);
    expect(history.last()?.steps.find((s) => s.name === 'graceful-shutdown')?.outcome).toMatch(/^skipped: worker is inside a blocking call|^no-ack/);
    expect(timing.uiLatencyMs).toBeLessThan(100);
    expect(timing.workerExitMs).toBeLessThan(500);
    expect(resourceRegistry.counts()).toMatchObject({ worker: 0, operation: 0, timer: 0 });
    expect(rssAfter - rssBefore).toBeLessThan(20 * MB);
    expect(history.last()).toMatchObject({ trigger: 'cancel', outcome: 'forced' });

    runner.dispose();
    history.dispose();
  }, 120_000);
});
