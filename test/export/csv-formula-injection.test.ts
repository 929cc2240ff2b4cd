// A model from elsewhere names its rooms "=HYPERLINK(…)", "@SUM(…)", "+cmd|…", or hides a formula
// behind the separator of a ';' locale. Whoever opens the CSV (the GUI's, the CLI's by default, or
// the one for Excel) must see those names as text: every field quoted, formula-like text prefixed
// with an apostrophe, numbers left as numbers (OWASP "CSV injection").
import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as path from 'path';
import { CsvOptions, UNATTENDED_EXPORT } from '../../src/export/export-options';
import { exportSchedule } from '../../src/export/export-schedule';
import { neutraliseFormula } from '../../src/export/csv-formula-guard';
import { editableScheduleOf, tempFolder } from './schedules';

const HOSTILE_NAMES = ['=HYPERLINK("http://example.invalid","click")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '\u22122+3', '\uFF1D1+1'];

describe('formula-like room names in a CSV', () => {
  const tmp = tempFolder('csv-injection');
  afterAll(() => tmp.remove());

  it.each<[string, CsvOptions]>([
    ['the GUI\'s and the CLI\'s default CSV', {}],
    ['the CSV for Excel (--excel-csv)', { excel: true }],
    ['the ";"-separated CSV (--separator ";")', { separator: ';' }],
  ])('%s: every field is quoted, formula-like names are shown as text, numbers stay numbers', async (_, csv) => {
    const schedule = await editableScheduleOf('OneZone.ifc');
    const space = schedule.spaces[0];
    const out = path.join(tmp.dir, 'rooms.csv');
    const rows: string[][] = [];
    for (const name of [...HOSTILE_NAMES, 'Büro;=1+1', 'Office 1']) {
      space.name = name;
      await exportSchedule(schedule, undefined, { format: 'csv', outPath: out, tables: ['rooms'], csv }, UNATTENDED_EXPORT);
      const text = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '');
      const separator = csv.separator ?? ',';
      const [header, row] = parse(text, { delimiter: separator }) as string[][];
      // The IfcSpace Name is the schedule's "Number" column.
      rows.push([row[header.indexOf('Number')], row[header.indexOf('Net floor area (m²)')]]);
      // Every field quoted (or empty): a ';' locale cannot split "Büro;=1+1" into a formula cell.
      const dataLine = text.split(/\r?\n/)[1];
      const field = '("([^"]|"")*")?';
      expect(dataLine).toMatch(new RegExp(`^${field}(${separator}${field})*$`));
    }
    // Each hostile name is shown as text: an apostrophe, then the name (the schedule trims its edges).
    expect(rows.slice(0, HOSTILE_NAMES.length).map((r) => r[0])).toEqual(HOSTILE_NAMES.map((n) => `'${n.trim()}`));
    expect(rows.slice(HOSTILE_NAMES.length).map((r) => r[0])).toEqual(['Büro;=1+1', 'Office 1']);
    // The area is a number in every export, written as one (9 m² in OneZone.ifc).
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['9']));
  });

  it('only text starting like a formula is changed: a plain name or an empty cell is left alone', () => {
    expect(neutraliseFormula('-0.5 m')).toBe("'-0.5 m");
    expect(neutraliseFormula('Office 1')).toBe('Office 1');
    expect(neutraliseFormula('')).toBe('');
  });
});
