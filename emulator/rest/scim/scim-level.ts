import { ADMINS_GROUP, USERS_GROUP } from '../../identity/builtin-groups';

type Json = Record<string, unknown>;

/**
 * How the two SCIM levels differ in what they show (issue 12 §1):
 * - Workspace SCIM: `externalId` is "reserved for future use" (https://docs.databricks.com/api/workspace/users/list,
 *   …/groups/list, …/serviceprincipals/list), so it is not returned there; account SCIM carries it
 *   (https://docs.databricks.com/api/account/users/list).
 * - `admins` and `users` are the workspace's own (workspace-local) system groups
 *   (https://docs.databricks.com/aws/en/admin/users-groups/groups#group-sources): account SCIM does not list them,
 *   and workspace SCIM marks them `meta.resourceType: "WorkspaceGroup"` where account groups say `"Group"` (what
 *   Databricks returns for a workspace-local group; the API reference does not enumerate the values — docs silent).
 * - Account SCIM pages at most 100 resources (governance-steps-3-4.md §3.1 [1]: `count ≤ 100`).
 */
export const ACCOUNT_MAX_COUNT = 100;

export const isWorkspaceLocalGroup = (displayName: string): boolean => displayName === ADMINS_GROUP || displayName === USERS_GROUP;

/** The resource as the level shows it, or undefined when the level does not have it. */
export function levelView(level: 'workspace' | 'account'): (resource: Json) => Json | undefined {
  if (level === 'workspace') {
    return (resource) => {
      if (!('externalId' in resource)) return resource;
      const { externalId: _reserved, ...rest } = resource;
      return rest;
    };
  }
  return (resource) => {
    const meta = resource.meta as { resourceType?: unknown } | undefined;
    return meta?.resourceType === 'WorkspaceGroup' ? undefined : resource;
  };
}
