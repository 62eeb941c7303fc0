import { assertNever } from '../result';
import type { DirectoryPrincipal } from './directory';
import type { DirectoryIndex } from './directory-index';
import type { GovernanceUser } from './governance-user';
import type { MatchRule, UnmatchedCode } from './match-types';

/** What the cascade decided for one governance user, before shared principals and activity are looked at. */
export type CascadeOutcome =
  | { readonly kind: 'one'; readonly rule: MatchRule; readonly principal: DirectoryPrincipal }
  | { readonly kind: 'many'; readonly rule: MatchRule; readonly candidates: readonly DirectoryPrincipal[] }
  | { readonly kind: 'none'; readonly code: UnmatchedCode; readonly reason: string };

interface Step {
  readonly rule: MatchRule;
  /** Looked up only when the rules before it found nothing. */
  readonly hits: () => readonly DirectoryPrincipal[];
}

const NONE: readonly DirectoryPrincipal[] = [];

/** The principals under any of the keys, each once; one key (the usual case) allocates nothing. */
const lookup = (index: ReadonlyMap<string, readonly DirectoryPrincipal[]>, keys: readonly (string | undefined)[], lower: boolean): readonly DirectoryPrincipal[] => {
  let first: readonly DirectoryPrincipal[] = NONE;
  let found: Map<string, DirectoryPrincipal> | undefined;
  for (const k of keys) {
    if (k === undefined) continue;
    const hits = index.get(lower ? k.toLowerCase() : k);
    if (hits === undefined) continue;
    if (first === NONE) first = hits;
    else {
      found ??= new Map(first.map((p) => [p.id, p]));
      for (const p of hits) found.set(p.id, p);
    }
  }
  return found === undefined ? first : [...found.values()];
};

/** The rules that apply to the user's kind, in cascade order (issue 12 §3; reference governance-steps-3-4 §3.2). */
function steps(u: GovernanceUser, ix: DirectoryIndex): Step[] {
  switch (u.kind) {
    case 'user':
      return [
        { rule: 'externalId', hits: () => lookup(ix.externalId.user, [u.externalId], false) },
        // Immuta matches userName case-insensitively (governance notes [6]).
        { rule: 'userName', hits: () => lookup(ix.userName, [u.userName], true) },
        { rule: 'email', hits: () => lookup(ix.email, u.emails, true) },
      ];
    case 'servicePrincipal':
      // A service principal's Unity Catalog name is its applicationId (reference §5.2); the file carries it in
      // userName or externalId.
      return [
        { rule: 'externalId', hits: () => lookup(ix.externalId.servicePrincipal, [u.externalId], false) },
        { rule: 'applicationId', hits: () => lookup(ix.applicationId, [u.userName, u.externalId], true) },
      ];
    case 'group':
      return [
        { rule: 'externalId', hits: () => lookup(ix.externalId.group, [u.externalId], false).filter((g) => g.accountGroup) },
        { rule: 'displayName', hits: () => lookup(ix.groupName, [u.displayName ?? u.userName], true) },
      ];
    default:
      return assertNever(u.kind, 'governance kind');
  }
}

const hasIdentifier = (u: GovernanceUser): boolean =>
  u.externalId !== undefined || u.userName !== undefined || u.emails.length > 0 || (u.kind === 'group' && u.displayName !== undefined);

export function cascade(u: GovernanceUser, ix: DirectoryIndex): CascadeOutcome {
  if (!hasIdentifier(u)) return { kind: 'none', code: 'noIdentifier', reason: 'No externalId, userName, email or display name to match on' };
  let localGroupOnly = false;
  for (const step of steps(u, ix)) {
    let hits = step.hits();
    if (step.rule === 'displayName') {
      // Policies check groups with is_account_group_member, which does not see workspace-local groups
      // (reference §1.12): such a group cannot be a match.
      const account = hits.filter((g) => g.accountGroup);
      localGroupOnly = hits.length > 0 && account.length === 0;
      hits = account;
    }
    if (hits.length === 1) return { kind: 'one', rule: step.rule, principal: hits[0]! };
    if (hits.length > 1) return { kind: 'many', rule: step.rule, candidates: hits };
  }
  if (localGroupOnly) return { kind: 'none', code: 'workspaceLocalGroup', reason: 'Only a workspace-local group has this name; policies check account groups' };
  return { kind: 'none', code: 'notFound', reason: `No Databricks ${u.kind === 'servicePrincipal' ? 'service principal' : u.kind} matches it` };
}
