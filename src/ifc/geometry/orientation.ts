// Which way a boundary faces. A surface whose outward normal is within 45° of vertical
// (|nz| ≥ cos 45° ≈ 0.707) is horizontal: "Up" or "Down" (a 30° pitched roof is "Up"); any other
// surface gets the azimuth of its normal's horizontal part, clockwise from true north, and one of
// eight 45° compass sectors centred on N, NE, E, …
import { Orientation } from '../../core/schedule/model';
import { Vec3 } from './vec';

export const HORIZONTAL_NZ = Math.SQRT1_2;
const SECTORS: Orientation[] = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

export interface Facing {
  orientation: Orientation;
  azimuthDeg: number | null;
}

/** `normal`: unit normal in world coordinates; `trueNorth`: unit vector of true north in the world XY plane. */
export function facing(normal: Vec3, trueNorth: [number, number]): Facing {
  if (Math.abs(normal[2]) >= HORIZONTAL_NZ) return { orientation: normal[2] > 0 ? 'Up' : 'Down', azimuthDeg: null };
  const h = Math.hypot(normal[0], normal[1]);
  const [hx, hy] = [normal[0] / h, normal[1] / h];
  const [nx, ny] = trueNorth;
  // Counter-clockwise angle from north to the normal, negated: azimuths turn clockwise.
  const ccw = Math.atan2(nx * hy - ny * hx, nx * hx + ny * hy);
  let azimuth = ((-ccw * 180) / Math.PI + 360) % 360;
  if (azimuth >= 359.9999995) azimuth = 0;
  return { orientation: SECTORS[Math.round(azimuth / 45) % 8], azimuthDeg: Math.round(azimuth * 1e6) / 1e6 };
}
