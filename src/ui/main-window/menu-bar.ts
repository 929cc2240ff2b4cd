// The menu bar: File, View, Navigate, Tools, Help, each item one command.
import { QMenu, QMenuBar } from '../qt';
import { CommandId, Commands } from '../app/commands';

type MenuSpec = [title: string, items: (CommandId | '-' | { submenu: string; fill: (menu: QMenu) => void })[]];

export function buildMenuBar(commands: Commands, recentFiles: (menu: QMenu) => void): { bar: QMenuBar; recentMenu: QMenu | undefined } {
  const bar = new QMenuBar();
  let recentMenu: QMenu | undefined;
  const menus: MenuSpec[] = [
    ['&File', ['open', { submenu: 'Recent files', fill: recentFiles }, 'close', '-', 'compare', '-', 'exportPlan', 'saveAnnotatedIfc', 'importNotes', '-', 'exit']],
    ['&View', ['refresh', 'toggleSpaces']],
    ['&Navigate', ['next', 'previous', 'goto', 'filter']],
    ['&Tools', ['export', 'exportJson', 'exportCsv', 'exportXlsx', 'exportPdf', '-', 'checkRequirements', 'validate', 'freeMemory', '-', 'cancel']],
    ['&Help', ['diagnostics', 'guide', 'about']],
  ];
  for (const [title, items] of menus) {
    const menu = new QMenu();
    menu.setTitle(title);
    for (const it of items) {
      if (it === '-') menu.addSeparator();
      else if (typeof it === 'string') menu.addAction(commands.action(it));
      else {
        // NodeGui 0.74's QMenu.addMenu(title) forwards its *second* argument to Qt: pass the title twice.
        const sub = (menu.addMenu as (t: string, t2: string) => QMenu)(it.submenu, it.submenu);
        it.fill(sub);
        recentMenu = sub;
      }
    }
    bar.addMenu(menu);
  }
  return { bar, recentMenu };
}
