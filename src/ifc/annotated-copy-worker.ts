// Worker entry for "Save annotated IFC": reads the model, adds the notes, writes the copy whole or
// not at all (temp file, fsync, rename: platform/atomic-file.ts). Never imports @nodegui/*.
import * as path from 'path';
import { OperationError } from '../core/operations/operation-error';
import { runWorkerTask } from '../core/operations/worker-side';
import { writeFileAtomicSync } from '../platform/atomic-file';
import { annotatedModelBytes } from './annotated-copy';
import type { AnnotatedCopyInput, AnnotatedCopyOutput } from './annotated-copy-job';

runWorkerTask<AnnotatedCopyInput, AnnotatedCopyOutput>(async (ctx) => {
  const { source, target, notes } = ctx.input;
  ctx.progress({ phase: 'annotate', message: 'Reading the model to write the notes into it' });
  const { bytes, result } = await annotatedModelBytes(source, target, notes);
  ctx.throwIfShutdown();
  ctx.progress({ phase: 'annotate', message: `Writing ${result.rooms} room notes and ${result.surfaces} surface notes` });
  try {
    writeFileAtomicSync(target, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OperationError({ category: 'file', code: `write-${(code ?? 'failed').toLowerCase()}`, message: `Could not write “${path.basename(target)}”${code ? ` (${code})` : ''}.`, suggestion: 'Choose a folder you can write to, with free space.', detail: String(e) });
  }
  return { target, ...result };
});
