import { z } from 'zod';
import type { Caller, RestResponse, RestRoute } from '../../contracts';
import { databricksError } from '../../http/errors';
import { USERS_GROUP, type Identities } from '../../identity';
import { doesNotExist, invalidParameter } from '../access';
import type { WarehouseRegistry } from './registry';
import { holds, mergeAcl, objectPermissions, WAREHOUSE_LEVEL_DESCRIPTIONS, WAREHOUSE_LEVELS, type AclPrincipalKind, type WarehouseAclEntry } from './warehouse-acl';

const BASE = '/api/2.0/permissions/warehouses';

// PATCH grants levels below ownership; the sandbox does not model transferring a warehouse's owner.
const Level = z.enum(['CAN_VIEW', 'CAN_MONITOR', 'CAN_USE', 'CAN_MANAGE']);
const EntrySchema = z.union([
  z.object({ user_name: z.string().min(1), permission_level: Level }).strict(),
  z.object({ group_name: z.string().min(1), permission_level: Level }).strict(),
  z.object({ service_principal_name: z.string().min(1), permission_level: Level }).strict(),
]);
const PatchSchema = z.object({ access_control_list: z.array(EntrySchema).min(1) });
type Entry = z.output<typeof EntrySchema>;

const requested = (e: Entry): { kind: AclPrincipalKind; name: string } =>
  'user_name' in e ? { kind: 'user', name: e.user_name } : 'group_name' in e ? { kind: 'group', name: e.group_name } : { kind: 'service-principal', name: e.service_principal_name };

/**
 * The Permissions API for SQL warehouses (`/api/2.0/permissions/warehouses/{id}`). Anyone may read an ACL; changing
 * it takes a workspace admin or a CAN_MANAGE holder, as in Databricks. Only the ACL is kept: the SQL endpoint does not
 * refuse principals without CAN_USE, since the sandbox's analysts and service principals all run SQL on it.
 */
export function warehousePermissionRoutes(identities: Identities, registry: WarehouseRegistry): RestRoute[] {
  const audit = (actionName: string) => ({ serviceName: 'databrickssql', actionName });
  const missing = (id: string) => doesNotExist(`SQL warehouse ${id} does not exist.`);

  const mayManage = (caller: Caller, acl: readonly WarehouseAclEntry[]): boolean => {
    const p = caller.principal;
    if (identities.directory.isWorkspaceAdmin(p.id)) return true;
    const groups = new Set([...identities.directory.groupsOf(p.id), USERS_GROUP]);
    return p.kind !== 'group' && holds(acl, { kind: p.kind, name: p.name, groups }, 'CAN_MANAGE');
  };

  /**
   * PATCH updates the permissions of the one warehouse named in the path (https://docs.databricks.com/api/workspace/warehouses/updatepermissions,
   * "Updates the permissions on a SQL warehouse"): it adds or changes the entries it lists and keeps the others, where
   * PUT would replace them all (https://docs.databricks.com/api/access-management/v1/set-object-permissions.md). Each
   * warehouse keeps its own ACL, so granting on one leaves every other warehouse's as it was.
   */
  const patch = async (id: string, body: unknown, caller: Caller): Promise<RestResponse> => {
    const w = registry.get(id);
    if (!w) return missing(id);
    const parsed = PatchSchema.safeParse(body);
    if (!parsed.success) {
      return invalidParameter('access_control_list: a list of {user_name | group_name | service_principal_name, permission_level: CAN_VIEW | CAN_USE | CAN_MONITOR | CAN_MANAGE}.');
    }
    if (!mayManage(caller, w.acl)) return databricksError(403, 'PERMISSION_DENIED', `Only workspace admins and CAN_MANAGE holders can change the permissions of SQL warehouse ${id}.`);
    const changes: WarehouseAclEntry[] = [];
    for (const e of parsed.data.access_control_list) {
      const want = requested(e);
      const found = identities.directory.byName(want.name);
      if (!found || found.kind !== want.kind) return invalidParameter(`Principal ${want.name} does not exist.`);
      changes.push({ kind: want.kind, name: found.name, level: e.permission_level });
    }
    const acl = mergeAcl(w.acl, changes);
    registry.setAcl(id, acl);
    return { status: 200, body: objectPermissions(id, acl) };
  };

  return [
    {
      method: 'GET',
      pattern: `${BASE}/:id`,
      audit: audit('getPermissions'),
      handle: async (req) => {
        const w = registry.get(req.params.id ?? '');
        return w ? { status: 200, body: objectPermissions(w.id, w.acl) } : missing(req.params.id ?? '');
      },
    },
    { method: 'PATCH', pattern: `${BASE}/:id`, audit: audit('changeEndpointAcls'), handle: (req) => patch(req.params.id ?? '', req.body, req.caller) },
    {
      // The levels a principal can hold on this warehouse (GetWarehousePermissionLevelsResponse in the SDKs).
      method: 'GET',
      pattern: `${BASE}/:id/permissionLevels`,
      audit: audit('getPermissionLevels'),
      handle: async (req) => {
        const w = registry.get(req.params.id ?? '');
        if (!w) return missing(req.params.id ?? '');
        return { status: 200, body: { permission_levels: WAREHOUSE_LEVELS.map((level) => ({ permission_level: level, description: WAREHOUSE_LEVEL_DESCRIPTIONS[level] })) } };
      },
    },
  ];
}
