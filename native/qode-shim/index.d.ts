export interface QodeShimStats {
  /** GLib dispatches run from libuv since start. */
  dispatches: number;
  /** File descriptors GLib asked us to watch right now. */
  fds: number;
  /** Whether NodeGui injected its own run loop (it never does under plain Node). */
  runLoopInjected: boolean;
  /** Whether the GLib integration is running. */
  running: boolean;
}
export interface QodeShim {
  /** Starts driving GLib's default main context from libuv. False when GLib is not available. */
  start(): boolean;
  /** Stops the integration; the process may then exit once libuv is idle. Idempotent. */
  stop(): void;
  stats(): QodeShimStats;
  /** Installs the env-cleanup hook that _exit()s with this code before NodeGui's finalizers run. */
  setExitCode(code: number): void;
}
export const qodePath: string;
export function load(): QodeShim;
