import type { ChangeBus } from './changes';

export interface GrantEntry {
  /** The principal as Unity Catalog shows it (email, group name, application id). */
  readonly principal: string;
  /** Privilege → the principal who granted it (information_schema GRANTOR). */
  readonly privileges: ReadonlyMap<string, string>;
}

/** Direct grants per securable (`KIND:id`), keyed by lower-case principal; and tags per entity. */
export class AclStore {
  private readonly grants = new Map<string, Map<string, GrantEntry>>();
  private readonly tags = new Map<string, Map<string, string>>();
  /** Column tag keys per table id, so dropping a table drops its column tags too. */
  private readonly columnTagKeys = new Map<string, Set<string>>();

  constructor(private readonly bus: ChangeBus) {
    bus.subscribe((change) => {
      if (change.type !== 'deleted') return;
      this.forget(`${change.kind}:${change.id}`);
      for (const key of this.columnTagKeys.get(change.id) ?? []) this.tags.delete(key);
      this.columnTagKeys.delete(change.id);
    });
  }

  grantsOn(securableKey: string): readonly GrantEntry[] {
    return [...(this.grants.get(securableKey)?.values() ?? [])];
  }

  privilegesOf(securableKey: string, principalKey: string): ReadonlyMap<string, string> | undefined {
    return this.grants.get(securableKey)?.get(principalKey)?.privileges;
  }

  /** Replaces a principal's direct privileges on a securable; an empty set removes the principal. */
  setPrivileges(securableKey: string, principal: string, privileges: ReadonlyMap<string, string>): void {
    let entries = this.grants.get(securableKey);
    if (!entries) this.grants.set(securableKey, (entries = new Map()));
    const key = principal.toLowerCase();
    if (privileges.size === 0) entries.delete(key);
    else entries.set(key, { principal: entries.get(key)?.principal ?? principal, privileges: new Map(privileges) });
    if (entries.size === 0) this.grants.delete(securableKey);
    this.bus.emit({ type: 'grants', securableKey });
  }

  allGrants(): IterableIterator<[string, Map<string, GrantEntry>]> {
    return this.grants.entries();
  }

  tagsOf(targetKey: string): ReadonlyMap<string, string> {
    return this.tags.get(targetKey) ?? new Map();
  }

  setTag(targetKey: string, key: string, value: string): void {
    let entries = this.tags.get(targetKey);
    if (!entries) this.tags.set(targetKey, (entries = new Map()));
    entries.set(key, value);
    const column = /^COLUMN:([^:]+):/.exec(targetKey);
    if (column) {
      let keys = this.columnTagKeys.get(column[1]!);
      if (!keys) this.columnTagKeys.set(column[1]!, (keys = new Set()));
      keys.add(targetKey);
    }
    this.bus.emit({ type: 'tags', targetKey });
  }

  unsetTag(targetKey: string, key: string): boolean {
    const entries = this.tags.get(targetKey);
    const removed = entries?.delete(key) ?? false;
    if (entries && entries.size === 0) this.tags.delete(targetKey);
    if (removed) this.bus.emit({ type: 'tags', targetKey });
    return removed;
  }

  allTags(): IterableIterator<[string, Map<string, string>]> {
    return this.tags.entries();
  }

  private forget(key: string): void {
    if (this.grants.delete(key)) this.bus.emit({ type: 'grants', securableKey: key });
    if (this.tags.delete(key)) this.bus.emit({ type: 'tags', targetKey: key });
  }
}
