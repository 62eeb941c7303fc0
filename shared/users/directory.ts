import { z } from 'zod';

/**
 * The workspace's principals as the directory reader delivers them (issue 12 §1), in the shape matching needs.
 * `name` is how Unity Catalog names the principal in grants and `current_user()`: a user's userName, a group's
 * displayName, a service principal's applicationId (reference unity-catalog-scim-rest.md §5.2).
 */
export const PRINCIPAL_TYPES = ['user', 'group', 'servicePrincipal'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

export const DirectoryPrincipalSchema = z.object({
  type: z.enum(PRINCIPAL_TYPES),
  /** The SCIM id. */
  id: z.string(),
  name: z.string(),
  displayName: z.string().optional(),
  /** Users only: every `emails[].value`. */
  emails: z.array(z.string()).readonly(),
  /** Only account SCIM fills this; the workspace SCIM's externalId is reserved (issue 12 §1). */
  externalId: z.string().optional(),
  active: z.boolean(),
  /** Groups only: false for a workspace-local group, which `is_account_group_member` does not see. */
  accountGroup: z.boolean(),
  /** Display names of the groups the principal is a direct member of. */
  groups: z.array(z.string()).readonly(),
});
export type DirectoryPrincipal = z.infer<typeof DirectoryPrincipalSchema>;

export const DirectorySchema = z.object({
  /** `account` when account SCIM was read (externalId available), else `workspace`. */
  source: z.enum(['account', 'workspace']),
  principals: z.array(DirectoryPrincipalSchema).readonly(),
});
export type Directory = z.infer<typeof DirectorySchema>;
