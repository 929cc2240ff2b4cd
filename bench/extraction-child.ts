// One measurement per process, so each starts from the same cold state and its peak RSS (VmHWM,
// which covers every thread of the process, the WASM heap of the worker included) belongs to that
// measurement alone. Prints one JSON line on stdout.
//   node out/bench/extraction-child.js raw|extract <file.ifc>
import * as fs from 'fs';
import * as path from 'path';
import { CleanupHistory } from '../src/core/operations/cleanup-history';
import { OperationRunner } from '../src/core/operations/operation-runner';
import { RoomSchedule } from '../src/core/schedule/model';
import { startExtraction } from '../src/ifc/extraction-job';
import { RawOpenInput, RawOpenResult } from './raw-open-worker';

export interface ExtractionChildResult {
  mode: 'raw' | 'extract' | 'extract-no-room-geometry';
  file: string;
  fileBytes: number;
  /** Operation start to result in the main thread (worker start-up and result transfer included). */
  totalMs: number;
  /** raw: OpenModel alone; extract: the engine's parse phase. */
  parseMs?: number;
  /** extract: the room geometry phase. */
  roomGeometryMs?: number;
  spaces: number;
  boundaries?: number;
  /** Peak resident memory of the whole process. */
  peakRssBytes: number;
  /** RSS of this process before the operation started (Node itself). */
  baseRssBytes: number;
}

export const RAW_OPEN_WORKER = path.join(__dirname, 'raw-open-worker.js');

function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== 'raw' && mode !== 'extract' && mode !== 'extract-no-room-geometry') || !file) throw new Error('usage: extraction-child raw|extract|extract-no-room-geometry <file.ifc>');
  const history = new CleanupHistory();
  const quiet = { info: () => undefined, warn: () => undefined, error: (m: string) => process.stderr.write(`${m}\n`) };
  const runner = new OperationRunner({ history, log: quiet });
  const fileBytes = fs.statSync(file).size;
  const baseRssBytes = process.memoryUsage().rss;
  const started = performance.now();
  let result: ExtractionChildResult;
  if (mode === 'raw') {
    const op = runner.start<RawOpenInput, RawOpenResult>({ kind: 'bench-raw-open', label: `OpenModel ${path.basename(file)}`, workerFile: RAW_OPEN_WORKER, input: { path: file }, timeoutMs: 3_600_000 });
    const r = await op.result;
    result = { mode, file, fileBytes, totalMs: performance.now() - started, parseMs: r.openMs, spaces: r.spaces, peakRssBytes: 0, baseRssBytes };
  } else {
    const op = startExtraction(runner, { path: file, name: path.basename(file), roomGeometry: mode === 'extract' ? 'where-needed' : 'off' }, fileBytes, { timeoutMs: 3_600_000, onTimeout: 'cancel' });
    const schedule: RoomSchedule = await op.result;
    const t = schedule.metadata.timingsMs;
    result = { mode, file, fileBytes, totalMs: performance.now() - started, parseMs: t.parse, roomGeometryMs: t.geometry ?? 0, spaces: schedule.spaces.length, boundaries: schedule.metadata.counts.boundaries, peakRssBytes: 0, baseRssBytes };
  }
  runner.dispose();
  await runner.whenIdle();
  history.dispose();
  result.peakRssBytes = peakRss();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
