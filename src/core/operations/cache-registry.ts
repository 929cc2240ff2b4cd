// Caches and loaded models that "free memory" may release. Whoever owns a cache registers it and
// disposes the registration with the cache; the registry never owns the data itself.
import { IDisposable, toDisposable } from '../lifecycle/disposable';
import { resourceRegistry } from '../lifecycle/resource-registry';

export interface ClearableCache {
  clear(): void;
  /** Bytes held, when the cache can tell (shown in Diagnostics and in what "free memory" reports). */
  sizeBytes?(): number;
}

export interface CacheClearResult {
  name: string;
  bytesBefore?: number;
  error?: string;
}

/** Drops the open model (the UI's schedule, the worker's parsed data); registered by the composition root. */
export type ModelDropper = () => void | Promise<void>;

export class CacheRegistry {
  private readonly caches = new Map<number, { name: string; cache: ClearableCache }>();
  private readonly droppers = new Map<number, { name: string; drop: ModelDropper }>();
  private nextId = 1;

  registerCache(name: string, cache: ClearableCache): IDisposable {
    const id = this.nextId++;
    const registration = resourceRegistry.register('cache', name);
    this.caches.set(id, { name, cache });
    return toDisposable(() => {
      this.caches.delete(id);
      registration.dispose();
    }, `cache:${name}`);
  }

  registerModelDropper(name: string, drop: ModelDropper): IDisposable {
    const id = this.nextId++;
    this.droppers.set(id, { name, drop });
    return toDisposable(() => this.droppers.delete(id), `model-dropper:${name}`);
  }

  get cacheCount(): number {
    return this.caches.size;
  }

  totalBytes(): number {
    let n = 0;
    for (const { cache } of this.caches.values()) n += safeSize(cache) ?? 0;
    return n;
  }

  /** Clears every cache; one failing cache does not stop the others. */
  clearAll(): CacheClearResult[] {
    const out: CacheClearResult[] = [];
    for (const { name, cache } of this.caches.values()) {
      const bytesBefore = safeSize(cache);
      try {
        cache.clear();
        out.push({ name, bytesBefore });
      } catch (e) {
        out.push({ name, bytesBefore, error: e instanceof Error ? e.message : String(e) });
      }
    }
    return out;
  }

  async dropModels(): Promise<{ name: string; error?: string }[]> {
    const out: { name: string; error?: string }[] = [];
    for (const { name, drop } of [...this.droppers.values()]) {
      try {
        await drop();
        out.push({ name });
      } catch (e) {
        out.push({ name, error: e instanceof Error ? e.message : String(e) });
      }
    }
    return out;
  }
}

function safeSize(cache: ClearableCache): number | undefined {
  try {
    return cache.sizeBytes?.();
  } catch {
    return undefined;
  }
}

export const cacheRegistry = new CacheRegistry();

export function registerCache(name: string, cache: ClearableCache): IDisposable {
  return cacheRegistry.registerCache(name, cache);
}

export function registerModelDropper(name: string, drop: ModelDropper): IDisposable {
  return cacheRegistry.registerModelDropper(name, drop);
}
