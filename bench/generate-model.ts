// Command line: writes (or finds in the cache) a large IFC model built from a real sample.
//   node out/bench/generate-model.js --mb 200 [--sample test/fixtures/ifc/real/MultiZoneBuilding.ifc] [--out bench/.cache]
import * as path from 'path';
import { generateLargeModel } from './model-generator';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const sample = path.resolve(argValue('sample') ?? path.join(root, 'test/fixtures/ifc/real/MultiZoneBuilding.ifc'));
  const targetMb = Number(argValue('mb') ?? '200');
  if (!Number.isFinite(targetMb) || targetMb <= 0) throw new Error('--mb needs a positive number of megabytes.');
  const outDir = argValue('out');
  const started = Date.now();
  const model = await generateLargeModel({
    sample,
    targetMb,
    outDir: outDir ? path.resolve(outDir) : undefined,
    onProgress: (done, total) => process.stderr.write(`\rwriting ${(done / 1e6).toFixed(0)} / ${(total / 1e6).toFixed(0)} MB`),
  });
  process.stderr.write('\n');
  console.log(JSON.stringify({ ...model, seconds: (Date.now() - started) / 1000 }, null, 2));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
