// Strings that web-ifc's decoder corrupted without a word: raw Latin-1 bytes (and the characters after
// them), names of 64 Ki characters or more, a bad \X2\ escape that emptied the whole name. Each room
// below is added to OneZone.ifc as written by a careless or hostile exporter, and read through the
// real worker; what the schedule shows is what ISO 10303-21 says the text means.
import { Space } from '../../src/core/schedule/model';
import { readHostile, sampleText, withStatements } from './support/hostile-models';

const BOUND_MS = 20_000;

interface Written {
  /** The Name attribute as it is in the file (latin1: one character per byte). */
  name: string;
  longName?: string;
  description?: string;
}

const ROOMS: Written[] = [
  { name: 'B\xfcro', longName: 'Office', description: 'Gr\xf6\xdfe' },
  { name: 'B\\X2\\00F\\X0\\ro Office', longName: 'kept' },
  { name: 'x'.repeat(65_541), longName: 'after the long name' },
  { name: "Caf\\X2\\00E9\\X0\\ \\X\\E0 \\S\\| \\PA\\\\S\\D \\X4\\0001F600\\X0\\ it''s a\\\\b" },
  { name: Buffer.from('Küche', 'utf8').toString('latin1') },
  { name: `${'y'.repeat(40_000)}\\X2\\00FC\\X0\\${'z'.repeat(40_000)}` },
];

async function readRooms(extra: (freeId: number) => string[] = () => []) {
  const { text, freeId } = sampleText('OneZone.ifc');
  const lines = ROOMS.map((r, i) => `#${freeId + i}= IFCSPACE('Hostile${String(i).padStart(15, '0')}',#15,'${r.name}',${r.description ? `'${r.description}'` : '$'},$,$,$,${r.longName ? `'${r.longName}'` : '$'},.ELEMENT.,.INTERNAL.,$);`);
  // The header too: an author written in raw Latin-1, an organisation with a bad \X2\ escape.
  const header = text.replace("('Architect'),('Building Designer Office')", "('J\xfcrgen M\xfcller'),('B\\X2\\00FC\\X0\\ro \\X2\\00F\\X0\\')");
  const outcome = await readHostile(withStatements(header, [...lines, ...extra(freeId + ROOMS.length)]), 'strings.ifc', BOUND_MS);
  expect(outcome.error?.message).toBeUndefined();
  const byId = (i: number): Space => outcome.schedule!.spaces.find((s) => s.expressId === freeId + i)!;
  return { schedule: outcome.schedule!, byId, freeId };
}

describe('strings are decoded from the text as ISO 10303-21 defines them', () => {
  let read: Awaited<ReturnType<typeof readRooms>>;
  beforeAll(async () => {
    read = await readRooms((id) => [
      `#${id}= IFCPROPERTYSINGLEVALUE('Nutzung',$,IFCLABEL('B\xfcro \\X2\\00FC\\X0\\'),$);`,
      `#${id + 1}= IFCPROPERTYSET('HostilePset000000000001',#15,'Hostile_Strings',$,(#${id}));`,
      `#${id + 2}= IFCRELDEFINESBYPROPERTIES('HostileRel0000000000001',#15,$,$,(#4552),#${id + 1});`,
    ]);
  }, BOUND_MS + 10_000);

  it("a raw Latin-1 byte reads as ISO 8859-1, the text after it stays, and a warning names the room", () => {
    const room = read.byId(0);
    expect(room.name).toBe('Büro');
    expect(room.description).toBe('Größe');
    expect(room.longName).toBe('Office');
    const warning = read.schedule.warnings.find((w) => w.message.startsWith('Some texts hold bytes'));
    expect(warning?.message).toBe(`Some texts hold bytes that IFC text does not allow and that are not UTF-8 (e.g. #${read.freeId}: "Büro"); they were read as ISO 8859-1 (Latin-1).`);
  });

  it('a bad \\X2\\ escape is kept as written, the rest of the name with it, and a warning names it', () => {
    expect(read.byId(1).name).toBe('B\\X2\\00F\\X0\\ro Office');
    expect(read.byId(1).longName).toBe('kept');
    const warning = read.schedule.warnings.find((w) => w.message.startsWith('Some texts hold backslash'));
    expect(warning?.message).toBe(`Some texts hold backslash sequences that ISO 10303-21 does not define (e.g. #${read.freeId + 1}: "B\\X2\\00F\\X0\\ro Office"); they are shown as written.`);
  });

  it('a name of 65 541 characters keeps every one of them', () => {
    expect(read.byId(2).name).toHaveLength(65_541);
    expect(read.byId(2).longName).toBe('after the long name');
    expect(read.byId(5).name).toBe(`${'y'.repeat(40_000)}ü${'z'.repeat(40_000)}`);
  });

  it('every escape of ISO 10303-21 decodes, and UTF-8 reads as UTF-8, without warnings', () => {
    expect(read.byId(3).name).toBe("Café à ü Ä 😀 it's a\\b");
    expect(read.byId(4).name).toBe('Küche');
    const warned = read.schedule.warnings.filter((w) => /ISO 8859-1|does not define/.test(w.message)).map((w) => w.expressId);
    expect(warned).not.toContain(read.freeId + 3);
    expect(warned).not.toContain(read.freeId + 4);
  });

  it("the header's author and organisation are decoded the same way", () => {
    expect(read.schedule.metadata.author).toBe('Jürgen Müller');
    expect(read.schedule.metadata.organization).toBe('Büro \\X2\\00F\\X0\\');
    const messages = read.schedule.warnings.map((w) => w.message);
    expect(messages).toContain("The file's header (FILE_NAME) holds bytes that IFC text does not allow and that are not UTF-8; they were read as ISO 8859-1 (Latin-1).");
    expect(messages).toContain("The file's header (FILE_NAME) holds backslash sequences that ISO 10303-21 does not define; they are shown as written.");
  });

  it('property values are decoded the same way', () => {
    const set = read.schedule.spaces.find((s) => s.expressId === 4552)!.propertySets.find((p) => p.name === 'Hostile_Strings');
    expect(set?.properties).toEqual([{ name: 'Nutzung', value: 'Büro ü', valueType: 'IfcLabel' }]);
  });

  it('a file written without line breaks is decoded the same way', async () => {
    const { text, freeId } = sampleText('OneZone.ifc');
    const room = `#${freeId}= IFCSPACE('HostileOneLine00000000a',#15,'B\xfcro',$,$,$,$,'B\\X2\\00FC\\X0\\ro',.ELEMENT.,.INTERNAL.,$);`;
    const oneLine = withStatements(text, [room]).toString('latin1').replace(/\r?\n/g, '');
    const outcome = await readHostile(Buffer.from(oneLine, 'latin1'), 'one-line.ifc', BOUND_MS);
    const read = outcome.schedule?.spaces.find((x) => x.expressId === freeId);
    expect([read?.name, read?.longName]).toEqual(['Büro', 'Büro']);
  }, BOUND_MS + 10_000);
});
