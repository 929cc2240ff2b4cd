// Runs one measurement in a Node process of its own and reads the JSON line it prints last. A fresh
// process is what makes memory figures comparable: a long-lived host (jest's worker after forty
// other suites, or the bench after its extraction section) brings its own heap pages and malloc
// arenas, which moved an in-process "RSS growth over 50 cycles" between -15 and +20 MB for the same code.
import { execFile } from 'child_process';

export interface ChildRunOptions {
  /** Node flags before the script, e.g. --expose-gc. */
  nodeArgs?: string[];
  timeoutMs?: number;
}

export function runJsonChild<T>(script: string, args: string[], label: string, options: ChildRunOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const argv = [...(options.nodeArgs ?? []), script, ...args];
    execFile(process.execPath, argv, { maxBuffer: 16 * 1024 * 1024, timeout: options.timeoutMs ?? 30 * 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${label} failed: ${error.message}\n${stderr}`));
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`${label} printed no result:\n${stdout}\n${stderr}`));
      }
    });
  });
}
