import type { IntegrationConfig } from '../../../../shared/integration/config';
import type { ValidationFix, ValidationStatus, ValidationTest } from '../../../../shared/integration/validation-types';
import type { SqlSession, WorkspaceConnection } from '../../connection/types';
import { metastoreSummary, type MetastoreSummary } from './uc-lookups';

/** What every check reads, each fetched once however many checks ask (they run concurrently). */
export interface ValidationContext {
  readonly config: IntegrationConfig;
  readonly connection: WorkspaceConnection;
  readonly signal: AbortSignal;
  /** The tag that marks a catalog as this workspace's integration catalog (the planner sets it). */
  readonly ownershipTag: { readonly key: string; readonly value: string };
  sql(): Promise<SqlSession>;
  metastore(): Promise<MetastoreSummary>;
  /** The installer (who is signed in) or one of their groups is `name`: owners may be users or groups. */
  isInstaller(name: string | undefined): boolean;
  close(): Promise<void>;
}

const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
};

export function createValidationContext(o: {
  readonly config: IntegrationConfig;
  readonly connection: WorkspaceConnection;
  readonly signal: AbortSignal;
  readonly ownershipTag: { readonly key: string; readonly value: string };
}): ValidationContext {
  const { connection } = o;
  const sql = once(() => connection.sql(o.config.httpPath));
  const names = new Set([connection.identity.userName, ...connection.identity.groups].map((n) => n.toLowerCase()));
  return {
    ...o,
    sql,
    metastore: once(() => metastoreSummary(connection.rest, o.signal)),
    isInstaller: (name) => name !== undefined && names.has(name.toLowerCase()),
    async close() {
      // Only close a session that was opened; a failed open has nothing to close.
      const opened = await sql().catch(() => undefined);
      await opened?.close();
    },
  };
}

export const test = (id: string, name: string, status: ValidationStatus, reason: string, fix: ValidationFix | null = null): ValidationTest => ({ id, name, status, reason, fix });

export const sqlFix = (sql: readonly string[], who: string): ValidationFix => ({ kind: 'sql', sql: sql.map((s) => `${s};`).join('\n'), who });

export const stepsFix = (...steps: string[]): ValidationFix => ({ kind: 'steps', steps });
