// Every live worker, timer, listener, operation and cache is registered here while it exists, so
// the resource monitor can count them and find orphans: resources still alive whose owner has
// been disposed or garbage-collected.
import { leakTracker } from './leak-tracker';

export type ResourceKind = 'worker' | 'timer' | 'listener' | 'operation' | 'cache' | 'qt-object';

export interface ResourceInfo {
  readonly id: number;
  readonly kind: ResourceKind;
  readonly label: string;
  readonly createdAt: number;
  readonly detail?: Record<string, unknown>;
}

export interface OrphanInfo extends ResourceInfo {
  reason: string;
}

interface Entry extends ResourceInfo {
  owner?: WeakRef<object>;
}

export interface ResourceRegistration {
  readonly id: number;
  dispose(): void;
  /** Extra facts shown in diagnostics (thread id, file, size). */
  update(detail: Record<string, unknown>): void;
}

export class ResourceRegistry {
  private nextId = 1;
  private readonly entries = new Map<number, Entry>();

  /** `owner`: the object whose dispose must end this resource; when it is disposed or collected while the resource lives on, the resource is an orphan. */
  register(kind: ResourceKind, label: string, owner?: object, detail?: Record<string, unknown>): ResourceRegistration {
    const id = this.nextId++;
    this.entries.set(id, { id, kind, label, createdAt: Date.now(), owner: owner ? new WeakRef(owner) : undefined, detail });
    let done = false;
    return {
      id,
      dispose: () => {
        if (done) return;
        done = true;
        this.entries.delete(id);
      },
      update: (more) => {
        const e = this.entries.get(id);
        if (e) this.entries.set(id, { ...e, detail: { ...e.detail, ...more } });
      },
    };
  }

  count(kind?: ResourceKind): number {
    if (!kind) return this.entries.size;
    let n = 0;
    for (const e of this.entries.values()) if (e.kind === kind) n++;
    return n;
  }

  counts(): Record<ResourceKind, number> {
    const out: Record<ResourceKind, number> = { worker: 0, timer: 0, listener: 0, operation: 0, cache: 0, 'qt-object': 0 };
    for (const e of this.entries.values()) out[e.kind]++;
    return out;
  }

  list(kind?: ResourceKind): ResourceInfo[] {
    return [...this.entries.values()].filter((e) => !kind || e.kind === kind).map(({ owner: _owner, ...info }) => info);
  }

  /** Resources alive although their owner is gone or disposed. */
  orphans(): OrphanInfo[] {
    const out: OrphanInfo[] = [];
    for (const { owner, ...info } of this.entries.values()) {
      if (!owner) continue;
      const o = owner.deref();
      if (o === undefined) out.push({ ...info, reason: 'its owner was garbage-collected without releasing it' });
      else if (leakTracker.isDisposed(o)) out.push({ ...info, reason: 'its owner was disposed without releasing it' });
    }
    return out;
  }
}

export const resourceRegistry = new ResourceRegistry();
