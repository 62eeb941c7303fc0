import type { DirectoryPrincipal, PrincipalType } from './directory';
import { indexDirectory, type DirectoryIndex } from './directory-index';
import type { GovernanceUser } from './governance-user';
import { cascade, type CascadeOutcome } from './match-cascade';
import type { Ambiguous, Candidate, Inactive, Matched, MatchResult, Orphan, OverrideOutcome, Overrides, Unmatched } from './match-types';

const KIND_TYPE: Readonly<Record<GovernanceUser['kind'], PrincipalType>> = { user: 'user', group: 'group', servicePrincipal: 'servicePrincipal' };

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const candidate = (p: DirectoryPrincipal): Candidate => ({ principal: p.name, principalType: p.type, principalId: p.id });
const sortCandidates = (list: readonly DirectoryPrincipal[]): Candidate[] =>
  list.map(candidate).sort((a, b) => byString(a.principal, b.principal) || byString(a.principalType, b.principalType) || byString(a.principalId, b.principalId));

/** The principal an override names: the exact name first, else the one principal equal ignoring case. */
function overrideTarget(u: GovernanceUser, name: string | null, ix: DirectoryIndex): CascadeOutcome {
  if (name === null) return { kind: 'none', code: 'excludedByOverride', reason: 'Set to match nobody by a manual choice' };
  const found = ix.name[KIND_TYPE[u.kind]].get(name.toLowerCase()) ?? [];
  const exact = found.filter((p) => p.name === name);
  const pick = exact.length > 0 ? exact : found;
  if (pick.length === 1) return { kind: 'one', rule: 'manual', principal: pick[0]! };
  if (pick.length > 1) return { kind: 'many', rule: 'manual', candidates: pick };
  return { kind: 'none', code: 'overrideNotFound', reason: `The manual choice "${name}" is not a Databricks ${KIND_TYPE[u.kind]}` };
}

/**
 * Matches the governance product's users to the workspace's principals (issue 12 §3). Pure and deterministic:
 * hash indexes, no pairwise comparison, every bucket sorted. A principal that several users reach (and no manual
 * choice settles) is ambiguous for all of them, so each principal carries at most one user's attributes.
 */
export function matchUsers(users: readonly GovernanceUser[], principals: readonly DirectoryPrincipal[], overrides: Overrides = {}): MatchResult {
  const ix = indexDirectory(principals);
  const ids = new Set(users.map((u) => u.id));
  const overrideOutcomes: OverrideOutcome[] = Object.entries(overrides)
    .filter(([id]) => !ids.has(id))
    .map(([id, principal]) => ({ id, principal, outcome: 'unknownId' as const }));
  const unmatched: Unmatched[] = [];
  const ambiguous: Ambiguous[] = [];
  const inactive: Inactive[] = [];
  const claims = new Map<string, { principal: DirectoryPrincipal; users: { u: GovernanceUser; rule: Matched['matchedBy'] }[] }>();
  for (const u of users) {
    if (!u.active) {
      inactive.push({ id: u.id, side: 'governance' });
      if (Object.hasOwn(overrides, u.id)) overrideOutcomes.push({ id: u.id, principal: overrides[u.id]!, outcome: 'inactive' });
      continue;
    }
    const manual = Object.hasOwn(overrides, u.id);
    const o = manual ? overrideTarget(u, overrides[u.id]!, ix) : cascade(u, ix);
    if (manual) overrideOutcomes.push({ id: u.id, principal: overrides[u.id]!, outcome: o.kind === 'none' && o.code === 'overrideNotFound' ? 'notFound' : 'applied' });
    if (o.kind === 'none') unmatched.push({ id: u.id, code: o.code, reason: o.reason });
    else if (o.kind === 'many') ambiguous.push({ id: u.id, rule: o.rule, reason: `${o.candidates.length} principals match by ${o.rule}`, candidates: sortCandidates(o.candidates) });
    else {
      const c = claims.get(o.principal.id) ?? { principal: o.principal, users: [] };
      c.users.push({ u, rule: o.rule });
      claims.set(o.principal.id, c);
    }
  }
  const matched: Matched[] = [];
  for (const { principal, users: claimants } of claims.values()) {
    const manual = claimants.filter((c) => c.rule === 'manual');
    // A manual choice settles a shared principal; without one (or with several) nobody gets it silently.
    const winners = manual.length === 1 ? manual : claimants.length === 1 ? claimants : [];
    for (const c of claimants) {
      if (winners.includes(c)) {
        if (!principal.active) inactive.push({ id: c.u.id, side: 'databricks', principal: principal.name, principalType: principal.type });
        else matched.push({ id: c.u.id, principal: principal.name, principalType: principal.type, principalId: principal.id, matchedBy: c.rule });
      } else {
        const others = claimants.filter((x) => x !== c).map((x) => x.u.id).sort(byString);
        ambiguous.push({ id: c.u.id, rule: 'shared', reason: `"${principal.name}" also matches ${others.join(', ')}`, candidates: [candidate(principal)] });
      }
    }
  }
  const referenced = new Set([...claims.keys(), ...ambiguous.flatMap((a) => a.candidates.map((c) => c.principalId))]);
  const orphans: Orphan[] = principals
    .filter((p) => !referenced.has(p.id))
    .map((p) => ({ principal: p.name, principalType: p.type, principalId: p.id }))
    .sort((a, b) => byString(a.principalType, b.principalType) || byString(a.principal, b.principal) || byString(a.principalId, b.principalId));
  const byId = <T extends { id: string }>(list: T[]): T[] => list.sort((a, b) => byString(a.id, b.id));
  return { matched: byId(matched), unmatched: byId(unmatched), ambiguous: byId(ambiguous), orphans, inactive: byId(inactive), overrides: byId(overrideOutcomes) };
}
