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

  test('a click Qt delivers from its own timer reaches JS, promise jobs in the handler run, and a Node timer fires meanwhile', async () => {
    const button = new QPushButton();
    button.setText('Cancel');
    button.show();
    const order: string[] = [];
    const before = runtime.stats().dispatches;
    try {
      const got = await new Promise<string>((resolve) => {
        button.addEventListener('clicked', () => {
          order.push('qt click');
          void Promise.resolve('microtask ran').then(resolve);
        });
        // animateClick() presses now and releases ~100 ms later from a Qt timer: only a live Qt loop
        // delivers it. A 10 ms Node timer started now must fire first: both loops run together.
        button.animateClick();
        setTimeout(() => order.push('node timer'), 10);
      });
      expect(got).toBe('microtask ran');
      expect(order).toEqual(['node timer', 'qt click']);
      expect(runtime.stats().dispatches).toBeGreaterThan(before);
    } finally {
      button.close();
      button.delete();
    }
  });
});
