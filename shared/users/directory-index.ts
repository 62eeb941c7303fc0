import type { DirectoryPrincipal, PrincipalType } from './directory';

type Index = ReadonlyMap<string, readonly DirectoryPrincipal[]>;

function indexBy(principals: readonly DirectoryPrincipal[], keys: (p: DirectoryPrincipal) => string | readonly (string | undefined)[] | undefined): Index {
  const map = new Map<string, DirectoryPrincipal[]>();
  const add = (k: string | undefined, p: DirectoryPrincipal) => {
    if (k === undefined || k === '') return;
    const list = map.get(k);
    if (list === undefined) map.set(k, [p]);
    // A principal listing one key twice (two emails differing in case) is still one candidate.
    else if (list[list.length - 1] !== p) list.push(p);
  };
  for (const p of principals) {
    const k = keys(p);
    if (typeof k === 'string' || k === undefined) add(k, p);
    else for (const one of k) add(one, p);
  }
  return map;
}

const lower = (s: string | undefined): string | undefined => s?.toLowerCase();

/**
 * Hash indexes over the directory, one per cascade rule, so matching is linear in users plus principals.
 * Case-insensitive keys are lower-cased once here; two principals whose names differ only in case land under one
 * key, which is how case-variant duplicates surface as ambiguous.
 */
export interface DirectoryIndex {
  readonly externalId: Readonly<Record<PrincipalType, Index>>;
  readonly userName: Index;
  readonly email: Index;
  readonly applicationId: Index;
  /** Lower-cased display name → groups (account and workspace-local; the cascade separates them). */
  readonly groupName: Index;
  /** Lower-cased principal name → principals, by type: what an override names. */
  readonly name: Readonly<Record<PrincipalType, Index>>;
}

export function indexDirectory(principals: readonly DirectoryPrincipal[]): DirectoryIndex {
  const users: DirectoryPrincipal[] = [];
  const groups: DirectoryPrincipal[] = [];
  const sps: DirectoryPrincipal[] = [];
  for (const p of principals) (p.type === 'user' ? users : p.type === 'group' ? groups : sps).push(p);
  const byExternal = (list: readonly DirectoryPrincipal[]) => indexBy(list, (p) => p.externalId);
  const byName = (list: readonly DirectoryPrincipal[]) => indexBy(list, (p) => lower(p.name));
  // A user's name is its userName, a service principal's its applicationId, a group's its display name: one index
  // per type serves both its cascade rule and the overrides.
  const name = { user: byName(users), group: byName(groups), servicePrincipal: byName(sps) };
  return {
    externalId: { user: byExternal(users), group: byExternal(groups), servicePrincipal: byExternal(sps) },
    userName: name.user,
    email: indexBy(users, (p) => p.emails.map(lower)),
    applicationId: name.servicePrincipal,
    groupName: name.group,
    name,
  };
}
