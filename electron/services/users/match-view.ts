import type { Candidate, MatchRow } from '../../../shared/contract/users';
import type { DirectoryPrincipal } from '../../../shared/users/directory';
import type { GovernanceUser } from '../../../shared/users/governance-user';
import type { MatchResult } from '../../../shared/users/match-types';

/** Codes of the unmatched that a manual choice decided (rather than the rules). */
const MANUAL_UNMATCHED = new Set(['excludedByOverride', 'overrideNotFound']);

const nameOf = (u: GovernanceUser): string => u.displayName ?? u.userName ?? u.emails[0] ?? u.id;

/**
 * The match as the window's table shows it: one row per governance user in the file's order, then one per orphan
 * principal. Pure: the same users, directory and result give the same rows.
 */
export function matchRows(users: readonly GovernanceUser[], principals: readonly DirectoryPrincipal[], result: MatchResult): MatchRow[] {
  const byPrincipalId = new Map(principals.map((p) => [p.id, p]));
  const candidate = (principalId: string, principal: string, principalType: Candidate['principalType']): Candidate => {
    const p = byPrincipalId.get(principalId);
    return { principal, principalType, displayName: p?.displayName ?? principal, active: p?.active ?? true };
  };
  const matched = new Map(result.matched.map((m) => [m.id, m]));
  const unmatched = new Map(result.unmatched.map((m) => [m.id, m]));
  const ambiguous = new Map(result.ambiguous.map((m) => [m.id, m]));
  const inactive = new Map(result.inactive.map((m) => [m.id, m]));
  const manualIds = new Set(result.overrides.filter((o) => o.outcome !== 'unknownId').map((o) => o.id));
  const rows: MatchRow[] = users.map((u) => {
    const base = { key: `u:${u.id}`, id: u.id, displayName: nameOf(u), email: u.emails.length > 0 ? u.emails.join('; ') : null, kind: u.kind, manual: manualIds.has(u.id) } as const;
    const none = { principal: null, principalType: null, matchedBy: null, reason: null, candidates: [] as Candidate[] };
    const m = matched.get(u.id);
    if (m) return { ...base, ...none, bucket: 'matched', principal: m.principal, principalType: m.principalType, matchedBy: m.matchedBy };
    const a = ambiguous.get(u.id);
    if (a) return { ...base, ...none, bucket: 'ambiguous', reason: a.reason, candidates: a.candidates.map((c) => candidate(c.principalId, c.principal, c.principalType)) };
    const i = inactive.get(u.id);
    if (i) {
      return i.side === 'governance'
        ? { ...base, ...none, bucket: 'inactive', reason: 'Inactive in the governance product' }
        : { ...base, ...none, bucket: 'inactive', principal: i.principal ?? null, principalType: i.principalType ?? null, reason: `${i.principal ?? 'Its principal'} is deactivated in Databricks` };
    }
    const n = unmatched.get(u.id);
    return { ...base, ...none, bucket: 'unmatched', reason: n?.reason ?? 'Not matched', manual: base.manual || (n !== undefined && MANUAL_UNMATCHED.has(n.code)) };
  });
  for (const o of result.orphans) {
    const p = byPrincipalId.get(o.principalId);
    rows.push({
      key: `p:${o.principalType}:${o.principalId}`,
      id: null,
      displayName: p?.displayName ?? o.principal,
      email: p && p.emails.length > 0 ? p.emails.join('; ') : null,
      kind: o.principalType,
      bucket: 'orphan',
      principal: o.principal,
      principalType: o.principalType,
      matchedBy: null,
      reason: null,
      candidates: [],
      manual: false,
    });
  }
  return rows;
}
