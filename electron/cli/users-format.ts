import { assertNever } from '../../shared/result';
import { escapeControl } from '../../shared/text/escape-control';
import type { MatchResult } from '../../shared/users/match-types';
import type { UserMappingPlan } from '../services/users/user-mapping-writer';

/** `ucbridge users match --json` (issue 12 §8): each bucket with the fields a script needs, nothing internal. */
export const matchJson = (r: MatchResult): string =>
  JSON.stringify({
    matched: r.matched.map((m) => ({ id: m.id, principal: m.principal, principalType: m.principalType, matchedBy: m.matchedBy })),
    unmatched: r.unmatched.map((u) => ({ id: u.id, reason: u.reason })),
    ambiguous: r.ambiguous.map((a) => ({ id: a.id, reason: a.reason, candidates: a.candidates.map((c) => ({ principal: c.principal, principalType: c.principalType })) })),
    orphans: r.orphans.map((o) => ({ principal: o.principal, principalType: o.principalType })),
    inactive: r.inactive.map((i) => ({ id: i.id, side: i.side, ...(i.principal === undefined ? {} : { principal: i.principal }) })),
  });

const one = (s: string): string => escapeControl(s);

/** The counts, then every user that needs a person's attention (the matched and orphans are only counted). */
export function matchText(r: MatchResult): string {
  const counts = `${r.matched.length} matched, ${r.unmatched.length} unmatched, ${r.ambiguous.length} ambiguous, ${r.orphans.length} orphan principals, ${r.inactive.length} inactive.`;
  const lines = [
    ...r.unmatched.map((u) => `UNMATCHED  ${one(u.id)}: ${one(u.reason)}`),
    ...r.ambiguous.map((a) => `AMBIGUOUS  ${one(a.id)}: ${one(a.reason)} (${a.candidates.map((c) => one(c.principal)).join(', ')})`),
    ...r.inactive.map((i) => `INACTIVE   ${one(i.id)}: ${i.side === 'governance' ? 'inactive in the governance product' : `${one(i.principal ?? '')} is deactivated in Databricks`}`),
  ];
  const hint = r.unmatched.length + r.ambiguous.length > 0 ? ['Settle them in an --overrides file: {"<id>": "<principal name>" | null}.'] : [];
  return [...lines, ...(lines.length > 0 ? [''] : []), counts, ...hint].join('\n');
}

/** Overrides that did not apply: an id the users file does not have, or a principal the directory does not. */
export function overrideWarnings(r: MatchResult): string[] {
  return r.overrides.flatMap((o) => {
    switch (o.outcome) {
      case 'unknownId':
        return [`Warning: the overrides name "${one(o.id)}", which is not an id in the users file.`];
      case 'notFound':
        return [`Warning: the override for "${one(o.id)}" names "${one(o.principal ?? '')}", which is not a Databricks principal of that kind.`];
      case 'inactive':
        return [`Warning: the override for "${one(o.id)}" is ignored: the user is inactive in the governance product.`];
      case 'applied':
        return [];
      default:
        return assertNever(o.outcome, 'override outcome');
    }
  });
}

const counts = (c: UserMappingPlan['mapping']) => `${c.inserts} to insert, ${c.updates} to update, ${c.deletes} to delete`;

/**
 * The users plan in words: per table, then each statement's purpose. Not the SQL itself: a statement carries up to a
 * thousand rows, and 100,000 users' worth would bury the question under it (`--verbose` is for diagnostics).
 */
export function usersPlanText(p: UserMappingPlan, catalog: string): string {
  return [
    `${one(catalog)}.entitlements.user_mapping: ${counts(p.mapping)}.`,
    `${one(catalog)}.entitlements.principal_attributes: ${counts(p.attributes)}.`,
    ...p.plan.steps.map((s, i) => `  ${i + 1}. [${s.action}] ${one(s.purpose)}`),
    ...p.notes.map((n) => `Note: ${one(n)}`),
  ].join('\n');
}
