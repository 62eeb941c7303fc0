import { z } from 'zod';
import type { Directory, DirectoryPrincipal } from '../../../shared/users/directory';
import type { WorkspaceConnection } from '../connection/types';
import { scimListAll } from './scim-pages';

/**
 * The workspace's users, groups and service principals, read through SCIM (issue 12 §1; reference
 * unity-catalog-scim-rest.md §5). Signed in at account level, account SCIM is read: it carries `externalId`, and
 * every group it lists is an account group. Otherwise workspace SCIM, whose `externalId` is "reserved for future
 * use" (https://docs.databricks.com/api/workspace/users/list), so it is not asked for.
 * Only GET lists: nothing here can create a principal (Identity v2 resolve-by-external-id would:
 * governance-steps-3-4.md §3.1).
 */
const Ref = z.object({ display: z.string().optional() });
const Email = z.object({ value: z.string().optional() });
const User = z.object({ id: z.string(), userName: z.string(), displayName: z.string().optional(), emails: z.array(Email).optional(), active: z.boolean().optional(), externalId: z.string().optional(), groups: z.array(Ref).optional() });
const Group = z.object({ id: z.string(), displayName: z.string(), externalId: z.string().optional(), meta: z.object({ resourceType: z.string().optional() }).optional(), groups: z.array(Ref).optional() });
const Sp = z.object({ id: z.string(), applicationId: z.string(), displayName: z.string().optional(), active: z.boolean().optional(), externalId: z.string().optional(), groups: z.array(Ref).optional() });

export interface DirectoryProgress {
  readonly resource: 'Users' | 'Groups' | 'ServicePrincipals';
  readonly read: number;
  readonly total: number | undefined;
}

const groupNames = (refs: readonly z.infer<typeof Ref>[] | undefined): string[] => (refs ?? []).map((g) => g.display).filter((d): d is string => d !== undefined).sort();
const opt = <K extends string>(key: K, v: string | undefined) => (v === undefined || v === '' ? {} : ({ [key]: v } as Record<K, string>));

export async function readDirectory(connection: Pick<WorkspaceConnection, 'rest' | 'workspace'>, o: { readonly signal?: AbortSignal; readonly onProgress?: (p: DirectoryProgress) => void } = {}): Promise<Directory> {
  const accountId = connection.workspace.accountId;
  const account = accountId !== undefined;
  const base = account ? `/api/2.0/accounts/${encodeURIComponent(accountId)}/scim/v2` : '/api/2.0/preview/scim/v2';
  const ext = account ? ['externalId'] : [];
  const list = <S extends z.ZodType<{ id: string }>>(resource: DirectoryProgress['resource'], attributes: string[], item: S, what: string) =>
    scimListAll(connection.rest, {
      path: `${base}/${resource}`,
      attributes,
      item,
      what,
      ...(o.signal ? { signal: o.signal } : {}),
      onPage: (read, total) => o.onProgress?.({ resource, read, total }),
    });
  const users = await list('Users', ['id', 'userName', 'displayName', 'emails', 'active', 'groups', ...ext], User, 'Reading users');
  const groups = await list('Groups', ['id', 'displayName', 'meta', 'groups', ...ext], Group, 'Reading groups');
  const sps = await list('ServicePrincipals', ['id', 'applicationId', 'displayName', 'active', 'groups', ...ext], Sp, 'Reading service principals');
  const principals: DirectoryPrincipal[] = [
    ...users.map((u): DirectoryPrincipal => ({
      type: 'user', id: u.id, name: u.userName, ...opt('displayName', u.displayName), ...opt('externalId', account ? u.externalId : undefined),
      emails: (u.emails ?? []).map((e) => e.value).filter((v): v is string => !!v), active: u.active ?? true, accountGroup: false, groups: groupNames(u.groups),
    })),
    ...groups.map((g): DirectoryPrincipal => ({
      type: 'group', id: g.id, name: g.displayName, displayName: g.displayName, ...opt('externalId', account ? g.externalId : undefined), emails: [], active: true,
      // Workspace SCIM marks a workspace-local group with resourceType WorkspaceGroup; account SCIM lists account
      // groups only. The docs do not list the values; "Group" is what account groups carry (reference §5.2).
      accountGroup: account || g.meta?.resourceType !== 'WorkspaceGroup', groups: groupNames(g.groups),
    })),
    ...sps.map((s): DirectoryPrincipal => ({
      type: 'servicePrincipal', id: s.id, name: s.applicationId, ...opt('displayName', s.displayName), ...opt('externalId', account ? s.externalId : undefined),
      emails: [], active: s.active ?? true, accountGroup: false, groups: groupNames(s.groups),
    })),
  ];
  return { source: account ? 'account' : 'workspace', principals };
}
