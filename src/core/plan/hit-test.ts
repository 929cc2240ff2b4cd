// Which room is under a point of the drawing: inside its outline and outside its holes. Where rooms
// nest (a store inside a hall), the inner one wins: it is the one the user can only reach there.
import { boxContains, polygonsContain } from './plan-geometry';
import { PlanRoom, PlanScene } from './plan-scene';

/** The room at (x, y) in the drawing frame (metres), or undefined over no room. */
export function roomAt(scene: Pick<PlanScene, 'rooms'>, x: number, y: number): PlanRoom | undefined {
  let best: PlanRoom | undefined;
  for (const room of scene.rooms) {
    if (!boxContains(room.box, x, y) || !polygonsContain(room.polygons, x, y)) continue;
    if (!best || room.depth > best.depth || (room.depth === best.depth && room.outlineArea < best.outlineArea)) best = room;
  }
  return best;
}
