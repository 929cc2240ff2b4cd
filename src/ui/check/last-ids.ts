// The IDS file last checked against each model, by the model's SHA-256 (like its notes), so
// Tools → Check requirements… offers it again the next time the same model is open. One small JSON
// file in the app's data folder, written atomically.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomicSync } from '../../platform/atomic-file';

const FILE = 'last-ids.json';
/** Enough for every model a coordinator works on; the oldest are forgotten first. */
const MAX_MODELS = 200;

export class LastIdsFiles {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, FILE);
  }

  private read(): Record<string, string> {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  /** The last IDS for the model, when it still exists. */
  get(modelSha256: string): string | undefined {
    const p = this.read()[modelSha256];
    return typeof p === 'string' && fs.existsSync(p) ? p : undefined;
  }

  set(modelSha256: string, idsPath: string): void {
    const all = this.read();
    delete all[modelSha256];
    const entries = [...Object.entries(all), [modelSha256, path.resolve(idsPath)] as const].slice(-MAX_MODELS);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomicSync(this.file, JSON.stringify(Object.fromEntries(entries), null, 2));
  }
}
