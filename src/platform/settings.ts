// User settings (window geometry, recent files, monitor interval, memory thresholds), kept as JSON
// in the platform's config folder and written atomically.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomicSync } from './atomic-file';

export interface Settings {
  window: { x: number; y: number; width: number; height: number; maximized: boolean } | null;
  recentFiles: string[];
  /** The folder of the last export, where the next one is proposed. */
  exportFolder: string | null;
  monitorIntervalMs: number;
  memoryWarnMb: number;
  memoryCriticalMb: number;
  /** The Plan view as the user left it: open or not, and the colour key. */
  plan: { open: boolean; colourBy: string };
}

export const DEFAULT_SETTINGS: Settings = {
  window: null,
  recentFiles: [],
  exportFolder: null,
  monitorIntervalMs: 30_000,
  memoryWarnMb: 4096,
  memoryCriticalMb: 8192,
  plan: { open: false, colourBy: 'category' },
};

const MAX_RECENT = 10;

export class SettingsStore {
  private value: Settings;
  readonly file: string;

  constructor(configDir: string) {
    this.file = path.join(configDir, 'settings.json');
    this.value = SettingsStore.read(this.file);
  }

  private static read(file: string): Settings {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Settings>;
      return { ...DEFAULT_SETTINGS, ...parsed, recentFiles: Array.isArray(parsed.recentFiles) ? parsed.recentFiles.filter((f) => typeof f === 'string') : [] };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  get(): Readonly<Settings> {
    return this.value;
  }

  update(patch: Partial<Settings>): void {
    this.value = { ...this.value, ...patch };
    writeFileAtomicSync(this.file, JSON.stringify(this.value, null, 2));
  }

  addRecentFile(file: string): void {
    const abs = path.resolve(file);
    this.update({ recentFiles: [abs, ...this.value.recentFiles.filter((f) => f !== abs)].slice(0, MAX_RECENT) });
  }
}
