import { quoteIdent, quoteLiteral, quoteName } from '../sql/quote';
import { maskableType } from './column-types';
import { filterBody } from './compile-steps';
import type { CompiledPolicies } from './compile';
import { callSql, groupsLiteral, maskBody, type FunctionName } from './function-sql';
import { tableKey, type ObservedTable } from './observation';

/**
 * Preview as a principal: Databricks has no impersonation, so the rows a principal would see are computed by
 * evaluating each mask and the row filter for that principal given as a literal (its name and its groups). Where
 * the core functions are deployed as planned, the preview calls them; before apply it evaluates the same
 * expressions inline (compile-steps.ts builds both from one place), so it previews the plan.
 */
export interface PreviewQuery {
  /** What the installer sees (the first rows). */
  readonly installerSql: string;
  /** What the principal would see (the first visible rows). */
  readonly principalSql: string;
  /** `total` rows and those `visible` to the principal. */
  readonly countSql: string;
  readonly columns: readonly string[];
  /** Columns masked for the principal (a mask applies; whether it shows clear depends on exemptions). */
  readonly maskedColumns: readonly string[];
  readonly policies: readonly string[];
}

const ALIAS = 'ucbridge_t';

export function previewSql(
  compiled: CompiledPolicies,
  catalog: string,
  table: ObservedTable,
  principal: string,
  groups: readonly string[],
  limit: number,
  deployed: (fn: FunctionName) => boolean,
): PreviewQuery {
  const entry = compiled.preview.get(tableKey(table.name));
  const col = (name: string) => `${ALIAS}.${quoteIdent(name)}`;
  const who = quoteLiteral(principal);
  const member = groupsLiteral(groups);
  const policies = new Set<string>();
  const masked = new Map<string, string>();
  for (const m of entry?.masks ?? []) {
    const c = table.columns.find((x) => x.name.toLowerCase() === m.column.toLowerCase());
    if (!c) continue;
    m.policies.forEach((p) => policies.add(p));
    masked.set(c.name, deployed(m.pair.core) ? callSql(m.pair.core, [col(c.name), who, member]) : maskBody(m.target.method, m.target.type, m.target.policies.map((p) => p.exempt), col(c.name), member));
  }
  for (const a of compiled.abac) {
    const scope = a.target.securable;
    if (!scope.every((p, i) => p === table.name[i])) continue;
    const tag = a.target.policy.tag!;
    for (const c of table.columns) {
      const hit = Object.entries(c.tags).some(([k, v]) => k.toLowerCase() === tag.key.toLowerCase() && (tag.value === undefined || v === tag.value));
      if (!hit || masked.has(c.name)) continue;
      policies.add(a.target.policy.name);
      // The function takes STRING (compile-steps.ts); the result is cast back to the column type as Databricks does.
      const expr = deployed(a.pair.core) ? callSql(a.pair.core, [`CAST(${col(c.name)} AS STRING)`, who, member]) : maskBody(a.target.policy.method, 'STRING', [a.target.policy.exempt], `CAST(${col(c.name)} AS STRING)`, member);
      masked.set(c.name, expr);
    }
  }
  let visible = 'TRUE';
  if (entry?.filter) {
    const f = entry.filter;
    f.policies.forEach((p) => policies.add(p));
    visible = deployed(f.pair.core)
      ? callSql(f.pair.core, [who, member, ...f.columns.map(col)])
      : filterBody(catalog, f.target, (name) => col(f.target.columns.find((x) => x.name.toLowerCase() === name.toLowerCase())?.name ?? name), who, member);
  }
  const from = `${quoteName(...table.name)} AS ${ALIAS}`;
  // Types go into SQL unquoted: only those column-types.ts accepts (a mask was compiled for them).
  const projected = table.columns.map((c) => (masked.has(c.name) ? `CAST(${masked.get(c.name)} AS ${maskableType(c.type) ?? 'STRING'}) AS ${quoteIdent(c.name)}` : `${col(c.name)} AS ${quoteIdent(c.name)}`));
  return {
    installerSql: `SELECT * FROM ${quoteName(...table.name)} LIMIT ${limit}`,
    principalSql: `SELECT ${projected.join(', ')} FROM ${from} WHERE coalesce(${visible}, FALSE) LIMIT ${limit}`,
    countSql: `SELECT count(*) AS total, coalesce(sum(CASE WHEN coalesce(${visible}, FALSE) THEN 1 ELSE 0 END), 0) AS visible FROM ${from}`,
    columns: table.columns.map((c) => c.name),
    maskedColumns: [...masked.keys()],
    policies: [...policies],
  };
}
