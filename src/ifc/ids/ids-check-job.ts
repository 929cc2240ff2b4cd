// The main thread's side of an IDS check: starts the IDS check worker through the runner (progress,
// Cancel and cleanup as for every operation). No web-ifc here.
import * as fs from 'fs';
import * as path from 'path';
import type { OperationRunner } from '../../core/operations/operation-runner';
import type { RunningOperation } from '../../core/operations/running-operation';
import type { IdsReport } from '../../core/ids/ids-report';
import { defaultCodeCacheDir } from '../extraction-job';
import type { IdsCheckInput } from './ids-check-input';

export const IDS_CHECK_WORKER_FILE = path.join(__dirname, 'ids-check-worker.js');

export function startIdsCheck(runner: OperationRunner, input: IdsCheckInput, options: { onTimeout?: 'notify' | 'cancel' } = {}): RunningOperation<IdsReport> {
  let fileSizeBytes: number | undefined;
  try {
    fileSizeBytes = fs.statSync(input.modelPath).size;
  } catch {
    // The worker reports a missing model with the right message.
  }
  return runner.start<IdsCheckInput, IdsReport>({
    kind: 'ids-check',
    label: `Checking ${path.basename(input.modelPath)} against ${path.basename(input.idsPath)}`,
    workerFile: IDS_CHECK_WORKER_FILE,
    input: { ...input, codeCacheDir: input.codeCacheDir ?? defaultCodeCacheDir() },
    fileSizeBytes,
    onTimeout: options.onTimeout,
  });
}
