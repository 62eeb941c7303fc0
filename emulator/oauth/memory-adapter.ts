import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  readonly payload: AdapterPayload;
  /** Epoch ms; undefined = no expiry. */
  readonly expiresAt?: number;
}

export interface AdapterEntrySnapshot {
  readonly key: string;
  readonly payload: AdapterPayload;
  readonly expiresAt?: number;
}

/**
 * oidc-provider's storage (sessions, grants, codes, refresh tokens, interactions), one Map for all models. Unlike the
 * library's development adapter it can be snapshotted to the data dir (refresh tokens survive a restart) and wiped
 * (the "revoke every token" fault).
 */
export class OAuthStorage {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(snapshot: readonly AdapterEntrySnapshot[] = []) {
    for (const e of snapshot) this.entries.set(e.key, e.expiresAt === undefined ? { payload: e.payload } : e);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  adapterFor(model: string): Adapter {
    return new ModelAdapter(this, model);
  }

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: AdapterPayload, expiresInSeconds?: number): void {
    this.entries.set(key, expiresInSeconds ? { payload, expiresAt: Date.now() + expiresInSeconds * 1000 } : { payload });
    this.emit();
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.emit();
  }

  findKey(predicate: (key: string, payload: AdapterPayload) => boolean): string | undefined {
    for (const [key, entry] of this.entries) if (predicate(key, entry.payload)) return key;
    return undefined;
  }

  deleteWhere(predicate: (key: string, payload: AdapterPayload) => boolean): void {
    let changed = false;
    for (const [key, entry] of this.entries) {
      if (predicate(key, entry.payload)) changed = this.entries.delete(key) || changed;
    }
    if (changed) this.emit();
  }

  /** Forgets every session, grant, code and refresh token. */
  clear(): void {
    this.entries.clear();
    this.emit();
  }

  snapshot(): readonly AdapterEntrySnapshot[] {
    const now = Date.now();
    return [...this.entries]
      .filter(([, e]) => e.expiresAt === undefined || e.expiresAt > now)
      .map(([key, e]) => ({ key, ...e }));
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

class ModelAdapter implements Adapter {
  constructor(
    private readonly storage: OAuthStorage,
    private readonly model: string,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    this.storage.set(this.key(id), payload, expiresIn);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.storage.get(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const key = this.storage.findKey((k, p) => k.startsWith(`${this.model}:`) && p.uid === uid);
    return key === undefined ? undefined : this.storage.get(key);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const key = this.storage.findKey((k, p) => k.startsWith(`${this.model}:`) && p.userCode === userCode);
    return key === undefined ? undefined : this.storage.get(key);
  }

  async consume(id: string): Promise<void> {
    const payload = this.storage.get(this.key(id));
    if (payload) this.storage.set(this.key(id), { ...payload, consumed: Math.floor(Date.now() / 1000) }, remaining(payload));
  }

  async destroy(id: string): Promise<void> {
    this.storage.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.storage.deleteWhere((k, p) => k.startsWith(`${this.model}:`) && p.grantId === grantId);
  }
}

/** Seconds left before a payload's `exp`, so consuming keeps the original expiry. */
function remaining(payload: AdapterPayload): number | undefined {
  return payload.exp === undefined ? undefined : Math.max(1, payload.exp - Math.floor(Date.now() / 1000));
}
