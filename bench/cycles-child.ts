// One cycle measurement in a process of its own (see child-run.ts for why), printed as one JSON line.
//   node --expose-gc out/bench/cycles-child.js cancel '<CycleOptions JSON>'
//   node --expose-gc out/bench/cycles-child.js close '{"modelPath":…,"cycles":…,"warmupCycles":…}'
import { CycleOptions, measureCycles } from './cancel-bench';
import { measureOpenClose } from './open-close-bench';

async function main(): Promise<void> {
  const [mode, json] = process.argv.slice(2);
  if ((mode !== 'cancel' && mode !== 'close') || !json) throw new Error("usage: cycles-child cancel|close '<options as JSON>'");
  const options = JSON.parse(json) as CycleOptions;
  const result = mode === 'cancel' ? await measureCycles(options) : await measureOpenClose(options.modelPath, options.cycles, options.warmupCycles);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
