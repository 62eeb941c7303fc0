/**
 * The privilege catalogue of privilege model 1.0 (reference §1.9, R12): which privileges each securable accepts,
 * counting those granted on a container for inheritance by its children. Names use the REST spelling
 * (`USE_CATALOG`); SQL spells them with spaces, and both are accepted on input.
 */
export type SecurableKind = 'METASTORE' | 'CATALOG' | 'SCHEMA' | 'TABLE' | 'VIEW' | 'VOLUME' | 'FUNCTION';

const METASTORE = [
  'CREATE_CATALOG', 'CREATE_CLEAN_ROOM', 'CREATE_CONNECTION', 'CREATE_EXTERNAL_LOCATION', 'CREATE_EXTERNAL_METADATA',
  'CREATE_PROVIDER', 'CREATE_RECIPIENT', 'CREATE_SHARE', 'CREATE_SERVICE_CREDENTIAL', 'CREATE_STORAGE_CREDENTIAL',
  'MANAGE_ALLOWLIST', 'SET_SHARE_PERMISSION', 'USE_MARKETPLACE_ASSETS', 'USE_PROVIDER', 'USE_RECIPIENT', 'USE_SHARE',
] as const;

/** Privileges a schema accepts for its children (reference §1.9, "also grantable here for inheritance"). */
const FOR_CHILDREN_OF_SCHEMA = ['SELECT', 'MODIFY', 'EXECUTE', 'REFRESH', 'READ_VOLUME', 'WRITE_VOLUME'] as const;
const SCHEMA_OWN = [
  'ALL_PRIVILEGES', 'APPLY_TAG', 'CREATE_FUNCTION', 'CREATE_TABLE', 'CREATE_VOLUME', 'CREATE_MATERIALIZED_VIEW',
  'CREATE_MODEL', 'MANAGE', 'USE_SCHEMA', 'EXTERNAL_USE_SCHEMA',
] as const;
const CATALOG_OWN = ['ALL_PRIVILEGES', 'APPLY_TAG', 'BROWSE', 'CREATE_SCHEMA', 'MANAGE', 'USE_CATALOG'] as const;

export const GRANTABLE: Readonly<Record<SecurableKind, ReadonlySet<string>>> = {
  METASTORE: new Set(METASTORE),
  CATALOG: new Set([...CATALOG_OWN, ...SCHEMA_OWN.filter((p) => p !== 'EXTERNAL_USE_SCHEMA'), ...FOR_CHILDREN_OF_SCHEMA, 'EXTERNAL_USE_SCHEMA']),
  SCHEMA: new Set([...SCHEMA_OWN, ...FOR_CHILDREN_OF_SCHEMA]),
  TABLE: new Set(['ALL_PRIVILEGES', 'APPLY_TAG', 'MANAGE', 'SELECT', 'MODIFY']),
  VIEW: new Set(['ALL_PRIVILEGES', 'APPLY_TAG', 'MANAGE', 'SELECT']),
  VOLUME: new Set(['ALL_PRIVILEGES', 'APPLY_TAG', 'MANAGE', 'READ_VOLUME', 'WRITE_VOLUME']),
  FUNCTION: new Set(['ALL_PRIVILEGES', 'EXECUTE', 'MANAGE']),
};

/**
 * `ALL PRIVILEGES` is evaluated lazily and never includes MANAGE or the EXTERNAL USE privileges (reference §0.3,
 * R12), so it stays one stored grant and is expanded only when a check asks for a concrete privilege.
 */
export function allPrivilegesCovers(privilege: string): boolean {
  return privilege !== 'MANAGE' && privilege !== 'EXTERNAL_USE_SCHEMA' && privilege !== 'EXTERNAL_USE_LOCATION';
}

/** `USE CATALOG` → `USE_CATALOG`; also accepts the REST spelling and any case. Undefined when unknown. */
export function normalizePrivilege(text: string): string | undefined {
  const name = text.trim().toUpperCase().replace(/\s+/g, '_');
  if (name === 'ALL' || name === 'ALL_PRIVILEGES') return 'ALL_PRIVILEGES';
  for (const set of Object.values(GRANTABLE)) if (set.has(name)) return name;
  return undefined;
}

/** SQL spelling for SHOW GRANTS (`actionType` uses spaces, R10). */
export const sqlPrivilegeName = (privilege: string): string => privilege.replaceAll('_', ' ');

/** Privileges that count as "interacting with" a table for information_schema visibility (R30: rows are limited). */
export const TABLE_VISIBILITY_PRIVILEGES: readonly string[] = ['ALL_PRIVILEGES', 'SELECT', 'MODIFY', 'MANAGE', 'APPLY_TAG', 'BROWSE'];
