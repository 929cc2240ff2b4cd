// A disk that fills up or turns read-only on cue, for the stories of writers meeting a failing
// disk. As root (CI) it is a real 64 KiB tmpfs: "full" fills it with a filler file until ENOSPC,
// "read-only" remounts it ro, so the kernel gives every writer (streams, sync calls, exceljs,
// winston) the real errors. Without mount permission it injects the same errno codes into Node's fs
// functions for the duration of the act (in-process writers only; process stories then skip).
import { execFileSync } from 'child_process';
// The module object itself (not an import-star copy of getters), so patches reach every caller.
import fs = require('fs');
import * as os from 'os';
import * as path from 'path';

export type DiskMode = 'tmpfs' | 'injected';

export interface SmallDisk {
  dir: string;
  mode: DiskMode;
  /** Runs `act` while the disk has (at most) `freeBytes` left. */
  whileFull<T>(act: () => Promise<T> | T, freeBytes?: number): Promise<T>;
  /** Runs `act` while the disk is read-only. */
  whileReadOnly<T>(act: () => Promise<T> | T): Promise<T>;
  dispose(): void;
}

function tryMount(dir: string, sizeKb: number): boolean {
  // SMALL_DISK=injected runs the injected variant as root too (to check it still tells the truth).
  if (process.getuid?.() !== 0 || process.env.SMALL_DISK === 'injected') return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function errno(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected by the test, ${syscall}`), { code, syscall, errno: -1 });
}

type Patch = [object, string, (original: (...args: never[]) => unknown) => (...args: never[]) => unknown];

/** Replaces fs functions that write (or open for writing) with failing ones; returns the undo. */
async function inject(code: 'ENOSPC' | 'EROFS'): Promise<() => void> {
  const probe = await fs.promises.open(os.devNull, 'r');
  const fileHandleProto = Object.getPrototypeOf(probe) as object;
  await probe.close();
  const writing = (flags: unknown) => typeof flags === 'string' && /[wa+]/.test(flags);
  const fail = (name: string) => () => {
    throw errno(code, name);
  };
  const failAsync = (name: string) => () => Promise.reject(errno(code, name));
  const patches: Patch[] = [
    [fs, 'writeSync', () => fail('write')],
    [fs, 'writeFileSync', () => fail('write')],
    [fs, 'write', () => (...args: never[]) => (args[args.length - 1] as unknown as (e: Error) => void)(errno(code, 'write'))],
    [fs, 'writev', () => (...args: never[]) => (args[args.length - 1] as unknown as (e: Error) => void)(errno(code, 'writev'))],
    [fs.promises, 'writeFile', () => failAsync('write')],
  ];
  if (code === 'EROFS') {
    patches.push(
      [fs, 'openSync', (orig) => (...args: never[]) => (writing(args[1]) ? fail('open')() : orig(...args))],
      [fs.promises, 'open', (orig) => (...args: never[]) => (writing(args[1]) ? failAsync('open')() : orig(...args))],
      // As the kernel does: mkdir -p of a folder that exists succeeds even on a read-only disk.
      [fs, 'mkdirSync', () => (...args: never[]) => (fs.existsSync(args[0] as string) ? undefined : fail('mkdir')())],
      [fs, 'renameSync', () => fail('rename')],
    );
  }
  // A FileHandle's writes (FileSink's), reached through an open handle's prototype.
  patches.push([fileHandleProto, 'write', () => failAsync('write')], [fileHandleProto, 'writev', () => failAsync('writev')], [fileHandleProto, 'writeFile', () => failAsync('write')]);
  const undo: (() => void)[] = [];
  for (const [target, name, make] of patches) {
    const t = target as Record<string, (...args: never[]) => unknown>;
    const original = t[name];
    t[name] = make(original.bind(target));
    undo.push(() => (t[name] = original));
  }
  return () => undo.reverse().forEach((u) => u());
}

async function injected<T>(code: 'ENOSPC' | 'EROFS', act: () => Promise<T> | T): Promise<T> {
  const undo = await inject(code);
  try {
    return await act();
  } finally {
    undo();
  }
}

export function smallDisk(prefix: string, sizeKb = 64): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ifcrs-${prefix}-`));
  const mounted = tryMount(dir, sizeKb);
  const filler = path.join(dir, '.filler');
  return {
    dir,
    mode: mounted ? 'tmpfs' : 'injected',
    async whileFull(act, freeBytes = 0) {
      if (!mounted) return injected('ENOSPC', act);
      const fd = fs.openSync(filler, 'w');
      try {
        const chunk = Buffer.alloc(1024);
        // Fill in 1 KiB steps, then give back what the story asks for.
        for (;;) {
          try {
            fs.writeSync(fd, chunk);
          } catch {
            break;
          }
        }
        if (freeBytes > 0) fs.ftruncateSync(fd, Math.max(0, fs.fstatSync(fd).size - freeBytes));
      } finally {
        fs.closeSync(fd);
      }
      try {
        return await act();
      } finally {
        fs.rmSync(filler, { force: true });
      }
    },
    async whileReadOnly(act) {
      if (!mounted) return injected('EROFS', act);
      execFileSync('mount', ['-o', 'remount,ro', dir]);
      try {
        return await act();
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', dir]);
      }
    },
    dispose() {
      // Only what is still mounted is unmounted: seen in a CI run, the tmpfs was already gone at
      // dispose (umount: "no mount point specified"), which failed a story whose assertions had passed.
      if (mounted && isMountPoint(dir)) execFileSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether `dir` is a mount point now, by /proc/self/mounts (the mount table of this process). */
function isMountPoint(dir: string): boolean {
  const real = fs.realpathSync(dir);
  return fs.readFileSync('/proc/self/mounts', 'utf8').split('\n').some((line) => line.split(' ')[1] === real);
}
