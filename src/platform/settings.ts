// User settings (window geometry, recent files, monitor interval, memory thresholds), kept as JSON
// in the platform's config folder and written atomically.
import * as fs from 'fs';
import * as path from 'path';
import { errnoCode, fileErrorReason } from '../core/files/file-errors';
import { OperationError } from '../core/operations/operation-error';
import { writeFileAtomicSync } from './atomic-file';
import { log } from './logging';

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
  /** Why the file is not written (it exists but could not be read: writing would lose what it holds). */
  readonly readProblem: string | undefined;
  /** The last failed write (a full or read-only disk): the settings stay in memory for this session. */
  lastError: OperationError | undefined;

  constructor(configDir: string) {
    this.file = path.join(configDir, 'settings.json');
    let text: string | undefined;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') this.readProblem = fileErrorReason(e, 'read').why;
    }
    this.value = text === undefined ? { ...DEFAULT_SETTINGS } : SettingsStore.parse(text);
    if (this.readProblem) log().warn(`settings: ${this.file} could not be read (${this.readProblem}); using defaults and leaving the file as it is`);
  }

  private static parse(text: string): Settings {
    try {
      const parsed = JSON.parse(text) as Partial<Settings>;
      return { ...DEFAULT_SETTINGS, ...parsed, recentFiles: Array.isArray(parsed.recentFiles) ? parsed.recentFiles.filter((f) => typeof f === 'string') : [] };
    } catch {
      // A damaged settings file is only preferences: the next write replaces it with good ones.
      return { ...DEFAULT_SETTINGS };
    }
  }

  get(): Readonly<Settings> {
    return this.value;
  }

  /** Changes the settings; a failed write is logged and kept in lastError, never thrown (settings are never worth a crash). */
  update(patch: Partial<Settings>): void {
    this.value = { ...this.value, ...patch };
    if (this.readProblem) return;
    try {
      writeFileAtomicSync(this.file, JSON.stringify(this.value, null, 2));
      this.lastError = undefined;
    } catch (e) {
      if (!this.lastError) log().warn(`settings: could not be saved: ${(e as Error).message}`);
      this.lastError = e as OperationError;
    }
  }

  addRecentFile(file: string): void {
    const abs = path.resolve(file);
    this.update({ recentFiles: [abs, ...this.value.recentFiles.filter((f) => f !== abs)].slice(0, MAX_RECENT) });
  }
}
