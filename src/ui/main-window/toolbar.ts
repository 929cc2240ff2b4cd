// NodeGui 0.74 has no QToolBar: a row of QToolButtons, each showing one command's QAction (so the
// button follows the action's enabled state, icon and tooltip).
import { QSize, QToolButton, QWidget, ToolButtonStyle } from '../qt';
import { CommandId, Commands } from '../app/commands';
import { hbox } from '../widgets/layout';

export type ToolbarEntry = CommandId | '|';

export interface Toolbar {
  widget: QWidget;
  buttons: Map<CommandId, QToolButton>;
}

export function buildToolbar(commands: Commands, entries: ToolbarEntry[]): Toolbar {
  const buttons = new Map<CommandId, QToolButton>();
  const children: (QWidget | 'stretch')[] = [];
  for (const e of entries) {
    if (e === '|') {
      const sep = new QWidget();
      sep.setObjectName('toolbarSeparator');
      sep.setFixedSize(1, 22);
      children.push(sep);
      continue;
    }
    const b = new QToolButton();
    b.setObjectName(`toolbar-${e}`);
    b.setDefaultAction(commands.action(e));
    b.setToolButtonStyle(ToolButtonStyle.ToolButtonTextBesideIcon);
    b.setIconSize(new QSize(18, 18));
    b.setAutoRaise(true);
    buttons.set(e, b);
    children.push(b);
  }
  children.push('stretch');
  const widget = hbox(children, { margins: 2, spacing: 2, name: 'toolbar' });
  return { widget, buttons };
}
