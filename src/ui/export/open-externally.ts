// Opening an exported file, or its folder, in the program the desktop associates with it: xdg-open
// on Linux (open on macOS, start on Windows). Detached, so the app never waits on the viewer.
import { spawn } from 'child_process';

function command(target: string): { file: string; args: string[] } {
  if (process.platform === 'darwin') return { file: 'open', args: [target] };
  if (process.platform === 'win32') return { file: 'cmd', args: ['/c', 'start', '', target] };
  return { file: 'xdg-open', args: [target] };
}

/** Starts the desktop's viewer for `target`; `onError` hears why it could not (xdg-open missing…). */
export function openExternally(target: string, onError: (message: string) => void): void {
  const { file, args } = command(target);
  try {
    const child = spawn(file, args, { detached: true, stdio: 'ignore' });
    child.once('error', (e: NodeJS.ErrnoException) => onError(e.code === 'ENOENT' ? `${file} is not installed, so the file cannot be opened from here` : `${file} failed: ${e.message}`));
    child.unref();
  } catch (e) {
    onError(`${file} failed: ${(e as Error).message}`);
  }
}
