import { joinDottedName } from './dotted-name';
import { isOwnedComment } from './names';
import type { PolicyObservation } from './observation';
import type { Targets } from './targets';

/**
 * Documented ABAC quotas, checked at plan so an apply does not stop half-way
 * (https://docs.databricks.com/aws/en/data-governance/unity-catalog/abac/requirements): at most 100 policies per
 * catalog or schema, 50 per table, 10,000 per metastore, 20 principals in a TO or an EXCEPT clause and 3
 * conditions in a MATCH COLUMNS clause. ucbridge writes one TO principal and one MATCH COLUMNS condition per
 * policy; EXCEPT lists are capped at 20 by the policy file's schema.
 */
export const ABAC_LIMITS = { perCatalogOrSchema: 100, perTable: 50, perMetastore: 10_000, principalsPerClause: 20, matchConditions: 3 } as const;

export function checkLimits(targets: Targets, obs: PolicyObservation | null): string[] {
  const problems: string[] = [];
  const bySecurable = new Map<string, { names: string[]; label: string; on: string; securable: readonly string[] }>();
  for (const a of targets.abacMasks) {
    const key = JSON.stringify([a.on, a.securable]);
    const e = bySecurable.get(key) ?? { names: [], label: `${a.on.toLowerCase()} ${joinDottedName(a.securable)}`, on: a.on, securable: a.securable };
    e.names.push(a.policy.name);
    bySecurable.set(key, e);
    if (a.policy.exempt.length > ABAC_LIMITS.principalsPerClause) problems.push(`policy "${a.policy.name}": more than ${ABAC_LIMITS.principalsPerClause} exempt groups`);
  }
  for (const e of bySecurable.values()) {
    const others = (obs?.abacPolicies ?? []).filter((p) => p.on === e.on && JSON.stringify(p.securable) === JSON.stringify(e.securable) && !isOwnedComment(p.comment)).length;
    if (e.names.length + others > ABAC_LIMITS.perCatalogOrSchema) {
      problems.push(`${e.label} would have ${e.names.length + others} ABAC policies (${others} already there); Unity Catalog allows ${ABAC_LIMITS.perCatalogOrSchema} per catalog or schema`);
    }
  }
  if (targets.abacMasks.length > ABAC_LIMITS.perMetastore) problems.push(`${targets.abacMasks.length} ABAC policies exceed the ${ABAC_LIMITS.perMetastore} Unity Catalog allows per metastore`);
  return problems;
}
