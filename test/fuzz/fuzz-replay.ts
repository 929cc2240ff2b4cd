// Writes the damaged file of one fuzz case, to read it with the CLI or the app, or to minimise it:
//   node out/test/fuzz/fuzz-replay.js <seed> <out-file>
import * as fs from 'fs';
import { realModel } from '../support/fixtures';
import { buildCase } from './fuzz-case';
import { FUZZ_SAMPLES } from './fuzz-samples';

const [seedArg, out] = process.argv.slice(2);
if (!seedArg || !out) {
  process.stderr.write('usage: fuzz-replay <seed> <out-file>\n');
  process.exit(2);
}
const c = buildCase(Number(seedArg), FUZZ_SAMPLES.map((name) => ({ name, bytes: fs.readFileSync(realModel(name)) })));
fs.writeFileSync(out, c.bytes);
process.stdout.write(`${JSON.stringify({ seed: c.seed, sample: c.sample, applied: c.applied, via: c.via, container: c.container, bytes: c.bytes.length })}\n`);
