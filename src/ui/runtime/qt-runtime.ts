// Runs Qt's event loop inside Node's: Debian's Qt dispatches through GLib, and the shim drives
// GLib's main context from libuv (no polling; ~0.1 % CPU idle). A fallback pumps processEvents()
// on a timer where GLib is not available (QT_NO_GLIB=1, or IFC_RS_QT_LOOP=pump).
import { qodeShim } from './load-shim';
import { QApplication, QWidget, WidgetEventTypes } from '../qt';

export type LoopMode = 'glib' | 'pump';

export interface QtRuntimeStats {
  mode: LoopMode;
  dispatches: number;
  watchedFds: number;
  running: boolean;
}

class QtRuntime {
  private pumpTimer: NodeJS.Timeout | undefined;
  private started = false;
  mode: LoopMode = 'glib';
  readonly app: QApplication;

  constructor() {
    this.app = QApplication.instance();
    // Our _exit hook must be installed after nodegui_core loaded, so it runs before NodeGui's
    // finalizers at teardown (they would call into a dying JS engine and abort with 134).
    qodeShim.setExitCode(0);
    process.on('exit', (code) => qodeShim.setExitCode(code));
    // Qt honours quit()/exit() and emits lastWindowClosed only inside QApplication::exec(), which
    // never runs here (it would block Node): make them stop our integration instead.
    const stop = () => this.stop();
    QApplication.prototype.quit = function quit() {
      stop();
      return 0;
    };
    QApplication.prototype.exit = function exit(code: number) {
      process.exitCode = code;
      stop();
      return code;
    };
  }

  start(preferred: LoopMode = (process.env.IFC_RS_QT_LOOP as LoopMode) || 'glib'): LoopMode {
    if (this.started) return this.mode;
    this.started = true;
    this.mode = preferred === 'glib' && !process.env.QT_NO_GLIB && qodeShim.start() ? 'glib' : 'pump';
    if (this.mode === 'pump') {
      const ms = Number(process.env.IFC_RS_QT_PUMP_MS || 10);
      this.pumpTimer = setInterval(() => this.app.processEvents(), ms);
    }
    return this.mode;
  }

  /** Stops driving Qt; Node exits once nothing else keeps it alive. Idempotent. */
  stop(): void {
    if (this.pumpTimer) clearInterval(this.pumpTimer);
    this.pumpTimer = undefined;
    qodeShim.stop();
    this.started = false;
  }

  /** Calls `onClose` when the window closes (Qt's lastWindowClosed never fires without exec()). */
  onWindowClosed(win: QWidget, onClose: () => void): void {
    win.addEventListener(WidgetEventTypes.Close, onClose);
  }

  stats(): QtRuntimeStats {
    const s = qodeShim.stats();
    return { mode: this.mode, dispatches: s.dispatches, watchedFds: s.fds, running: s.running || this.pumpTimer !== undefined };
  }
}

let runtime: QtRuntime | undefined;

/** The process's Qt runtime (one QApplication per process). */
export function qtRuntime(): QtRuntime {
  if (!runtime) runtime = new QtRuntime();
  return runtime;
}

export type { QtRuntime };
