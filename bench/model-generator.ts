// Builds a large, valid IFC model from a real sample by repeating its DATA section with shifted
// express ids and fresh GlobalIds. The project, its units, contexts and owner history (everything
// IfcProject references) are written once and shared by every copy, so the result has one project
// that aggregates N sites. Written in chunks to disk, never held whole in memory; cached under
// bench/.cache by sample sha256 + target size, and checked with web-ifc before it is kept.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as WebIFC from 'web-ifc';
import { generatedGlobalId, parseStepTemplate, referenceClosure, StepStatement, StepTemplate } from './step-template';

export interface GeneratedModel {
  path: string;
  sizeBytes: number;
  /** IfcSpace count, as web-ifc reads it from the generated file. */
  spaces: number;
  /** IfcRelSpaceBoundary (and subtypes) count, as web-ifc reads it. */
  boundaries: number;
}

export interface GenerateOptions {
  /** The .ifc sample to repeat. */
  sample: string;
  /** Size to reach, in MB (10^6 bytes); the result is the first whole number of copies at or above it. */
  targetMb: number;
  /** Where to write; defaults to bench/.cache in the repository. */
  outDir?: string;
  /** Called after each copy is written. */
  onProgress?: (writtenBytes: number, targetBytes: number) => void;
}

/** Bump when the output format changes, so stale cache entries are not reused. */
const GENERATOR_VERSION = 2;
const WRITE_CHUNK_CHARS = 4 * 1024 * 1024;

export async function generateLargeModel(options: GenerateOptions): Promise<GeneratedModel> {
  const sampleBytes = fs.readFileSync(options.sample);
  const sha = crypto.createHash('sha256').update(sampleBytes).digest('hex');
  const outDir = options.outDir ?? path.resolve(repositoryRoot(), 'bench', '.cache');
  fs.mkdirSync(outDir, { recursive: true });
  const base = `${path.basename(options.sample, path.extname(options.sample))}-${sha.slice(0, 12)}-${options.targetMb}mb-v${GENERATOR_VERSION}`;
  const outPath = path.join(outDir, `${base}.ifc`);
  const infoPath = path.join(outDir, `${base}.json`);
  const cached = readCachedInfo(outPath, infoPath);
  if (cached) return cached;

  const api = new WebIFC.IfcAPI();
  await api.Init();
  api.SetLogLevel(WebIFC.LogLevel.LOG_LEVEL_OFF);
  const facts = readSampleFacts(api, sampleBytes);
  // latin1 maps bytes 1:1 to chars, so whatever encoding the sample uses survives unchanged.
  const template = parseStepTemplate(sampleBytes.toString('latin1'), facts.rootIds);
  const shared = referenceClosure(template.statements, facts.projectIds);
  const targetBytes = options.targetMb * 1e6;
  // Each process writes its own partial file: jest runs test files that ask for the same model in
  // parallel, and two writers on one shared partial interleaved their bytes (seen: a 40 MB model
  // that failed its own check). The last rename wins; both wrote the same bytes.
  const partial = `${outPath}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.partial`;
  const copies = writeCopies(template, shared, targetBytes, partial, options.onProgress);

  const found = countWithWebIfc(api, partial);
  const expected = { spaces: facts.spaces * copies, boundaries: facts.boundaries * copies };
  if (found.spaces !== expected.spaces || found.boundaries !== expected.boundaries) {
    throw new Error(`Generated model does not check out: web-ifc found ${found.spaces} spaces / ${found.boundaries} boundaries, expected ${expected.spaces} / ${expected.boundaries} (${copies} copies).`);
  }
  const result: GeneratedModel = { path: outPath, sizeBytes: fs.statSync(partial).size, ...found };
  fs.renameSync(partial, outPath);
  // The facts file last and whole (renamed into place): a reader that finds it finds the model complete.
  const infoPartial = `${infoPath}.${process.pid}.partial`;
  fs.writeFileSync(infoPartial, JSON.stringify({ ...result, copies, sample: path.basename(options.sample), sampleSha256: sha }, null, 2));
  fs.renameSync(infoPartial, infoPath);
  return result;
}

export function repositoryRoot(): string {
  // Compiled to out/bench/ (out/ has a copy of package.json too): the root is where node_modules is.
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'node_modules')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

