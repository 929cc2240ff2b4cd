// Where the main window was and how big: restored at start, saved at exit, in the user's settings.
import type { SettingsStore } from '../../platform/settings';
import type { QMainWindow } from '../qt';

export function restoreWindowGeometry(win: QMainWindow, settings: SettingsStore): void {
  const g = settings.get().window;
  if (!g) return;
  win.resize(g.width, g.height);
  win.move(g.x, g.y);
}

export function saveWindowGeometry(win: QMainWindow, settings: SettingsStore): void {
  const pos = win.pos();
  const size = win.size();
  settings.update({ window: { x: pos.x, y: pos.y, width: size.width(), height: size.height(), maximized: win.isMaximized() } });
}
