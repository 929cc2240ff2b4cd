// The byte-level index reads a STEP file in chunks: a record cut by a chunk's end, a ';' inside a
// string or a comment, a record over several lines must all land where web-ifc puts them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as W from 'web-ifc';
import { resourceRegistry } from '../../src/core/lifecycle';
import { CancelledError } from '../../src/core/operations/operation-error';
import { FastReaderRefusal } from '../../src/ifc/fast-reader-refusal';
import { RecordColumns, StepIndex } from '../../src/ifc/step-index';
import { scanRange, TextReader } from '../../src/ifc/step-index-build';
import { indexModelText } from '../../src/ifc/step-index-parallel';
import { ClassTable } from '../../src/ifc/step-scan';
import { StringSuspects } from '../../src/ifc/text-strings';
import { TypeCodes } from '../../src/ifc/text-lines';
import { schemaFamilyOf } from '../../src/ifc/schema/schema-families';
import { ifcEngine } from '../../src/ifc/web-ifc-runtime';
import { realModel } from '../support/fixtures';

/** FILE_SCHEMA's identifier. */
function schemaOf(text: Buffer): string {
  return /FILE_SCHEMA\s*\(\s*\(\s*'([^']+)'/.exec(text.toString('latin1', 0, 4096))?.[1] ?? '';
}

