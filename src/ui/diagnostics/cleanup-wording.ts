// A cleanup record in the user's words ("stopped at once (the worker was busy)") for the history
// table, with the technical steps kept for the details line. "forced" is how the engine counts a
// terminated worker; to the user a Cancel that ended a busy worker at once is the promise kept, not
// a failure, so the sentence says what happened and only a real leak or a failed step reads as one.
import type { CleanupRecord, CleanupStep } from '../../core/operations/cleanup-history';

const MB = 1048576;

function step(r: CleanupRecord, name: string): CleanupStep | undefined {
  return r.steps.find((s) => s.name === name);
}

/** How the worker went away, from the steps that stopped it. */
function howTheWorkerWent(r: CleanupRecord): string {
  const graceful = step(r, 'graceful-shutdown');
  const exit = step(r, 'await-exit');
  const terminate = step(r, 'terminate');
  if (graceful?.outcome.startsWith('skipped')) return 'the worker was busy, so it was ended';
  if (terminate) {
    if (graceful && (graceful.outcome === 'no-ack' || graceful.outcome === 'timeout' || graceful.outcome === 'could not post')) return 'the worker did not answer, so it was ended';
    if (exit?.outcome === 'still running') return 'its worker did not close by itself, so it was ended';
    return 'its worker was ended';
  }
  if (exit?.outcome.includes('free memory')) return 'its worker was ended to free memory';
  if (exit?.outcome === 'no worker was started') return 'no worker had started';
  return 'its worker closed by itself';
}

export function cleanupSentence(r: CleanupRecord): string {
  const failedStep = r.steps.find((s) => s.outcome.startsWith('error'));
  const failed = failedStep ? ` — but “${failedStep.name}” failed: ${failedStep.outcome.replace(/^error: /, '')}` : '';
  if (r.outcome === 'leak') return `Stopped, but its worker could not be ended: reported as a leak (save a diagnostics report)${failed}`;
  if (r.trigger === 'free-memory') {
    const freed = (r.memoryBefore.rss - r.memoryAfter.rss) / MB;
    return `${freed >= 0.05 ? `Freed ${freed.toFixed(1)} MB` : 'Nothing more to free'}${failed}`;
  }
  const how = howTheWorkerWent(r);
  switch (r.trigger) {
    case 'cancel':
      return `Stopped at once (${how.replace(/^its /, 'the ')})${failed}`;
    case 'finish':
      return `Finished; ${how}${failed}`;
    case 'error':
      return `Failed; ${how}${failed}`;
    case 'timeout':
      return `Stopped after its time limit; ${how}${failed}`;
    case 'dispose':
      return `Stopped as the app closed; ${how}${failed}`;
    default:
      return `${r.trigger}; ${how}${failed}`;
  }
}

/** The technical steps, for the details line: "graceful-shutdown: skipped … (0 ms) → terminate: terminated (120 ms)". */
export function cleanupDetails(r: CleanupRecord): string {
  const steps = r.steps.map((s) => `${s.name}: ${s.outcome} (${s.durationMs} ms)`).join(' → ');
  return `${r.kind}${r.operationId !== undefined ? ` #${r.operationId}` : ''} · trigger ${r.trigger} · outcome ${r.outcome} · ${Math.round(r.durationMs)} ms\n${steps}`;
}
