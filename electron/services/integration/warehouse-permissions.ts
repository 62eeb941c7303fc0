import { z } from 'zod';
import { AppFailure, fail } from '../../../shared/result';
import type { RestClient } from '../connection/types';

/**
 * A SQL warehouse's permissions through the Permissions API (`/api/2.0/permissions/warehouses/{id}`). The
 * `databricks-sql-access` entitlement lets a principal use Databricks SQL at all; running SQL on one warehouse also
 * takes CAN_USE on it, which Partner Connect grants its `<PARTNER>_USER` on the chosen warehouse (seed 003).
 */
const BASE = '/api/2.0/permissions/warehouses';

/** Weakest first; each level includes the ones before it (CAN_MONITOR and CAN_MANAGE include CAN_USE). */
const USE_LEVELS = ['CAN_USE', 'CAN_MONITOR', 'CAN_MANAGE', 'IS_OWNER'] as const;

const AclSchema = z.object({
  access_control_list: z
    .array(
      z.object({
        user_name: z.string().optional(),
        group_name: z.string().optional(),
        service_principal_name: z.string().optional(),
        all_permissions: z.array(z.object({ permission_level: z.string() })).default([]),
      }),
    )
    .default([]),
});
type Acl = z.output<typeof AclSchema>;

/** Whom an ACL lets use the warehouse and how: the strongest use level per principal. */
export interface UseGrant {
  readonly level: string;
  /** `directly`, or `through the group <name>`. */
  readonly via: string;
}

const pathOf = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export function readWarehouseAcl(rest: RestClient, warehouseId: string, signal?: AbortSignal): Promise<Acl> {
  return rest.request({ method: 'GET', path: pathOf(warehouseId), schema: AclSchema, what: 'Reading the SQL warehouse\u2019s permissions', ...(signal ? { signal } : {}) });
}

const strongest = (levels: readonly string[]): string | undefined =>
  [...USE_LEVELS].reverse().find((l) => levels.includes(l));

/**
 * How the service principal may use the warehouse: a direct entry, else the `users` group every principal is in,
 * else one of `groups` (its direct groups). Undefined when none grants a use level.
 */
export function useGrantOf(acl: Acl, applicationId: string, groups: readonly string[] = []): UseGrant | undefined {
  const levelsOf = (match: (e: Acl['access_control_list'][number]) => boolean) => acl.access_control_list.filter(match).flatMap((e) => e.all_permissions.map((p) => p.permission_level));
  const direct = strongest(levelsOf((e) => e.service_principal_name?.toLowerCase() === applicationId.toLowerCase()));
  if (direct) return { level: direct, via: 'directly' };
  for (const group of ['users', ...groups]) {
    const level = strongest(levelsOf((e) => e.group_name === group));
    if (level) return { level, via: `through the group ${group}` };
  }
  return undefined;
}

/**
 * Whether one of `names` (the installer and their groups) may change the warehouse's permissions: workspace admins
 * (the `admins` group) and CAN_MANAGE holders may (SQL warehouse ACLs,
 * https://docs.databricks.com/aws/en/security/auth/access-control/#sql-warehouse-acls).
 */
export function mayManageWarehouse(acl: Acl, names: readonly string[]): boolean {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  if (lower.has('admins')) return true;
  return acl.access_control_list.some(
    (e) =>
      [e.user_name, e.group_name, e.service_principal_name].some((n) => n !== undefined && lower.has(n.toLowerCase())) &&
      e.all_permissions.some((p) => p.permission_level === 'CAN_MANAGE' || p.permission_level === 'IS_OWNER'),
  );
}

/** What someone allowed to must do by hand, in the workspace UI. */
export function canUseSteps(warehouseId: string, principal: string): string[] {
  return [
    `A workspace admin, or someone with CAN MANAGE on the warehouse, must give ${principal} \u201cCan use\u201d on it:`,
    `In the workspace, open SQL Warehouses, click the warehouse (id ${warehouseId}), then Permissions.`,
    `Type ${principal}, choose \u201cCan use\u201d, click Add, then Save.`,
  ];
}

/**
 * Gives the service principal CAN_USE on the warehouse, once: it reads the ACL first because PATCH replaces a
 * principal's direct level, so an existing CAN_MANAGE would otherwise be lowered. 403 becomes the steps to ask for it.
 */
export async function grantWarehouseUse(
  rest: RestClient,
  o: { readonly warehouseId: string; readonly applicationId: string; readonly displayName: string },
  signal?: AbortSignal,
): Promise<'already' | 'granted'> {
  const principal = `${o.displayName} (${o.applicationId})`;
  try {
    const acl = await readWarehouseAcl(rest, o.warehouseId, signal);
    if (useGrantOf(acl, o.applicationId)?.via === 'directly') return 'already';
    await rest.request({
      method: 'PATCH',
      path: pathOf(o.warehouseId),
      body: { access_control_list: [{ service_principal_name: o.applicationId, permission_level: 'CAN_USE' }] },
      schema: z.unknown(),
      what: 'Letting the service principal use the SQL warehouse',
      ...(signal ? { signal } : {}),
    });
    return 'granted';
  } catch (e) {
    if (e instanceof AppFailure && e.error.code === 'FORBIDDEN') {
      return fail('FORBIDDEN', `You may not let ${principal} use the SQL warehouse ${o.warehouseId}.`, canUseSteps(o.warehouseId, principal).join(' '));
    }
    throw e;
  }
}
