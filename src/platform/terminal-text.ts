// Text from outside (file names, zip entry names, model strings, error messages quoting them) on
// its way to a terminal: control characters are shown escaped instead of obeyed. A crafted entry
// name holding "\x1b[2J" cleared the screen, and "\r" plus a fake "exported" line overwrote an
// error; bidi overrides reorder what is shown ("Trojan source"). The app's own text (the template
// around the values, the progress bar's redraws) is written as is.

// C0 and C1 controls, DEL, and the invisible direction marks and overrides.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x1b': '\\e' };

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** `text` with every control character written as an escape (\e, \n, \x07, \u202e). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * A tagged template for terminal messages: the literal parts are the app's and pass as they are,
 * every interpolated value is made terminal-safe. term`error: ${name}: ${message}\n`.
 */
export function term(literals: TemplateStringsArray, ...values: unknown[]): string {
  let out = literals[0];
  for (let i = 0; i < values.length; i++) out += terminalSafe(String(values[i])) + literals[i + 1];
  return out;
}