function readCachedInfo(outPath: string, infoPath: string): GeneratedModel | undefined {
  if (!fs.existsSync(outPath) || !fs.existsSync(infoPath)) return undefined;
  const info = JSON.parse(fs.readFileSync(infoPath, 'utf8')) as GeneratedModel;
  if (fs.statSync(outPath).size !== info.sizeBytes) return undefined;
  return { path: outPath, sizeBytes: info.sizeBytes, spaces: info.spaces, boundaries: info.boundaries };
}

interface SampleFacts {
  rootIds: Set<number>;
  projectIds: number[];
  spaces: number;
  boundaries: number;
}

function readSampleFacts(api: WebIFC.IfcAPI, bytes: Uint8Array): SampleFacts {
  const model = api.OpenModel(bytes);
  if (model < 0) throw new Error('web-ifc cannot open the sample.');
  try {
    const ids = (type: number, inherited = false) => {
      const v = api.GetLineIDsWithType(model, type, inherited) as unknown as { size(): number; get(i: number): number; delete?(): void };
      const out: number[] = [];
      for (let i = 0; i < v.size(); i++) out.push(v.get(i));
      v.delete?.();
      return out;
    };
    return {
      rootIds: new Set(ids(WebIFC.IFCROOT, true)),
      projectIds: ids(WebIFC.IFCPROJECT),
      spaces: ids(WebIFC.IFCSPACE).length,
      boundaries: ids(WebIFC.IFCRELSPACEBOUNDARY, true).length,
    };
  } finally {
    api.CloseModel(model);
  }
}

/** Writes copy 0 verbatim, then copies 1..n-1 rewritten, until the target size is reached. */
function writeCopies(template: StepTemplate, shared: Set<number>, targetBytes: number, file: string, onProgress?: GenerateOptions['onProgress']): number {
  const fd = fs.openSync(file, 'w');
  try {
    let written = 0;
    let pending: string[] = [];
    let pendingChars = 0;
    const emit = (s: string) => {
      pending.push(s);
      pendingChars += s.length;
      if (pendingChars >= WRITE_CHUNK_CHARS) flush();
    };
    const flush = () => {
      if (!pendingChars) return;
      written += fs.writeSync(fd, Buffer.from(pending.join(''), 'latin1'));
      pending = [];
      pendingChars = 0;
    };
    emit(template.header);
    const trailerBytes = Buffer.byteLength(template.trailer, 'latin1');
    let guidCounter = 0;
    let copies = 0;
    do {
      const offset = copies * template.maxId;
      for (const stmt of template.statements) {
        if (copies > 0 && shared.has(stmt.id)) continue;
        emitStatement(stmt, copies === 0 ? 0 : offset, shared, () => generatedGlobalId(guidCounter++), emit);
      }
      copies++;
      flush();
      onProgress?.(written, targetBytes);
    } while (written + trailerBytes < targetBytes);
    emit(template.trailer);
    flush();
    return copies;
  } finally {
    fs.closeSync(fd);
  }
}

function emitStatement(stmt: StepStatement, offset: number, shared: Set<number>, nextGuid: () => string, emit: (s: string) => void): void {
  for (const part of stmt.parts) {
    if (typeof part === 'string') emit(part);
    else if ('ref' in part) emit(`#${offset === 0 || shared.has(part.ref) ? part.ref : part.ref + offset}`);
    else emit(offset === 0 ? part.guid : nextGuid());
  }
}

function countWithWebIfc(api: WebIFC.IfcAPI, file: string): { spaces: number; boundaries: number } {
  // Read through a callback from the open file so the checker does not hold the whole model in JS.
  const fd = fs.openSync(file, 'r');
  try {
    const model = api.OpenModelFromCallback((offset, size) => {
      const buf = Buffer.allocUnsafe(size);
      const n = fs.readSync(fd, buf, 0, size, offset);
      return buf.subarray(0, n);
    });
    if (model < 0) throw new Error(`web-ifc cannot open the generated model ${file}.`);
    try {
      const count = (type: number, inherited = false) => {
        const v = api.GetLineIDsWithType(model, type, inherited) as unknown as { size(): number; delete?(): void };
        const n = v.size();
        v.delete?.();
        return n;
      };
      return { spaces: count(WebIFC.IFCSPACE), boundaries: count(WebIFC.IFCRELSPACEBOUNDARY, true) };
    } finally {
      api.CloseModel(model);
    }
  } finally {
    fs.closeSync(fd);
  }
}
