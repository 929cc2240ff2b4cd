// The main thread's side of "Save annotated IFC": the copy is made in a worker (web-ifc parses and
// rewrites the whole model, seconds for a large one), as a cancellable operation like a load.
import * as path from 'path';
import type { OperationRunner } from '../core/operations/operation-runner';
import type { RunningOperation } from '../core/operations/running-operation';
import type { Annotations } from '../core/schedule/model';

export const ANNOTATED_COPY_WORKER_FILE = path.join(__dirname, 'annotated-copy-worker.js');

export interface AnnotatedCopyInput {
  /** The model as opened (.ifc or .ifczip); only read. */
  source: string;
  /** Where the copy goes (.ifc). */
  target: string;
  notes: Annotations;
}

export interface AnnotatedCopyOutput {
  target: string;
  rooms: number;
  surfaces: number;
  unmatched: number;
}

export function startAnnotatedCopy(runner: OperationRunner, input: AnnotatedCopyInput): RunningOperation<AnnotatedCopyOutput> {
  return runner.start<AnnotatedCopyInput, AnnotatedCopyOutput>({
    kind: 'annotated-ifc',
    label: `Writing ${path.basename(input.target)}`,
    workerFile: ANNOTATED_COPY_WORKER_FILE,
    input,
  });
}
