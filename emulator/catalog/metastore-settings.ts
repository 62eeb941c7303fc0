import type { ChangeBus } from './changes';

/** States of the SystemSchemas API (reference §3.4, R36). */
export type SystemSchemaState = 'AVAILABLE' | 'ENABLE_INITIALIZED' | 'ENABLE_COMPLETED' | 'DISABLE_INITIALIZED' | 'UNAVAILABLE' | 'MANAGED';

/** System schemas a metastore offers; `information_schema` is always on and not listed by the API. */
export const SYSTEM_SCHEMAS: readonly string[] = ['access', 'billing', 'compute', 'lakeflow', 'marketplace', 'query', 'storage'];

export interface MetastoreSettingsState {
  readonly owner: string;
  readonly systemSchemas: Readonly<Record<string, SystemSchemaState>>;
  readonly createdAt: number;
}

/** Metastore-wide settings that are not securables: its owner and which system schemas are enabled. */
export class MetastoreSettings {
  private state: MetastoreSettingsState;

  constructor(
    private readonly bus: ChangeBus,
    owner: string,
    now: number,
  ) {
    this.state = { owner, createdAt: now, systemSchemas: Object.fromEntries(SYSTEM_SCHEMAS.map((s) => [s, 'AVAILABLE'])) };
  }

  get owner(): string {
    return this.state.owner;
  }

  get createdAt(): number {
    return this.state.createdAt;
  }

  systemSchemaState(schema: string): SystemSchemaState | undefined {
    return this.state.systemSchemas[schema];
  }

  setSystemSchema(schema: string, state: SystemSchemaState): void {
    this.state = { ...this.state, systemSchemas: { ...this.state.systemSchemas, [schema]: state } };
    this.bus.emit({ type: 'settings' });
  }

  setOwner(owner: string): void {
    this.state = { ...this.state, owner };
    this.bus.emit({ type: 'settings' });
  }

  snapshot(): MetastoreSettingsState {
    return this.state;
  }

  restore(state: MetastoreSettingsState): void {
    this.state = { ...state, systemSchemas: { ...this.state.systemSchemas, ...state.systemSchemas } };
  }
}