function memoryText(bytes: Buffer): TextReader {
  return { textBytes: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

async function indexOf(text: Buffer, chunkBytes?: number): Promise<{ index: StepIndex; classes: ClassTable }> {
  const classes = new ClassTable();
  const columns = new RecordColumns(classes);
  await scanRange(memoryText(text), { from: 0, to: text.length, final: true, chunkBytes }, columns, [], () => undefined);
  // The class names as the extraction checks them: those of the file's schema.
  const codes = new TypeCodes();
  return { index: new StepIndex(columns, { typeCode: (name) => codes.entity(schemaFamilyOf(schemaOf(text)), name) }), classes };
}

const HEADER = "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('ViewDefinition [CoordinationView]'),'2;1');\nFILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n";
const model = (data: string) => Buffer.from(`${HEADER}${data}ENDSEC;\nEND-ISO-10303-21;\n`, 'latin1');
const textOf = (text: Buffer, index: StepIndex, id: number) => {
  const span = index.span(id);
  return span && text.toString('latin1', span.start, span.end);
};

describe('the STEP index', () => {
  const tricky = model(
    [
      "#1=IFCORGANIZATION($,'a;b',$,$,$);",
      "#2=IFCPROPERTYSINGLEVALUE('It''s; a /* not a comment',$,IFCTEXT(';'),$);",
      '/* a comment; with a quote \' and a ; */',
      '#3 = IFCCARTESIANPOINT((0.,',
      '   1.,2.));',
      "#4=IFCSPACE('0yf_M5JZv9QQXly4dq_zvI',$,'Room ''101''',$,$,$,$,$,.ELEMENT.,.INTERNAL.,$);",
      '#5=IFCWALL($,$,$,/* inline; comment */$,$,$,$,$,$);',
    ].join('\n') + '\n',
  );

  it('ends each record at its own ";", whatever strings and comments hold, on every chunk size', async () => {
    const whole = await indexOf(tricky);
    expect(whole.index.size).toBe(5);
    expect(textOf(tricky, whole.index, 1)).toBe("IFCORGANIZATION($,'a;b',$,$,$)");
    expect(textOf(tricky, whole.index, 2)).toBe("IFCPROPERTYSINGLEVALUE('It''s; a /* not a comment',$,IFCTEXT(';'),$)");
    expect(textOf(tricky, whole.index, 3)).toBe(' IFCCARTESIANPOINT((0.,\n   1.,2.))');
    expect(textOf(tricky, whole.index, 5)).toBe('IFCWALL($,$,$,/* inline; comment */$,$,$,$,$,$)');
    expect(whole.index.typeOf(4)).toBe(W.IFCSPACE);
    expect(whole.index.typeOf(6)).toBe(0);
    expect(whole.index.dataStart).toBe(HEADER.indexOf('DATA;') + 'DATA;'.length);
    // Every cut a chunk can make: in an id, a class name, a string, a doubled quote, a comment.
    for (let chunk = 1; chunk <= 64; chunk++) {
      const cut = await indexOf(tricky, chunk);
      for (let id = 1; id <= 5; id++) expect([chunk, id, textOf(tricky, cut.index, id)]).toEqual([chunk, id, textOf(tricky, whole.index, id)]);
    }
  });

  it.each(['OneZone.ifc', 'LargeBuilding.ifc', 'grf005-ifc4_blank_map_conversion.ifc'])('%s: every record where web-ifc has it, with its class, in 4 KB chunks as in one', async (file) => {
    const text = fs.readFileSync(realModel(file));
    const { index } = await indexOf(text, 4096);
    const api = await ifcEngine();
    const modelId = api.OpenModel(new Uint8Array(text), { COORDINATE_TO_ORIGIN: false });
    try {
      const ids = api.GetAllLines(modelId);
      expect(index.size).toBe(ids.size());
      for (let k = 0; k < ids.size(); k++) {
        const id = ids.get(k);
        if (index.typeOf(id) !== api.GetLineType(modelId, id)) throw new Error(`#${id}: ${index.typeOf(id)} vs ${api.GetLineType(modelId, id)}`);
      }
      const spaces = api.GetLineIDsWithType(modelId, W.IFCSPACE);
      expect(index.idsOf([W.IFCSPACE])).toEqual(Array.from({ length: spaces.size() }, (_, k) => spaces.get(k)));
    } finally {
      api.CloseModel(modelId);
    }
  });

  it('lists the records of several classes in file order', async () => {
    const text = model("#1=IFCWALL($,$,$,$,$,$,$,$,$);\n#2=IFCSLAB($,$,$,$,$,$,$,$,$);\n#3=IFCWALL($,$,$,$,$,$,$,$,$);\n#10=IFCSLAB($,$,$,$,$,$,$,$,$);\n");
    const { index } = await indexOf(text);
    expect(index.idsOf([W.IFCSLAB, W.IFCWALL])).toEqual([1, 2, 3, 10]);
    expect(index.idsOf([W.IFCSLAB])).toEqual([2, 10]);
    expect(index.idsOf([W.IFCDOOR])).toEqual([]);
  });

  it('stops at END-ISO-10303-21;, as web-ifc does', async () => {
    const text = Buffer.concat([model('#1=IFCWALL($,$,$,$,$,$,$,$,$);\n'), Buffer.from('#2=IFCSLAB($,$,$,$,$,$,$,$,$);\n')]);
    const { index } = await indexOf(text);
    expect(index.size).toBe(1);
  });

  it.each([
    ['an id defined twice', '#1=IFCWALL($,$,$,$,$,$,$,$,$);\n#1=IFCSLAB($,$,$,$,$,$,$,$,$);\n', /#1 is defined more than once/],
    ['a complex instance', '#1=(IFCWALL()IFCSLAB());\n', /#1 is a complex instance/],
    ['an id past 2^31', '#2147483648=IFCWALL($,$,$,$,$,$,$,$,$);\n', /#2147483648 is too large/],
    ['a class the schema lacks', '#1=IFCNOSUCHTHING($);\n', /IFCNOSUCHTHING, which the schema does not define/],
    ['a string never closed', "#1=IFCLABEL('open;\n", /#1 does not end/],
  ])('refuses %s, so web-ifc reads the file', async (_what, data, message) => {
    const text = _what === 'a string never closed' ? Buffer.from(`${HEADER}${data}`, 'latin1') : model(data);
    const attempt = indexOf(text, 7);
    await expect(attempt).rejects.toBeInstanceOf(FastReaderRefusal);
    await expect(indexOf(text)).rejects.toThrow(message);
  });
});

describe('the STEP index on two threads', () => {
  function fileText(file: string): TextReader & { close(): void } {
    const fd = fs.openSync(file, 'r');
    let buffer = Buffer.alloc(0);
    return {
      textBytes: fs.fstatSync(fd).size,
      read(offset, length) {
        if (buffer.length < length) buffer = Buffer.allocUnsafe(length);
        return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, offset));
      },
      close: () => fs.closeSync(fd),
    };
  }

  async function bothWays(file: string): Promise<{ one: RecordColumns; two: RecordColumns; threads: string; suspects: { one: number[]; two: number[] } }> {
    const text = fileText(file);
    try {
      const run = async (parallel: boolean) => {
        const suspects = new StringSuspects(false);
        const later: number[] = [];
        const { columns, threads } = await indexModelText(text, { path: file, parallel, parallelMinBytes: 0, scanners: [suspects], onSuspects: (o) => later.push(...o), between: async () => undefined });
        return { columns, threads, suspects: [...suspects.offsets(), ...later] };
      };
      const one = await run(false);
      const two = await run(true);
      expect(one.threads).toBe('one');
      return { one: one.columns, two: two.columns, threads: two.threads, suspects: { one: one.suspects, two: two.suspects } };
    } finally {
      text.close();
    }
  }

  const records = (c: RecordColumns) => Array.from({ length: c.count }, (_, r) => `${c.ids[r]}@${c.starts[r]}+${c.lengths[r]}:${c.classTable.names[c.classes[r]]}`);

  it.each(['OneZone.ifc', 'MultiZoneBuilding.ifc', 'grf005-ifc4_blank_map_conversion.ifc'])('%s: split in two, the same records as one front-to-back scan', async (file) => {
    const { one, two, threads, suspects } = await bothWays(realModel(file));
    expect(threads).toBe('two');
    expect(two.count).toBe(one.count);
    expect(records(two)).toEqual(records(one));
    // The strings to decode are found in the same statements (a chunk's edge may add a place in one).
    const statementOf = (offset: number) => {
      let r = 0;
      while (r + 1 < one.count && one.starts[r + 1] <= offset) r++;
      return one.ids[r];
    };
    const statements = (places: number[]) => [...new Set(places.map(statementOf))].sort((a, b) => a - b);
    expect(statements(suspects.two)).toEqual(statements(suspects.one));
  });

  it('a string that looks like a statement start where the file is split does not fool it', async () => {
    // The middle of this file falls inside a long string holding ";\n#900=": the guessed split is
    // inside a statement, so the first thread must read on alone.
    const filler = Array.from({ length: 200 }, (_, k) => `#${k + 1}=IFCCARTESIANPOINT((${k}.,0.,0.));`).join('\n');
    const fake = Array.from({ length: 50 }, (_, k) => `x;\n#${900 + k}=IFCWALL($);`).join('');
    const text = model(`${filler}\n#500=IFCPROPERTYSINGLEVALUE('${fake}',$,$,$);\n${filler.replace(/#(\d+)=/g, (_m, n) => `#${Number(n) + 1000}=`)}\n`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'split-'));
    const file = path.join(dir, 'split.ifc');
    fs.writeFileSync(file, text);
    try {
      const middle = Math.floor(text.length / 2);
      const stringAt = text.indexOf('#500=');
      expect(stringAt).toBeLessThan(middle);
      expect(text.indexOf("',$,$,$);", stringAt)).toBeGreaterThan(middle);
      const { one, two, threads } = await bothWays(file);
      expect(threads).toBe('first read on');
      expect(one.count).toBe(401);
      expect(records(two)).toEqual(records(one));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cancelling while a big file is indexed on two threads', () => {
  it('stops at the next chunk and leaves no index thread behind', async () => {
    const file = realModel('MultiZoneBuilding.ifc');
    const fd = fs.openSync(file, 'r');
    const text: TextReader = {
      textBytes: fs.fstatSync(fd).size,
      read: (offset, length) => {
        const b = Buffer.allocUnsafe(length);
        return b.subarray(0, fs.readSync(fd, b, 0, length, offset));
      },
    };
    const threadsBefore = resourceRegistry.count('worker');
    let chunks = 0;
    let threadsDuring = 0;
    try {
      const attempt = indexModelText(text, {
        path: file,
        parallel: true,
        parallelMinBytes: 0,
        scanners: [],
        onSuspects: () => undefined,
        between: async () => {
          threadsDuring = resourceRegistry.count('worker');
          if (++chunks === 1) throw new CancelledError('Opening "MultiZoneBuilding.ifc"');
        },
      });
      await expect(attempt).rejects.toBeInstanceOf(CancelledError);
    } finally {
      fs.closeSync(fd);
    }
    expect(chunks).toBe(1);
    expect(threadsDuring).toBe(threadsBefore + 1);
    expect(resourceRegistry.count('worker')).toBe(threadsBefore);
  });
});
