import { z } from 'zod';
import { AppFailure } from '../../../shared/result';
import type { RestClient } from '../connection/types';

/**
 * The account groups a principal belongs to, directly or through nested groups, as `is_account_group_member`
 * counts them (reference §1.12): read through SCIM (reference §5) — the principal's direct groups, then each
 * group's own groups until none are new. Read-only: nothing here creates a user.
 */
const Ref = z.object({ value: z.string().optional(), display: z.string().optional() });
const Member = z.object({ id: z.string(), groups: z.array(Ref).optional() });
const ListSchema = z.object({ Resources: z.array(Member).optional() });
const GroupSchema = z.object({ id: z.string(), displayName: z.string().optional(), groups: z.array(Ref).optional() });

/** A SCIM filter string literal: `"…"` with `\` and `"` escaped (RFC 7644 §3.4.2.2, JSON string rules). */
const scimString = (v: string): string => JSON.stringify(v);

export async function principalGroups(rest: RestClient, principal: string, signal?: AbortSignal): Promise<string[]> {
  const base = '/api/2.0/preview/scim/v2';
  const find = async (resource: 'Users' | 'ServicePrincipals', attr: string) =>
    (await rest.request({ method: 'GET', path: `${base}/${resource}`, query: { filter: `${attr} eq ${scimString(principal)}`, attributes: 'id,groups', count: 2 }, schema: ListSchema, what: 'Looking up the principal to preview as', ...(signal ? { signal } : {}) })).Resources ?? [];
  const found = [...(await find('Users', 'userName')), ...(await find('ServicePrincipals', 'applicationId'))];
  if (found.length === 0) throw new AppFailure({ code: 'NOT_FOUND', message: `No user or service principal named ${principal} was found in this workspace.`, hint: 'Give a user name (email) or a service principal application id.' });
  const names = new Set<string>();
  const seen = new Set<string>();
  let frontier = (found[0]!.groups ?? []).map((g) => g.value).filter((v): v is string => !!v);
  for (const g of found[0]!.groups ?? []) if (g.display) names.add(g.display);
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      if (seen.has(id)) continue;
      seen.add(id);
      const group = await rest.request({ method: 'GET', path: `${base}/Groups/${encodeURIComponent(id)}`, query: { attributes: 'id,displayName,groups' }, schema: GroupSchema, what: 'Reading group membership', ...(signal ? { signal } : {}) });
      if (group.displayName) names.add(group.displayName);
      for (const parent of group.groups ?? []) {
        if (parent.display) names.add(parent.display);
        if (parent.value) next.push(parent.value);
      }
    }
    frontier = next;
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}
