// Ways real IFC files arrive damaged, applied to real samples: a cut-off download, flipped bits, an
// exporter that dropped or repeated lines, dangling references, a wrong schema name, absurd strings
// and numbers; and the ways a hostile file is built (issue 14): cycles and self-references in the
// graph, badly encoded strings, odd express ids. Each mutator is a pure function of the input bytes and a seeded random source, so a
// case is replayed exactly from its seed.
import { SeededRandom } from './seeded-random';

export interface Mutator {
  readonly name: string;
  apply(input: Buffer, random: SeededRandom): Buffer;
}

/** Lines of a STEP file as latin1 text: bytes map 1:1 to characters, so nothing is re-encoded. */
function lines(input: Buffer): string[] {
  return input.toString('latin1').split('\n');
}

function joinLines(parts: string[]): Buffer {
  return Buffer.from(parts.join('\n'), 'latin1');
}

/** Indexes of entity lines (#n=...), where the DATA section's damage matters. */
function entityLines(parts: string[]): number[] {
  const out: number[] = [];
  parts.forEach((l, i) => {
    if (/^#\d+\s*=/.test(l)) out.push(i);
  });
  return out;
}

/**
 * Edits 1 to `maxEdits` entity lines, each picked at random (the same line may come up again); a
 * file without entity lines is returned as it is.
 */
function editEntityLines(input: Buffer, random: SeededRandom, maxEdits: number, edit: (line: string) => string): Buffer {
  const parts = lines(input);
  const entities = entityLines(parts);
  if (entities.length === 0) return input;
  const n = random.int(1, maxEdits);
  for (let i = 0; i < n; i++) {
    const at = random.pick(entities);
    parts[at] = edit(parts[at]);
  }
  return joinLines(parts);
}

/** Edits what follows the '=' of an entity line: its arguments change, its own #id stays. */
function editArguments(line: string, edit: (args: string) => string): string {
  const eq = line.indexOf('=');
  return line.slice(0, eq + 1) + edit(line.slice(eq + 1));
}

const truncate: Mutator = {
  name: 'truncate',
  apply(input, random) {
    // Anywhere, including inside the header, but keep the cut non-trivial half of the time.
    const at = random.chance(0.5) ? random.int(0, input.length) : random.int(Math.floor(input.length / 2), input.length);
    return input.subarray(0, at);
  },
};

const flipBytes: Mutator = {
  name: 'flip-bytes',
  apply(input, random) {
    const out = Buffer.from(input);
    const n = random.int(1, 40);
    for (let i = 0; i < n && out.length > 0; i++) out[random.int(0, out.length)] ^= random.int(1, 256);
    return out;
  },
};

const deleteLines: Mutator = {
  name: 'delete-lines',
  apply(input, random) {
    const parts = lines(input);
    const n = random.int(1, 30);
    for (let i = 0; i < n && parts.length > 1; i++) parts.splice(random.int(0, parts.length), 1);
    return joinLines(parts);
  },
};

const duplicateLines: Mutator = {
  name: 'duplicate-lines',
  apply(input, random) {
    // Repeated entity lines mean the same #id defined twice, as a buggy exporter writes them.
    const parts = lines(input);
    const n = random.int(1, 30);
    for (let i = 0; i < n; i++) {
      const at = random.int(0, parts.length);
      parts.splice(random.int(0, parts.length), 0, parts[at]);
    }
    return joinLines(parts);
  },
};

const breakReferences: Mutator = {
  name: 'break-references',
  apply(input, random) {
    const targets = ['#999999999', '#0', '#4294967296', '#-1', '#18446744073709551616', '$', '#'];
    return editEntityLines(input, random, 60, (line) => editArguments(line, (args) => args.replace(/#\d+/g, (ref) => (random.chance(0.5) ? random.pick(targets) : ref))));
  },
};

const swapSchema: Mutator = {
  name: 'swap-schema',
  apply(input, random) {
    const text = input.toString('latin1');
    const names = ['IFC4', 'IFC4X3', 'IFC4X3_ADD2', 'IFC2X3_TC1', 'ifc2x3', 'IFC5', 'IFC2X2_FINAL', '', 'CONFIG_CONTROL_DESIGN', "IFC4','IFC2X3", 'IFC\u00ff'];
    const replaced = text.replace(/FILE_SCHEMA\s*\(\s*\(([^)]*)\)\s*\)/, () => `FILE_SCHEMA(('${random.pick(names)}'))`);
    return Buffer.from(replaced, 'latin1');
  },
};

const hugeString: Mutator = {
  name: 'huge-string',
  apply(input, random) {
    return editEntityLines(input, random, 4, (line) => {
      // Up to 2 MB in one attribute, with STEP escapes and quotes web-ifc has to decode.
      const size = random.int(1_000, 2_000_000);
      const unit = random.pick(['A', "''", '\\X2\\00E4\\X0\\', '\\S\\D', 'x\\']);
      const huge = `'${unit.repeat(Math.ceil(size / unit.length))}'`;
      return line.replace(/'[^']*'/, huge);
    });
  },
};

const hugeNumber: Mutator = {
  name: 'huge-number',
  apply(input, random) {
    const numbers = ['1.E308', '-1.E309', '1.E-400', '99999999999999999999999999999999', '-0.', '1.E', '.', '1.0E+99999', 'NaN', '1e5e5', '4294967296', '-9223372036854775809'];
    return editEntityLines(input, random, 80, (line) => {
      let replacedOne = false;
      return editArguments(line, (args) =>
        args.replace(/(?<![#\w.])-?\d+\.\d*(E[-+]?\d+)?/g, (num) => {
          if (replacedOne || !random.chance(0.5)) return num;
          replacedOne = true;
          return random.pick(numbers);
        }),
      );
    });
  },
};

/** Express ids of the lines that define `type` (e.g. "IFCSPACE"). */
function idsOf(parts: string[], type: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`^#(\\d+)\\s*=\\s*${type}\\(`);
  for (const l of parts) {
    const m = re.exec(l);
    if (m) out.push(m[1]);
  }
  return out;
}

/** The first id above every id in the file. */
function freeId(parts: string[]): number {
  let max = 0;
  for (const l of parts) {
    const m = /^#(\d+)\s*=/.exec(l);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** `statements` added before the DATA section's ENDSEC (the last one in the file). */
function appendStatements(parts: string[], statements: string[]): Buffer {
  let end = parts.length - 1;
  while (end > 0 && !parts[end].startsWith('ENDSEC;')) end--;
  parts.splice(end > 0 ? end : parts.length, 0, ...statements);
  return joinLines(parts);
}

const guid = (random: SeededRandom) => `'Fuzz${String(random.int(0, 1e9)).padStart(18, '0')}'`;

const cycles: Mutator = {
  name: 'cycles',
  apply(input, random) {
    // Spaces part of each other (IfcRelAggregates both ways), or complex properties listing each other.
    const parts = lines(input);
    let next = freeId(parts);
    const spaces = idsOf(parts, 'IFCSPACE');
    if (spaces.length === 0 || random.chance(0.4)) {
      const loop = Array.from({ length: random.int(2, 6) }, () => next++);
      const set = next++;
      const statements = loop.map((id, i) => `#${id}= IFCCOMPLEXPROPERTY('Loop${i}',$,'u',(${Array.from({ length: random.int(1, 9) }, () => `#${random.pick(loop)}`).join(',')}));`);
      statements.push(`#${set}= IFCPROPERTYSET(${guid(random)},$,'Fuzz_Loop',$,(#${loop[0]}));`);
      if (spaces.length) statements.push(`#${next++}= IFCRELDEFINESBYPROPERTIES(${guid(random)},$,$,$,(#${random.pick(spaces)}),#${set});`);
      return appendStatements(parts, statements);
    }
    const ring = Array.from({ length: random.int(2, 6) }, () => random.pick(spaces));
    return appendStatements(
      parts,
      ring.map((id, i) => `#${next++}= IFCRELAGGREGATES(${guid(random)},$,$,$,#${id},(${random.chance(0.5) ? ring.filter((r) => r !== id).map((r) => `#${r}`).join(',') || `#${id}` : `#${ring[(i + 1) % ring.length]}`}));`),
    );
  },
};

const selfReferences: Mutator = {
  name: 'self-references',
  apply(input, random) {
    // An entity that refers to itself where it should refer to another (a placement relative to
    // itself, a boundary bounding itself, a set holding itself).
    return editEntityLines(input, random, 20, (line) => {
      const own = /^#(\d+)/.exec(line)![1];
      return editArguments(line, (args) => args.replace(/#\d+/g, (r) => (random.chance(0.5) ? `#${own}` : r)));
    });
  },
};

/** Strings web-ifc's decoder got wrong, and escapes no standard defines. */
const BAD_STRINGS = ['B\xfcro', 'Gr\xf6\xdfe \xe9t\xe9', 'B\\X2\\00F\\X0\\ro', '\\X2\\D800\\X0\\', '\\X4\\00110000\\X0\\', '\\X\\G1', '\\S\\', '\\PZ\\x', '\xc3\x28', '\xf0\x9f', '\\X2\\00E4', 'a\\'];

const badStrings: Mutator = {
  name: 'bad-strings',
  apply(input, random) {
    return editEntityLines(input, random, 12, (line) => {
      // Just past 64 Ki characters, where web-ifc wrapped the length (one byte each, to keep the case fast).
      const bad = random.chance(0.15) ? random.pick(['x', '\xe4']).repeat(random.int(65_000, 70_000)) : random.pick(BAD_STRINGS);
      return line.replace(/'[^']*'/, () => `'${bad}'`);
    });
  },
};

const oddIds: Mutator = {
  name: 'odd-ids',
  apply(input, random) {
    // Ids past 2^32 (they wrap onto another id), ids a line already has (defined twice, maybe as
    // another class), ids beyond any integer.
    const parts = lines(input);
    const entities = entityLines(parts);
    if (entities.length === 0) return input;
    for (let n = random.int(1, 10); n > 0; n--) {
      const at = random.pick(entities);
      const own = /^#(\d+)/.exec(parts[at])![1];
      const other = /^#(\d+)/.exec(parts[random.pick(entities)])![1];
      const id = random.pick([`${BigInt(own) + 2n ** 32n}`, other, `${BigInt(other) + 2n ** 32n}`, '18446744073709551617', `${random.int(1, 9)}${'0'.repeat(random.int(10, 30))}`]);
      parts[at] = parts[at].replace(/^#\d+/, `#${id}`);
    }
    return joinLines(parts);
  },
};

export const MUTATORS: readonly Mutator[] = [truncate, flipBytes, deleteLines, duplicateLines, breakReferences, swapSchema, hugeString, hugeNumber, cycles, selfReferences, badStrings, oddIds];

export interface Mutation {
  bytes: Buffer;
  /** Mutator names in the order applied, e.g. ["break-references", "truncate"]. */
  applied: string[];
}

/** One to three mutators in a row (damage rarely comes alone). */
export function mutate(input: Buffer, random: SeededRandom): Mutation {
  let bytes = input;
  const applied: string[] = [];
  const count = random.chance(0.6) ? 1 : random.int(2, 4);
  for (let i = 0; i < count; i++) {
    const m = random.pick(MUTATORS);
    bytes = m.apply(bytes, random);
    applied.push(m.name);
  }
  return { bytes, applied };
}
