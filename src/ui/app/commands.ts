// Every user command once: its text, shortcut, icon and handler, as a QAction shared by the menu,
// the toolbar and keyboard. NodeGui 0.74 has no QAction.trigger(), so run() calls the handler
// directly (the same function the action's 'triggered' signal calls).
import { Disposable } from '../../core/lifecycle';
import { assetPath } from '../../platform/assets';
import { QAction, QIcon, QKeySequence } from '../qt';
import { listen } from '../widgets/qt-lifecycle';

export type CommandId =
  | 'open' | 'close' | 'compare' | 'exit'
  | 'refresh' | 'toggleSpaces'
  | 'next' | 'previous' | 'goto' | 'filter'
  | 'export' | 'exportJson' | 'exportCsv' | 'exportXlsx' | 'exportPdf' | 'exportPlan' | 'saveAnnotatedIfc' | 'importNotes' | 'checkRequirements' | 'validate' | 'freeMemory'
  | 'diagnostics' | 'guide' | 'about'
  | 'cancel';

/** What a command's enablement may depend on; the app derives it from the session and the runner. */
export interface CommandContext {
  hasModel: boolean;
  loading: boolean;
  /** Any operation runs (a load, an export, a check). */
  busy: boolean;
}

export interface CommandSpec {
  text: string;
  shortcut?: string;
  icon?: string;
  tip?: string;
  checkable?: boolean;
  /** When the command can run; always, when not given. */
  enabledWhen?: (c: CommandContext) => boolean;
  run: () => void;
}

export class Commands extends Disposable {
  private readonly actions = new Map<CommandId, { action: QAction; spec: CommandSpec }>();

  define(id: CommandId, spec: CommandSpec): QAction {
    const action = new QAction();
    action.setText(spec.text);
    if (spec.shortcut) action.setShortcut(new QKeySequence(spec.shortcut));
    if (spec.icon) action.setIcon(new QIcon(assetPath('icons', `${spec.icon}.svg`)));
    const tip = spec.tip ?? spec.text.replace(/&(?!&)/g, '').replace('…', '');
    // QAction has no setToolTip/isEnabled in NodeGui 0.74; Qt's property system reaches both.
    action.setProperty('toolTip', spec.shortcut ? `${tip} (${spec.shortcut})` : tip);
    if (spec.checkable) action.setCheckable(true);
    this.register(listen(action, 'triggered', () => spec.run(), `action.${id}`));
    this.actions.set(id, { action, spec });
    return action;
  }

  action(id: CommandId): QAction {
    const a = this.actions.get(id);
    if (!a) throw new Error(`Unknown command ${id}`);
    return a.action;
  }

  setEnabled(id: CommandId, enabled: boolean): void {
    this.action(id).setEnabled(enabled);
  }

  /** Enables each command by its own rule, for the app's state now. */
  updateEnablement(context: CommandContext): void {
    for (const { action, spec } of this.actions.values()) if (spec.enabledWhen) action.setEnabled(spec.enabledWhen(context));
  }

  isEnabled(id: CommandId): boolean {
    return this.action(id).property('enabled').toBool();
  }

  /** Runs a command as the user would: only when it is enabled. */
  run(id: CommandId): boolean {
    const a = this.actions.get(id);
    if (!a || !this.isEnabled(id)) return false;
    a.spec.run();
    return true;
  }
}
