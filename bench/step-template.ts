// Splits a STEP (ISO 10303-21) file into header, DATA statements and trailer, and turns each
// statement into a template whose entity references and GlobalId can be rewritten per copy.
// Used by the large-model generator; the sample is small (a few MB), so this works on strings.

/** A piece of a statement: literal text, an entity reference (`#id`), or the GlobalId (as written). */
export type TemplatePart = string | { ref: number } | { guid: string };

export interface StepStatement {
  /** Express id the statement defines (`#id=`), or -1 for text that defines nothing. */
  id: number;
  parts: TemplatePart[];
  /** Ids this statement references (for closures such as "everything the project needs"). */
  refs: number[];
}

export interface StepTemplate {
  /** Everything up to and including `DATA;`. */
  header: string;
  statements: StepStatement[];
  /** `ENDSEC;` and what follows. */
  trailer: string;
  maxId: number;
}

/** `guidOwners` are the ids of IfcRoot entities: their first string literal is their GlobalId. */
export function parseStepTemplate(text: string, guidOwners: ReadonlySet<number>): StepTemplate {
  const dataStart = findKeyword(text, 'DATA;', 0);
  if (dataStart < 0) throw new Error('The sample has no DATA section.');
  const bodyStart = dataStart + 'DATA;'.length;
  const statements: StepStatement[] = [];
  let maxId = 0;
  let i = bodyStart;
  for (;;) {
    const stmt = readStatement(text, i);
    if (stmt.text.trim().toUpperCase() === 'ENDSEC;' || stmt.end >= text.length) {
      // The leading whitespace before ENDSEC belongs to the trailer, so copies stay byte-identical.
      return { header: text.slice(0, bodyStart), statements, trailer: text.slice(i), maxId };
    }
    const parsed = templateOf(stmt.text, guidOwners);
    if (parsed.id > maxId) maxId = parsed.id;
    statements.push(parsed);
    i = stmt.end;
  }
}

function findKeyword(text: string, keyword: string, from: number): number {
  const re = new RegExp(`(^|[\\s;])${keyword.replace(';', '\\s*;')}`, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[1].length : -1;
}

/** One statement: from `from` to just after its terminating `;` outside strings and comments. */
function readStatement(text: string, from: number): { text: string; end: number } {
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 39 /* ' */) inString = false; // '' (an escaped quote) re-enters on the next char
    } else if (c === 39) inString = true;
    else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 59 /* ; */) return { text: text.slice(from, i + 1), end: i + 1 };
  }
  return { text: text.slice(from), end: text.length };
}

function templateOf(stmt: string, guidOwners: ReadonlySet<number>): StepStatement {
  const parts: TemplatePart[] = [];
  const refs: number[] = [];
  const idMatch = /^\s*#(\d+)\s*=/.exec(stmt);
  const id = idMatch ? Number(idMatch[1]) : -1;
  let wantGuid = id >= 0 && guidOwners.has(id);
  let literalStart = 0;
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < stmt.length; i++) {
    const c = stmt.charCodeAt(i);
    if (inString) {
      if (c === 39) {
        if (stmt.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        inString = false;
        // IFC GlobalIds are 22 characters of the IFC base-64 alphabet.
        if (wantGuid) {
          wantGuid = false;
          if (i - stringStart === 22) {
            parts.push(stmt.slice(literalStart, stringStart), { guid: stmt.slice(stringStart, i) });
            literalStart = i;
          }
        }
      }
    } else if (c === 39) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 47 && stmt.charCodeAt(i + 1) === 42) {
      const close = stmt.indexOf('*/', i + 2);
      i = close < 0 ? stmt.length : close + 1;
    } else if (c === 35 /* # */) {
      let j = i + 1;
      while (j < stmt.length && stmt.charCodeAt(j) >= 48 && stmt.charCodeAt(j) <= 57) j++;
      if (j > i + 1) {
        const ref = Number(stmt.slice(i + 1, j));
        parts.push(stmt.slice(literalStart, i), { ref });
        if (ref !== id) refs.push(ref);
        literalStart = j;
        i = j - 1;
      }
    }
  }
  parts.push(stmt.slice(literalStart));
  return { id, parts: parts.filter((p) => p !== ''), refs };
}

/** Ids reachable from `roots` through references (roots included). */
export function referenceClosure(statements: readonly StepStatement[], roots: Iterable<number>): Set<number> {
  const byId = new Map<number, StepStatement>();
  for (const s of statements) if (s.id >= 0) byId.set(s.id, s);
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const r of byId.get(id)?.refs ?? []) if (!seen.has(r)) stack.push(r);
  }
  return seen;
}

const GUID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$';

/**
 * A GlobalId made from a counter: 22 characters of the IFC alphabet, first character 0..3 as the
 * compressed 128-bit form requires. The fixed "3Gen" prefix keeps generated ids apart from real ones.
 */
export function generatedGlobalId(counter: number): string {
  let s = '';
  let n = counter;
  for (let i = 0; i < 18; i++) {
    s = GUID_ALPHABET[n % 64] + s;
    n = Math.floor(n / 64);
  }
  return '3Gen' + s;
}
