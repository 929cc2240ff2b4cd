// NodeGui on plain Node: the shim loads, Qt's loop runs inside Node's, and both kinds of events are
// delivered together — Node timers keep ticking while Qt delivers its own timer-driven click.
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';
import { QPushButton } from '../../../src/ui/qt';

describe('the Qt runtime on plain Node', () => {
  const runtime = qtRuntime();
  beforeAll(() => runtime.start());
  afterAll(() => runtime.stop());

  test('integrates with GLib (no polling timer) and reports its dispatches', () => {
    const stats = runtime.stats();
    expect(stats.mode).toBe('glib');
    expect(stats.running).toBe(true);
  });

  test('a click Qt delivers from its own timer reaches JS, promise jobs in the handler run, and Node timers tick meanwhile', async () => {
    const button = new QPushButton();
    button.setText('Cancel');
    button.show();
    let nodeTicks = 0;
    const ticker = setInterval(() => nodeTicks++, 5);
    const before = runtime.stats().dispatches;
    try {
      const got = await new Promise<string>((resolve) => {
        button.addEventListener('clicked', () => void Promise.resolve('microtask ran').then(resolve));
        // animateClick() presses now and releases ~100 ms later from a Qt timer: only a live Qt loop delivers it.
        button.animateClick();
      });
      expect(got).toBe('microtask ran');
      expect(nodeTicks).toBeGreaterThan(3);
      expect(runtime.stats().dispatches).toBeGreaterThan(before);
    } finally {
      clearInterval(ticker);
      button.close();
      button.delete();
    }
  });
});
