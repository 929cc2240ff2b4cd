// xs:pattern values are XML Schema regular expressions, not JavaScript ones: they always match the
// whole value (no ^ or $ anchors; both are plain characters), they know the \i and \c name-character
// escapes, \d means any Unicode digit, and character classes may subtract ([a-z-[aeiou]]). This
// translates one into a RegExp with those meanings.

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;

/** Escapes that mean something else in XSD, inside or outside a character class. */
const ESCAPES: Record<string, { outside: string; inside: string }> = {
  i: { outside: `[${NAME_START}]`, inside: NAME_START },
  c: { outside: `[${NAME_CHAR}]`, inside: NAME_CHAR },
  d: { outside: '\\p{Nd}', inside: '\\p{Nd}' },
  s: { outside: '[ \\t\\n\\r]', inside: ' \\t\\n\\r' },
  w: { outside: '[^\\p{P}\\p{Z}\\p{C}]', inside: '\\p{L}\\p{M}\\p{N}\\p{S}' },
};
const NEGATED: Record<string, string> = { I: `[^${NAME_START}]`, C: `[^${NAME_CHAR}]`, D: '\\P{Nd}', S: '[^ \\t\\n\\r]', W: '[\\p{P}\\p{Z}\\p{C}]' };

export class XsdPatternError extends Error {}

/** [base-[subtracted]] → (?:(?![subtracted])[base]): the one form of class subtraction IDS files use. */
function withoutSubtraction(pattern: string): string {
  return pattern.replace(/\[((?:\\.|[^\\\[\]])*)-\[((?:\\.|[^\\\[\]])*)\]\]/g, '(?:(?![$2])[$1])');
}

function translate(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new XsdPatternError('it ends with a lone backslash');
      i++;
      if (next === 'p' || next === 'P') {
        const close = pattern.indexOf('}', i);
        const name = pattern.slice(i + 2, close);
        if (pattern[i + 1] !== '{' || close < 0) throw new XsdPatternError(`\\${next} is not followed by {name}`);
        if (name.startsWith('Is')) throw new XsdPatternError(`the Unicode block escape \\${next}{${name}} is not supported`);
        out += `\\${next}{${name}}`;
        i = close;
      } else if (ESCAPES[next]) {
        out += inClass ? ESCAPES[next].inside : ESCAPES[next].outside;
      } else if (NEGATED[next]) {
        if (inClass) throw new XsdPatternError(`\\${next} inside a character class is not supported`);
        out += NEGATED[next];
      } else if (next === '-' && !inClass) {
        out += '-';
      } else {
        out += `\\${next}`;
      }
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
      // A ^ right after [ negates, as in JavaScript.
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
    } else if (ch === '^' || ch === '$') {
      out += `\\${ch}`;
    } else {
      out += ch;
    }
  }
  return out;
}

const cache = new Map<string, RegExp>();

/** The RegExp for an xs:pattern value, matching whole strings. Throws XsdPatternError when it cannot be translated. */
export function xsdPattern(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(`^(?:${translate(withoutSubtraction(pattern))})$`, 'u');
    } catch (e) {
      if (e instanceof XsdPatternError) throw e;
      throw new XsdPatternError(e instanceof Error ? e.message : String(e));
    }
    cache.set(pattern, re);
  }
  return re;
}
