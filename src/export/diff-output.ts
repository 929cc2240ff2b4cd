// Writes a revision compare to a file, JSON or XLSX, whole or not at all (temp file, then rename).
import * as fs from 'fs';
import { RevisionDiff } from '../core/diff/revision-diff-types';
import { newStagingToken, writeAtomically } from '../platform/atomic-file';

export const DIFF_FORMATS = ['json', 'xlsx'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function diffJson(diff: RevisionDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

export async function writeDiffReport(diff: RevisionDiff, format: DiffFormat, target: string): Promise<string> {
  const [written] = await writeAtomically([target], newStagingToken(), async ([temp]) => {
    if (format === 'xlsx') {
      // Loaded on demand: requiring exceljs costs ~0.2-0.7 s, which a JSON report need not pay.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { writeDiffXlsx } = require('./diff-xlsx') as typeof import('./diff-xlsx');
      await writeDiffXlsx(diff, temp);
    } else {
      await fs.promises.writeFile(temp, diffJson(diff), { encoding: 'utf8', flag: 'wx' });
    }
  });
  return written;
}
