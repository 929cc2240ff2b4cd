// buildingSMART's own IDS 1.0 test cases are the oracle: every pass-/fail-/invalid- pair in
// ../shared/ids-testcases (read in place, never copied or edited: CC BY-ND 4.0) goes through the
// engine the `check` command runs in its worker (loadIdsFiles + checkModelFile), and must end as
// the CLI would exit: 0 for pass-, 1 for fail-, 2 for invalid-.
import * as fs from 'fs';
import * as path from 'path';
import { InvalidIdsError } from '../../src/core/ids/invalid-ids';
import { CHECK_EXIT } from '../../src/cli/check-command';
import { checkModelFile } from '../../src/ifc/ids/check-model';
import { LoadedIds, loadIdsFiles } from '../../src/ifc/ids/ids-file';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CASES_DIR = path.resolve(REPO, '..', 'shared', 'ids-testcases');

interface Case {
  facet: string;
  name: string;
  ids: string;
  ifc: string;
  expected: number;
}

function listCases(): Case[] {
  if (!fs.existsSync(CASES_DIR)) return [];
  const out: Case[] = [];
  for (const facet of fs.readdirSync(CASES_DIR).sort()) {
    const dir = path.join(CASES_DIR, facet);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      const m = /^(pass|fail|invalid)-(.+)\.ids$/.exec(file);
      if (!m) continue;
      const expected = m[1] === 'pass' ? CHECK_EXIT.pass : m[1] === 'fail' ? CHECK_EXIT.fail : CHECK_EXIT.unusable;
      out.push({ facet, name: file.slice(0, -4), ids: path.join(dir, file), ifc: path.join(dir, `${file.slice(0, -4)}.ifc`), expected });
    }
  }
  return out;
}

const cases = listCases();

/** The outcome as the CLI's exit status, with what decided it (for the failure message). */
async function outcome(loaded: LoadedIds | InvalidIdsError, ifc: string): Promise<{ exit: number; why: string }> {
  if (loaded instanceof InvalidIdsError) return { exit: CHECK_EXIT.unusable, why: loaded.problems.join(' | ') };
  const report = await checkModelFile(ifc, loaded);
  const why = report.specifications.map((s) => `${s.name}: ${s.status}${s.reason ? ` (${s.reason})` : ''}${s.results.filter((r) => !r.passed).map((r) => ` [${r.entity.ifcClass}: ${r.reasons.join('; ')}]`).join('')}`).join(' | ');
  return { exit: report.status === 'pass' ? CHECK_EXIT.pass : CHECK_EXIT.fail, why };
}

if (cases.length === 0) {
  describe('buildingSMART IDS test cases', () => {
    it.skip(`are not there: ${CASES_DIR} is missing (the suite reads them from ../shared/ids-testcases beside the repository)`, () => undefined);
  });
} else {
  describe('buildingSMART IDS test cases', () => {
    let loaded: (LoadedIds | InvalidIdsError)[];
    const results = new Map<string, boolean>();

    beforeAll(async () => {
      // One xmllint run validates all the .ids files (~0.5 s for 268; ~180 ms each one by one).
      loaded = await loadIdsFiles(cases.map((c) => c.ids));
    });

    afterAll(() => {
      const byFacet = new Map<string, { ok: number; all: number }>();
      for (const c of cases) {
        const f = byFacet.get(c.facet) ?? { ok: 0, all: 0 };
        f.all++;
        if (results.get(c.name + c.facet)) f.ok++;
        byFacet.set(c.facet, f);
      }
      const lines = [...byFacet].map(([facet, f]) => `${facet.padEnd(15)} ${f.ok}/${f.all}`);
      process.stdout.write(`IDS test cases passed, per facet folder:\n${lines.join('\n')}\n`);
    });

    it('the folder holds the whole suite as shipped: 268 cases in 9 facet folders', () => {
      expect(cases.length).toBe(268);
      expect(new Set(cases.map((c) => c.facet)).size).toBe(9);
      for (const c of cases) expect(fs.existsSync(c.ifc)).toBe(true);
    });

    it.each(cases.map((c) => [`${c.facet}/${c.name}`, c] as const))('%s', async (_title, c) => {
      const { exit, why } = await outcome(loaded[cases.indexOf(c)], c.ifc);
      results.set(c.name + c.facet, exit === c.expected);
      expect({ exit, why }).toEqual({ exit: c.expected, why: expect.any(String) as string });
    });
  });
}
