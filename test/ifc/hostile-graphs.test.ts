// Graphs a hostile file can loop or blow up: every walk through them ends, in bounded time, with a
// warning that names what was wrong. Read through the real worker: before the visited sets these
// models never finished (six spaces part of each other) or took 79 s and 3.5 GB (a complex property
// listing itself 8 times).
import { readHostile, sampleText, withStatements } from './support/hostile-models';

const SPACE_ID = 4552; // OneZone.ifc's only room, "01 WOHNEN"
const BOUND_MS = 20_000;

/** A 22-character GlobalId, distinct per n. */
function guid(n: number): string {
  return `Hostile${String(n).padStart(15, '0')}`;
}

describe('hostile graphs end in time with a warning', () => {
  it('six spaces that are each part of all the others list on no storey, in seconds, with a warning', async () => {
    const { text, freeId } = sampleText('OneZone.ifc');
    const spaces = Array.from({ length: 6 }, (_, i) => freeId + i);
    const lines = spaces.map((id, i) => `#${id}= IFCSPACE('${guid(i)}',#15,'Loop ${i + 1}',$,$,$,$,'Loop room',.ELEMENT.,.INTERNAL.,$);`);
    spaces.forEach((id, i) => lines.push(`#${freeId + 10 + i}= IFCRELAGGREGATES('${guid(10 + i)}',#15,$,$,#${id},(${spaces.filter((s) => s !== id).map((s) => `#${s}`).join(',')}));`));
    const outcome = await readHostile(withStatements(text, lines), 'six-spaces-in-a-loop.ifc', BOUND_MS);

    expect(outcome.error?.message).toBeUndefined();
    const looped = outcome.schedule!.spaces.filter((s) => s.name?.startsWith('Loop '));
    expect(looped.map((s) => s.name).sort()).toEqual(['Loop 1', 'Loop 2', 'Loop 3', 'Loop 4', 'Loop 5', 'Loop 6']);
    expect(looped.every((s) => s.storey === null)).toBe(true);
    // The real room is untouched.
    expect(outcome.schedule!.spaces.find((s) => s.expressId === SPACE_ID)?.storey?.name).toBe('Geschoss');
    const warning = outcome.schedule!.warnings.find((w) => w.message.includes('part of each other'));
    expect(warning?.message).toMatch(/e\.g\. #\d+ is, through #\d+, part of itself/);
    expect(spaces).toContain(warning?.expressId);
  }, BOUND_MS + 10_000);

  it('a complex property listing itself 8 times is read once, with a warning naming it', async () => {
    const { text, freeId } = sampleText('OneZone.ifc');
    const [loop, plain, set, rel] = [freeId, freeId + 1, freeId + 2, freeId + 3];
    const outcome = await readHostile(
      withStatements(text, [
        `#${loop}= IFCCOMPLEXPROPERTY('Loop',$,'Usage',(${Array(8).fill(`#${loop}`).join(',')},#${plain}));`,
        `#${plain}= IFCPROPERTYSINGLEVALUE('Leaf',$,IFCLABEL('kept'),$);`,
        `#${set}= IFCPROPERTYSET('${guid(1)}',#15,'Hostile_Loop',$,(#${loop}));`,
        `#${rel}= IFCRELDEFINESBYPROPERTIES('${guid(2)}',#15,$,$,(#${SPACE_ID}),#${set});`,
      ]),
      'complex-property-loop.ifc',
      BOUND_MS,
    );

    expect(outcome.error?.message).toBeUndefined();
    const room = outcome.schedule!.spaces.find((s) => s.expressId === SPACE_ID)!;
    expect(room.propertySets.find((p) => p.name === 'Hostile_Loop')?.properties).toEqual([{ name: 'Loop.Leaf', value: 'kept', valueType: 'IfcLabel' }]);
    const warning = outcome.schedule!.warnings.find((w) => w.message.includes('contain themselves'));
    expect(warning?.message).toContain(`e.g. #${loop}, in property set #${set}`);
    expect(warning?.count).toBe(8);
  }, BOUND_MS + 10_000);

  it('complex properties that list the next one 8 times, 8 levels deep (16 million leaves), stop at the budget with a warning', async () => {
    const { text, freeId } = sampleText('OneZone.ifc');
    const levels = Array.from({ length: 8 }, (_, i) => freeId + i);
    const [leaf, set, rel] = [freeId + 8, freeId + 9, freeId + 10];
    const lines = levels.map((id, i) => `#${id}= IFCCOMPLEXPROPERTY('L${i}',$,'Usage',(${Array(8).fill(`#${levels[i + 1] ?? leaf}`).join(',')}));`);
    lines.push(`#${leaf}= IFCPROPERTYSINGLEVALUE('Leaf',$,IFCLABEL('x'),$);`, `#${set}= IFCPROPERTYSET('${guid(3)}',#15,'Hostile_Fan',$,(#${levels[0]}));`, `#${rel}= IFCRELDEFINESBYPROPERTIES('${guid(4)}',#15,$,$,(#${SPACE_ID}),#${set});`);
    const outcome = await readHostile(withStatements(text, lines), 'complex-property-fan-out.ifc', BOUND_MS);

    expect(outcome.error?.message).toBeUndefined();
    const fan = outcome.schedule!.spaces.find((s) => s.expressId === SPACE_ID)!.propertySets.find((p) => p.name === 'Hostile_Fan')!;
    expect(fan.properties.length).toBeGreaterThan(1000);
    expect(fan.properties.length).toBeLessThanOrEqual(10_000);
    expect(fan.properties[0].name).toBe('L0.L1.L2.L3.L4.L5.L6.L7.Leaf');
    expect(outcome.schedule!.warnings.map((w) => w.message)).toContain(`Some property sets expand to more than 10000 properties (e.g. #${set}, whose complex properties list each other many times); only the first 10000 are read.`);
  }, BOUND_MS + 10_000);
});
