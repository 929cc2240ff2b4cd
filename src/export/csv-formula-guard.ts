// CSV cells a spreadsheet would run as formulas. A room named "=HYPERLINK(…)" or "@SUM(…)" in a
// model from elsewhere must be shown, not executed, whatever program opens the CSV and whatever
// its locale's separator. OWASP's advice, taken whole: every field is quoted (so "a;=1+1" stays one
// cell where ";" separates), and a text cell starting with = + - @ TAB or CR gets a leading
// apostrophe, which spreadsheets show as text. The full-width and minus-sign look-alikes are
// included: some spreadsheet locales read "＝" as "=". Numbers are written as numbers, untouched.

// = + - @ TAB CR, U+2212 MINUS SIGN, and the full-width ＝ ＋ － ＠.
const FORMULA_START = /^[=+\-@\t\r\u2212\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The text as a spreadsheet will show it rather than run it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** csv-stringify options for every CSV the app writes. */
export const FORMULA_SAFE_CSV = { quoted: true, cast: { string: neutraliseFormula } } as const;
