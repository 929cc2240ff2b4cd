// Navigate → Go to space…: one dialog at a time, kept up to date with the open model, and the jump
// itself. A room hidden by the list's filter is still reachable: the filter is cleared for it,
// since going to a room the list then does not show would leave the user lost.
import { Disposable, MutableDisposable } from '../../core/lifecycle';
import { Space } from '../../core/schedule/model';
import { QWidget } from '../qt';
import { GoToSpaceDialog } from './go-to-space-dialog';
import { SpaceListPanel } from './space-list-panel';

export class GoToSpaceController extends Disposable {
  private readonly slot = this.register(new MutableDisposable<GoToSpaceDialog>());

  constructor(
    private readonly parent: QWidget,
    private readonly list: SpaceListPanel,
    private readonly spaces: () => readonly Space[],
  ) {
    super('GoToSpaceController');
  }

  get dialog(): GoToSpaceDialog | undefined {
    return this.slot.value;
  }

  show(): GoToSpaceDialog {
    let d = this.slot.value;
    if (!d) {
      d = new GoToSpaceDialog(this.parent, this.spaces());
      this.slot.value = d;
      d.own(d.onDidChoose((index) => this.goTo(index)));
    }
    d.show();
    return d;
  }

  /** The open model changed (opened, reloaded or closed): the dialog lists its rooms. */
  modelChanged(): void {
    this.slot.value?.setSpaces(this.spaces());
  }

  goTo(index: number): boolean {
    if (this.list.selectSpace(index)) return true;
    if (!this.list.filterText) return false;
    this.list.setFilterText('');
    return this.list.selectSpace(index);
  }
}
