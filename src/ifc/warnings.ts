// Collects what the user should know about a model that opened anyway. Repeats of the same warning
// are folded into one entry with a count, so a file with 10 000 bad points yields one line, not 10 000.
import { ExtractionWarning, WarningCode } from '../core/schedule/model';

export class WarningCollector {
  private readonly byKey = new Map<string, ExtractionWarning>();

  /** `key` groups repeats; by default code + message. The first entity id seen is kept. `times`: occurrences at once. */
  add(code: WarningCode, message: string, expressId?: number, key = `${code}|${message}`, times = 1): void {
    const existing = this.byKey.get(key);
    if (existing) {
      existing.count += times;
      return;
    }
    this.byKey.set(key, expressId === undefined ? { code, message, count: times } : { code, message, expressId, count: times });
  }

  list(): ExtractionWarning[] {
    return [...this.byKey.values()];
  }
}
