// What a tool that reads the open model and marks rooms in the list (Check requirements…,
// Compare with…) is given by the app: one shape, so the two controllers are wired alike.
import type { OperationRunner } from '../../core/operations/operation-runner';
import type { OperationErrorInfo } from '../../core/operations/protocol';
import type { QWidget } from '../qt';
import type { SpaceListPanel } from '../spaces/space-list-panel';
import type { ModelSession } from './model-session';

export interface RoomToolDeps {
  parent: QWidget;
  list: SpaceListPanel;
  runner: OperationRunner;
  session: () => ModelSession | undefined;
  /** The app's data folder (the last IDS per model; the other model's notes for a compare). */
  dataDir: string;
  showError: (e: OperationErrorInfo) => void;
  /** Goes to a room of the open model (clearing the list's filter if it hides it). */
  goTo: (spaceIndex: number) => boolean;
  /** The status bar's message once nothing runs. */
  notice: (text: string) => void;
}
