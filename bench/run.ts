// `npm run bench`: every performance promise of the app, measured side by side in one run and
// printed as one table with its goal and pass/miss. Large models are generated from committed
// samples of two exporters (ArchiCAD's MultiZoneBuilding.ifc, Revit's LargeBuilding.ifc) and cached
// in bench/.cache.
//   npm run bench                     full run: 70 MB and ≥ 200 MB models (~5 min on 2 idle cores)
//   npm run bench -- --quick          CI-sized: a 12 MB model, fewer repetitions (< 1 min)
//   npm run bench -- --json out.json  also write every measurement as JSON
//   npm run bench -- --markdown t.md  also write the machine and the table in Markdown (for docs/performance.md)
//   npm run bench -- --only cancel,idle   run some parts only (cli, first-rooms, extraction, responsiveness, cancel, cycles, gui-cycles, start-up, idle, diff, plan)
import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { cliSection, firstRoomsSection, diffSection, planSection, BenchPlan, cancelSection, cyclesSection, extractionSection, guiCyclesSection, idleSection, responsivenessSection, SectionResult, startupSection } from './bench-sections';
import { generateLargeModel, GeneratedModel, repositoryRoot } from './model-generator';
import { describeMachine, formatMarkdownTable, formatTable, machineInfo } from './report-table';

const PARTS = ['cli', 'first-rooms', 'extraction', 'responsiveness', 'cancel', 'cycles', 'gui-cycles', 'start-up', 'idle', 'diff', 'plan'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  quick: boolean;
  json?: string;
  markdown?: string;
  only?: Part[];
  seed: number;
}

