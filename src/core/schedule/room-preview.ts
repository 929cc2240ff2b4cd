// The rooms as soon as their storeys are known: number, name, storey — before property sets,
// boundaries, room bodies and the quantities chosen from them. The window lists them at once (a
// 70 MB model's rooms are known a second or more before its schedule) and replaces them by the
// complete rooms when those arrive.
import { Space } from './model';

/** A room as the list shows it while its quantities are still being read. Every Space is one. */
export type RoomPreview = Readonly<Pick<Space, 'expressId' | 'globalId' | 'name' | 'longName' | 'description' | 'objectType' | 'storey'>>;

/** What an extraction tells before its result: the rooms, in the order the schedule will list them. */
export interface RoomsPreview {
  rooms: readonly RoomPreview[];
}
