// Clicking the plan: the room under the pointer, with shared walls, courtyards (holes) and a room
// inside another (a store in a hall: the store wins where it is, the hall everywhere else).
import { roomAt } from '../../../src/core/plan/hit-test';
import { buildPlanScene } from '../../../src/core/plan/plan-scene';
import { planStoreys } from '../../../src/core/plan/plan-storeys';
import { rect, room, schedule } from './plan-fixtures';

function sceneOf(...spaces: ReturnType<typeof room>[]) {
  const s = schedule(spaces);
  return buildPlanScene(s, planStoreys(s)[0], { colourBy: 'category', orientation: 'model' });
}

const hit = (scene: ReturnType<typeof sceneOf>, x: number, y: number) => roomAt(scene, x, y)?.number;

describe('hit-testing the plan', () => {
  test('two rooms sharing a wall: each side of the wall is its own room, outside is none', () => {
    const scene = sceneOf(room(1, '1.01', 'Office', [{ outer: rect(0, 0, 4, 5), holes: [] }]), room(2, '1.02', 'Office', [{ outer: rect(4, 0, 9, 5), holes: [] }]));
    expect(hit(scene, 3.99, 2.5)).toBe('1.01');
    expect(hit(scene, 4.01, 2.5)).toBe('1.02');
    expect(hit(scene, 0.1, 0.1)).toBe('1.01');
    expect(hit(scene, 8.9, 4.9)).toBe('1.02');
    expect(hit(scene, 9.5, 2.5)).toBeUndefined();
    expect(hit(scene, 2, -0.1)).toBeUndefined();
  });

  test('a room round a courtyard: the courtyard is not the room, and a room drawn in the courtyard is found there', () => {
    const ring = room(1, 'G.01', 'Cloister', [{ outer: rect(0, 0, 20, 20), holes: [rect(5, 5, 15, 15).reverse()] }]);
    expect(hit(sceneOf(ring), 2, 10)).toBe('G.01');
    expect(hit(sceneOf(ring), 10, 10)).toBeUndefined();
    const garden = room(2, 'G.02', 'Garden room', [{ outer: rect(6, 6, 14, 14), holes: [] }]);
    const scene = sceneOf(ring, garden);
    expect(hit(scene, 10, 10)).toBe('G.02');
    expect(hit(scene, 5.5, 10)).toBeUndefined(); // in the courtyard, outside the garden room
    expect(hit(scene, 18, 18)).toBe('G.01');
  });

  test('a store inside a hall: the store where it is, the hall around it, whatever the file order', () => {
    const hall = room(1, 'H', 'Hall', [{ outer: rect(0, 0, 30, 20), holes: [] }]);
    const store = room(2, 'S', 'Store', [{ outer: rect(2, 2, 5, 4), holes: [] }]);
    for (const scene of [sceneOf(hall, store), sceneOf(store, hall)]) {
      expect(hit(scene, 3, 3)).toBe('S');
      expect(hit(scene, 10, 10)).toBe('H');
      // The hall is drawn first, so the store shows on top of it.
      expect(scene.rooms.map((r) => r.number)).toEqual(['H', 'S']);
      expect(scene.rooms[1].depth).toBe(1);
    }
  });

  test('a room in two pieces (split by a shaft) is found in either piece', () => {
    const split = room(1, '2.10', 'Open office', [{ outer: rect(0, 0, 5, 5), holes: [] }, { outer: rect(6, 0, 11, 5), holes: [] }]);
    const scene = sceneOf(split);
    expect(hit(scene, 2, 2)).toBe('2.10');
    expect(hit(scene, 8, 2)).toBe('2.10');
    expect(hit(scene, 5.5, 2)).toBeUndefined();
  });
});