function parseOptions(argv: string[]): Options {
  const program = new Command()
    .name('npm run bench --')
    .option('--quick', 'CI-sized run: small models, fewer repetitions')
    .option('--json <file>', 'write every measurement as JSON')
    .option('--markdown <file>', 'write the machine and the table in Markdown')
    .option('--only <parts>', `comma-separated subset of: ${PARTS.join(', ')}`)
    .option('--seed <n>', 'seed of the random cancel points', '20240611')
    .allowExcessArguments(false);
  program.parse(argv);
  const o = program.opts<{ quick?: boolean; json?: string; markdown?: string; only?: string; seed: string }>();
  const only = o.only?.split(',').map((s) => s.trim()) as Part[] | undefined;
  for (const p of only ?? []) if (!PARTS.includes(p)) throw new Error(`--only: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
  return { quick: !!o.quick, json: o.json, markdown: o.markdown, only, seed: Number(o.seed) };
}

async function model(sample: string, targetMb: number, log: (s: string) => void): Promise<GeneratedModel> {
  const started = performance.now();
  const m = await generateLargeModel({ sample, targetMb });
  const s = (performance.now() - started) / 1000;
  log(`model ${path.basename(m.path)}: ${(m.sizeBytes / 1e6).toFixed(0)} MB, ${m.spaces} spaces, ${m.boundaries} boundaries${s > 1 ? ` (generated in ${s.toFixed(0)} s)` : ' (cached)'}`);
  return m;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv);
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const root = repositoryRoot();
  const sample = path.join(root, 'test', 'fixtures', 'ifc', 'real', 'MultiZoneBuilding.ifc');
  const machine = machineInfo();
  const started = performance.now();
  log(`${options.quick ? 'quick' : 'full'} run on ${describeMachine(machine)}`);

  const small = await model(sample, options.quick ? 10 : 70, log);
  const large = options.quick ? small : await model(sample, 200, log);
  // A second exporter: Revit's rooms are rectangles with quantity sets, ArchiCAD's polylines with boundaries.
  const revit = options.quick ? undefined : await model(path.join(root, 'test', 'fixtures', 'ifc', 'real', 'LargeBuilding.ifc'), 70, log);
  const plan: BenchPlan = options.quick
    ? { mode: 'quick', extractionModels: [small.path], extractionRuns: 1, cliModels: [], cliRuns: 1, firstRoomsModels: [], firstRoomsRuns: 1, baselineModel: sample, responsivenessModel: small.path, cancelModel: small.path, cancelPoints: 10, cycleModel: sample, cancelCycles: 10, closeCycles: 5, guiCycleModel: sample, guiCycles: 5, startupRuns: 3, idleModel: sample, idleSeconds: 5, seed: options.seed }
    : { mode: 'full', extractionModels: [small.path, large.path, ...(revit ? [revit.path] : [])], extractionRuns: 3, cliModels: [], cliRuns: 3, firstRoomsModels: [], firstRoomsRuns: 3, baselineModel: sample, responsivenessModel: large.path, cancelModel: large.path, cancelPoints: 20, cycleModel: small.path, cancelCycles: 50, closeCycles: 20, guiCycleModel: sample, guiCycles: 20, startupRuns: 5, idleModel: sample, idleSeconds: 10, seed: options.seed };
  // End to end through the CLI: the generated models of both exporters and real 1–4 MB samples.
  const real = (f: string) => ({ path: path.join(root, 'test', 'fixtures', 'ifc', 'real', f), kind: 'real' as const });
  plan.cliModels = options.quick
    ? [{ path: small.path, kind: 'generated' }, real('LargeBuilding.ifc')]
    : [{ path: small.path, kind: 'generated' }, { path: large.path, kind: 'generated' }, ...(revit ? [{ path: revit.path, kind: 'generated' as const }] : []), real('LargeBuilding.ifc'), real('OneZone.ifc')];
  plan.cliRuns = options.quick ? 1 : 3;
  // The GUI's first rooms: the generated models of both exporters and a real sample.
  plan.firstRoomsModels = options.quick ? [{ path: small.path, kind: 'generated' }, real('LargeBuilding.ifc')] : [{ path: small.path, kind: 'generated' }, { path: large.path, kind: 'generated' }, ...(revit ? [{ path: revit.path, kind: 'generated' as const }] : []), real('LargeBuilding.ifc')];
  const sizeOf = (file: string) => fs.statSync(file).size;
  const wanted = (p: Part) => !options.only || options.only.includes(p);

  const sections: SectionResult[] = [];
  if (wanted('cli')) sections.push(await cliSection(plan, log));
  if (wanted('first-rooms')) sections.push(await firstRoomsSection(plan, log));
  if (wanted('extraction')) sections.push(...(await extractionSection(plan, log)));
  if (wanted('responsiveness')) sections.push(await responsivenessSection(plan, sizeOf(plan.responsivenessModel), log));
  if (wanted('cancel')) sections.push(await cancelSection(plan, sizeOf(plan.cancelModel), log));
  if (wanted('cycles')) sections.push(await cyclesSection(plan, log));
  if (wanted('gui-cycles')) sections.push(await guiCyclesSection(plan, log));
  if (wanted('start-up')) sections.push(await startupSection(plan, log));
  if (wanted('idle')) sections.push(await idleSection(plan, log));
  if (wanted('diff')) sections.push(await diffSection(plan.responsivenessModel, sizeOf(plan.responsivenessModel), log));
  if (wanted('plan')) sections.push(await planSection(plan.responsivenessModel, sizeOf(plan.responsivenessModel), log));

  const rows = sections.flatMap((s) => s.rows);
  const seconds = Math.round((performance.now() - started) / 1000);
  const misses = rows.filter((r) => r.pass === false).length;
  process.stdout.write(`\nIFC Room Schedule benchmark (${plan.mode}, ${seconds} s) on ${describeMachine(machine)}\n\n${formatTable(rows)}\n\n${misses ? `${misses} figure(s) miss their goal.` : 'Every figure meets its goal.'}\n`);
  if (options.json) {
    const file = path.resolve(options.json);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ generatedAt: new Date().toISOString(), mode: plan.mode, seconds, machine, plan, rows, sections }, null, 2));
    log(`measurements written to ${file}`);
  }
  if (options.markdown) {
    const file = path.resolve(options.markdown);
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    fs.writeFileSync(file, `Measured ${when} UTC, ${plan.mode} run (${seconds} s), on ${describeMachine(machine)}.\n\n${formatMarkdownTable(rows)}\n`);
    log(`table written to ${file}`);
  }
  // Misses are findings to read, not a failed run; a part that could not be measured is.
  process.exitCode = sections.some((s) => s.error) ? 1 : 0;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
