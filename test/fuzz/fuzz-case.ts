// One fuzz case: a real sample, mutated from its seed, read through the app's real engine path
// (OperationRunner → extraction worker → web-ifc), so a WASM abort or a crash of the worker thread
// ends as an operation error instead of taking the test process down. The outcome says whether the
// engine answered as promised: a schedule, or a specific error a user can act on.
import * as fs from 'fs';
import * as path from 'path';
import { zipSync } from 'fflate';
import { OperationError } from '../../src/core/operations/operation-error';
import { OperationRunner } from '../../src/core/operations/operation-runner';
import { RoomSchedule } from '../../src/core/schedule/model';
import { startExtraction } from '../../src/ifc/extraction-job';
import { mutate } from './mutators';
import { BombSizes, zipBomb } from './zip-bomb';
import { SeededRandom } from './seeded-random';

export interface FuzzCase {
  seed: number;
  sample: string;
  applied: string[];
  /** How the engine got the file: a path (streamed, as the app opens files) or bytes in memory. */
  via: 'path' | 'bytes';
  container: 'ifc' | 'ifczip';
  bytes: Buffer;
}

export type Verdict = 'schedule' | 'specific-error' | 'finding';

export interface FuzzOutcome {
  seed: number;
  sample: string;
  applied: string[];
  via: 'path' | 'bytes';
  container: 'ifc' | 'ifczip';
  sizeBytes: number;
  verdict: Verdict;
  /** "schedule", or the error's code ("parse-failed", "schema-unknown", …). */
  code: string;
  category?: string;
  message?: string;
  detail?: string;
  spaces?: number;
  ms: number;
  /** Why a finding is one. */
  why?: string;
}

/** Categories a damaged file may end in; 'worker-crash', 'internal' and 'timeout' are bugs to fix. */
const SPECIFIC_CATEGORIES = new Set(['file', 'parse', 'memory']);

export function buildCase(seed: number, samples: ReadonlyArray<{ name: string; bytes: Buffer }>): FuzzCase {
  const random = new SeededRandom(seed);
  const sample = random.pick(samples);
  const { bytes, applied } = mutate(sample.bytes, random);
  const via = random.chance(0.5) ? 'path' : 'bytes';
  if (!random.chance(0.1)) return { seed, sample: sample.name, applied, via, container: 'ifc', bytes };
  // A fifth of those are zip bombs: the model, then 20–400 MB of spaces in a few hundred KB.
  if (random.chance(0.2)) {
    const sizes = random.pick<BombSizes>(['honest', 'lying', 'unknown']);
    const bomb = zipBomb(sample.name, bytes, random.int(20, 400) * 1e6, sizes);
    return { seed, sample: sample.name, applied: [...applied, `zip-bomb-${sizes}`], via, container: 'ifczip', bytes: bomb };
  }
  // A tenth go in a zip, as .ifczip: half of those get the archive itself damaged too.
  // A fixed time stamp: with the clock's, the same seed gave other archive bytes on every run.
  const zipped = Buffer.from(zipSync({ [sample.name]: new Uint8Array(bytes) }, { level: 6, mtime: '2020-01-01T00:00:00Z' }));
  if (random.chance(0.5)) {
    for (let i = random.int(1, 8); i > 0; i--) zipped[random.int(0, zipped.length)] ^= random.int(1, 256);
    applied.push('zip-flip-bytes');
  }
  return { seed, sample: sample.name, applied: [...applied, 'ifczip'], via, container: 'ifczip', bytes: zipped };
}

export async function runCase(runner: OperationRunner, c: FuzzCase, workDir: string, timeoutMs: number): Promise<FuzzOutcome> {
  const name = `fuzz-${c.seed}.${c.container}`;
  const file = path.join(workDir, name);
  if (c.via === 'path') fs.writeFileSync(file, c.bytes);
  const base = { seed: c.seed, sample: c.sample, applied: c.applied, via: c.via, container: c.container, sizeBytes: c.bytes.length };
  const started = performance.now();
  const op = startExtraction(runner, c.via === 'path' ? { path: file, name } : { bytes: new Uint8Array(c.bytes), name }, c.bytes.length, { timeoutMs, onTimeout: 'cancel' });
  let outcome: FuzzOutcome;
  try {
    const schedule = await op.result;
    const ms = performance.now() - started;
    const why = checkSchedule(schedule);
    outcome = { ...base, verdict: why ? 'finding' : 'schedule', code: 'schedule', spaces: schedule.spaces.length, ms, why };
  } catch (e) {
    const ms = performance.now() - started;
    if (!(e instanceof OperationError)) {
      outcome = { ...base, verdict: 'finding', code: 'not-an-operation-error', message: String(e), ms, why: 'the operation rejected with something other than an OperationError' };
    } else {
      const specific = SPECIFIC_CATEGORIES.has(e.category) && !!e.code && !!e.message && !!e.suggestion;
      outcome = {
        ...base,
        verdict: specific ? 'specific-error' : 'finding',
        code: e.code ?? `(no code, ${e.category})`,
        category: e.category,
        message: e.message,
        detail: e.detail?.split('\n').slice(0, 6).join('\n'),
        ms,
        why: specific ? undefined : `ended as ${e.category}${e.code ? `/${e.code}` : ''}, not a result or a specific file/parse/memory error`,
      };
    }
  }
  await op.cleanedUp;
  if (c.via === 'path') fs.rmSync(file, { force: true });
  return outcome;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string anywhere in `value` that is not well-formed UTF-16. */
function firstBrokenString(value: unknown): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? value : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const found = firstBrokenString(v);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A schedule from a damaged file may be partial, but it must hold together, and its texts must be text. */
function checkSchedule(s: RoomSchedule): string | undefined {
  if (!Array.isArray(s.spaces)) return 'the schedule has no spaces array';
  if (s.metadata.counts.spaces !== s.spaces.length) return `metadata counts ${s.metadata.counts.spaces} spaces but the schedule holds ${s.spaces.length}`;
  const ids = new Set(s.spaces.map((x) => x.expressId));
  if (ids.size !== s.spaces.length) return 'a space is listed twice';
  const broken = firstBrokenString(s.spaces);
  if (broken !== undefined) return `a text holds a lone surrogate (a byte decoded as half a character): ${JSON.stringify(broken.slice(0, 60))}`;
  try {
    JSON.stringify(s);
  } catch (e) {
    return `the schedule cannot be written as JSON: ${(e as Error).message}`;
  }
  return undefined;
}
