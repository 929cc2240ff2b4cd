import { facing, HORIZONTAL_NZ } from '../../src/ifc/geometry/orientation';
import { apply, frameFrom, newellAreaVector, openRing, polygonCentroid, Vec3 } from '../../src/ifc/geometry/vec';
import { surfaceCategory } from '../../src/ifc/surface-category';

describe('boundary geometry arithmetic', () => {
  it("Newell's method gives a polygon's area and right-hand normal, in any plane and for concave outlines", () => {
    expect(newellAreaVector([[0, 0, 0], [4, 0, 0], [4, 3, 0], [0, 3, 0]])).toEqual([0, 0, 12]);
    expect(newellAreaVector([[0, 0, 0], [0, 3, 0], [4, 3, 0], [4, 0, 0]])).toEqual([0, 0, -12]);
    // An L: 3×3 minus 2×2 = 5, standing in the XZ plane.
    const l: Vec3[] = [[0, 0, 0], [3, 0, 0], [3, 0, 1], [1, 0, 1], [1, 0, 3], [0, 0, 3]];
    expect(newellAreaVector(l).map((v) => v + 0)).toEqual([0, -5, 0]);
    expect(polygonCentroid([[0, 0, 0], [2, 0, 0], [2, 2, 0], [0, 2, 0]])).toEqual([1, 1, 0]);
  });

  it('a closing vertex repeated at the end (as IfcPolyline writes it) is dropped', () => {
    expect(openRing([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 0, 0]])).toEqual([[0, 0, 0], [1, 0, 0], [1, 1, 0]]);
  });

  it('IfcAxis2Placement3D: z is the axis, x the reference direction made perpendicular, y = z × x', () => {
    const f = frameFrom([10, 0, 0], [0, 0, 1], [0, 1, 0]);
    expect(f.y).toEqual([-1, 0, 0]);
    expect(apply(f, [1, 0, 0])).toEqual([10, 1, 0]);
    const skew = frameFrom([0, 0, 0], [0, 0, 2], [1, 0, 1]);
    expect(skew.x).toEqual([1, 0, 0]);
    expect(frameFrom([0, 0, 0], [1, 0, 0], [1, 0, 0]).x[0]).toBeCloseTo(0, 12);
  });

  it('facing: within 45° of vertical is Up/Down, otherwise one of eight compass sectors from true north', () => {
    const north: [number, number] = [0, 1];
    expect(facing([0, 0, -1], north)).toEqual({ orientation: 'Down', azimuthDeg: null });
    const pitched = Math.cos(Math.PI / 6);
    expect(facing([0, Math.sin(Math.PI / 6), pitched], north).orientation).toBe('Up');
    expect(facing([0, 0.75, HORIZONTAL_NZ - 0.01], north).orientation).toBe('N');
    expect(facing([1, 0, 0], north)).toEqual({ orientation: 'E', azimuthDeg: 90 });
    expect(facing([-1, -1, 0], north)).toEqual({ orientation: 'SW', azimuthDeg: 225 });
    expect(facing([Math.sin((22 * Math.PI) / 180), Math.cos((22 * Math.PI) / 180), 0], north).orientation).toBe('N');
    expect(facing([Math.sin((23 * Math.PI) / 180), Math.cos((23 * Math.PI) / 180), 0], north).orientation).toBe('NE');
  });

  it('surface category: openings by class, slabs by facing, virtual boundaries as virtual', () => {
    expect(surfaceCategory('PHYSICAL', 'IfcWindowStandardCase', [1, 0, 0])).toBe('window');
    expect(surfaceCategory('PHYSICAL', 'IfcDoor', null)).toBe('door');
    expect(surfaceCategory('PHYSICAL', 'IfcCurtainWall', [1, 0, 0])).toBe('wall');
    expect(surfaceCategory('PHYSICAL', 'IfcSlab', [0, 0, -1])).toBe('floor');
    expect(surfaceCategory('PHYSICAL', 'IfcRoof', [0, 0.5, 0.86])).toBe('ceiling');
    expect(surfaceCategory('PHYSICAL', 'IfcSlab', [1, 0, 0])).toBe('other');
    expect(surfaceCategory('PHYSICAL', 'IfcSlab', null)).toBe('other');
    expect(surfaceCategory('PHYSICAL', 'IfcColumn', [1, 0, 0])).toBe('other');
    expect(surfaceCategory('PHYSICAL', null, [0, 1, 0])).toBe('wall');
    expect(surfaceCategory('VIRTUAL', 'IfcVirtualElement', [0, 0, 1])).toBe('virtual');
  });
});
