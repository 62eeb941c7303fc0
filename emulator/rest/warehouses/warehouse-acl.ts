import { ADMINS_GROUP } from '../../identity';

/**
 * SQL warehouse permission levels, weakest first: each includes the ones before it (CAN_MONITOR includes CAN_USE).
 * CAN_VIEW sees the warehouse and may not use it: the SDKs' WarehousePermissionLevel is CAN_VIEW, CAN_USE,
 * CAN_MONITOR, CAN_MANAGE, IS_OWNER (databricks-sdk-py `service/sql.py`; the levels a warehouse offers are served
 * by GET /api/2.0/permissions/warehouses/{id}/permissionLevels, https://docs.databricks.com/api/workspace/warehouses/getpermissionlevels).
 */
export const WAREHOUSE_LEVELS = ['CAN_VIEW', 'CAN_USE', 'CAN_MONITOR', 'CAN_MANAGE', 'IS_OWNER'] as const;
export type WarehouseLevel = (typeof WAREHOUSE_LEVELS)[number];

/** `permission_levels` of the permissionLevels answer: each level with what it allows. */
export const WAREHOUSE_LEVEL_DESCRIPTIONS: Readonly<Record<WarehouseLevel, string>> = {
  CAN_VIEW: 'Can view the warehouse and its details, but not run queries on it',
  CAN_USE: 'Can use the warehouse: start it and run queries',
  CAN_MONITOR: 'Can use the warehouse and view all its queries and its monitoring',
  CAN_MANAGE: 'Can use, edit, stop, delete the warehouse and change its permissions',
  IS_OWNER: 'Owns the warehouse',
};

export type AclPrincipalKind = 'user' | 'group' | 'service-principal';

/** One direct entry: the principal by the name the API shows (user name, group display name, application id). */
export interface WarehouseAclEntry {
  readonly kind: AclPrincipalKind;
  readonly name: string;
  readonly level: WarehouseLevel;
}

/** As on a new Databricks warehouse: its creator owns it and the workspace admins manage it; nobody else may use it. */
export function defaultWarehouseAcl(creatorName: string): readonly WarehouseAclEntry[] {
  return [...(creatorName ? [{ kind: 'user', name: creatorName, level: 'IS_OWNER' } as const] : []), { kind: 'group', name: ADMINS_GROUP, level: 'CAN_MANAGE' }];
}

/** A principal holds one direct level per warehouse, so a PATCH entry replaces that principal's earlier one. */
export function mergeAcl(current: readonly WarehouseAclEntry[], changes: readonly WarehouseAclEntry[]): readonly WarehouseAclEntry[] {
  const key = (e: WarehouseAclEntry) => `${e.kind}:${e.name.toLowerCase()}`;
  const merged = new Map(current.map((e) => [key(e), e]));
  for (const c of changes) merged.set(key(c), c);
  return [...merged.values()];
}

const atLeast = (level: WarehouseLevel, min: WarehouseLevel): boolean => WAREHOUSE_LEVELS.indexOf(level) >= WAREHOUSE_LEVELS.indexOf(min);

/** Whether `name` (of `kind`), or one of `groups` it belongs to, holds `min` or better. */
export function holds(acl: readonly WarehouseAclEntry[], who: { kind: AclPrincipalKind; name: string; groups: ReadonlySet<string> }, min: WarehouseLevel): boolean {
  return acl.some(
    (e) => atLeast(e.level, min) && ((e.kind === who.kind && e.name.toLowerCase() === who.name.toLowerCase()) || (e.kind === 'group' && who.groups.has(e.name))),
  );
}

const FIELD: Record<AclPrincipalKind, string> = { user: 'user_name', group: 'group_name', 'service-principal': 'service_principal_name' };

/** The ObjectPermissions body `GET`/`PATCH /api/2.0/permissions/warehouses/{id}` answer with. */
export function objectPermissions(warehouseId: string, acl: readonly WarehouseAclEntry[]): Record<string, unknown> {
  return {
    object_id: `/sql/warehouses/${warehouseId}`,
    object_type: 'warehouses',
    access_control_list: acl.map((e) => ({ [FIELD[e.kind]]: e.name, all_permissions: [{ permission_level: e.level, inherited: false }] })),
  };
}
