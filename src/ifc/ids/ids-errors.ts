// An IDS that cannot be used, as an OperationError: the same message and suggestion in the CLI, the
// GUI and the log, with each problem in the detail. Its code tells callers (the CLI's exit 2) that
// the IDS, not the model, was refused.
import { OperationError } from '../../core/operations/operation-error';
import { InvalidIdsError } from '../../core/ids/invalid-ids';

export const IDS_INVALID = 'ids-invalid';

export function idsRefused(e: InvalidIdsError): OperationError {
  return new OperationError({
    category: 'file',
    code: IDS_INVALID,
    message: e.message,
    suggestion: e.problems.length > 1 ? `Fix these in the IDS file and check again:\n  - ${e.problems.join('\n  - ')}` : 'Fix this in the IDS file (an IDS editor or buildingSMART\'s IDS Audit tool shows it too) and check again.',
    detail: e.problems.join('\n'),
  });
}
