import type { Caller } from '../contracts';
import type { SqlSession } from '../sql/engine/session';
import { uuidBytes, type Operation } from './operation';

export interface SessionEntry {
  readonly session: SqlSession;
  readonly guid: Buffer;
  readonly secret: Buffer;
  readonly warehouseId: string;
  /** Session configuration from OpenSession (the driver's `configuration` map). */
  readonly configuration: Readonly<Record<string, string>>;
  readonly operations: Map<string, Operation>;
}

/** Open sessions and their operations, by handle GUID. A handle only works for the principal that opened it. */
export class SessionRegistry {
  private readonly sessions = new Map<string, SessionEntry>();

  open(caller: Caller, warehouseId: string, catalog: string, schema: string, configuration: Readonly<Record<string, string>>): SessionEntry {
    const guid = uuidBytes();
    const entry: SessionEntry = {
      session: { id: guid.toString('hex'), caller, catalog, schema },
      guid,
      secret: uuidBytes(),
      warehouseId,
      configuration,
      operations: new Map(),
    };
    this.sessions.set(entry.session.id, entry);
    return entry;
  }

  get(guid: Buffer | undefined, caller: Caller): SessionEntry | undefined {
    const entry = guid ? this.sessions.get(guid.toString('hex')) : undefined;
    return entry && entry.session.caller.principal.id === caller.principal.id ? entry : undefined;
  }

  operation(guid: Buffer | undefined, caller: Caller): { entry: SessionEntry; op: Operation } | undefined {
    if (!guid) return undefined;
    const key = guid.toString('hex');
    for (const entry of this.sessions.values()) {
      const op = entry.operations.get(key);
      if (op) return entry.session.caller.principal.id === caller.principal.id ? { entry, op } : undefined;
    }
    return undefined;
  }

  close(entry: SessionEntry): void {
    for (const op of entry.operations.values()) op.close();
    this.sessions.delete(entry.session.id);
  }

  closeAll(): void {
    for (const entry of [...this.sessions.values()]) this.close(entry);
  }
}
