import type { DirectoryPrincipal, PrincipalType } from './directory';

type Index = ReadonlyMap<string, readonly DirectoryPrincipal[]>;

function indexBy(principals: readonly DirectoryPrincipal[], keys: (p: DirectoryPrincipal) => readonly (string | undefined)[]): Index {
  const map = new Map<string, DirectoryPrincipal[]>();
  for (const p of principals) {
    for (const k of new Set(keys(p))) {
      if (k === undefined || k === '') continue;
      const list = map.get(k);
      if (list === undefined) map.set(k, [p]);
      else list.push(p);
    }
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
  const of = (t: PrincipalType) => principals.filter((p) => p.type === t);
  const users = of('user');
  const groups = of('group');
  const sps = of('servicePrincipal');
  const byExternal = (list: readonly DirectoryPrincipal[]) => indexBy(list, (p) => [p.externalId]);
  const byName = (list: readonly DirectoryPrincipal[]) => indexBy(list, (p) => [lower(p.name)]);
  return {
    externalId: { user: byExternal(users), group: byExternal(groups), servicePrincipal: byExternal(sps) },
    userName: byName(users),
    email: indexBy(users, (p) => p.emails.map(lower)),
    applicationId: byName(sps),
    groupName: byName(groups),
    name: { user: byName(users), group: byName(groups), servicePrincipal: byName(sps) },
  };
}
