import { quoteIdent, quoteLiteral, quoteName } from '../sql/quote';
import { maskableType } from './column-types';
import { filterBody } from './compile-steps';
import type { CompiledPolicies } from './compile';
import { callSql, currentGroupsExpression, exemptCondition, groupsLiteral, isExempt, maskBody, uniqueGroups, type FunctionName } from './function-sql';
import { stepIds } from './names';
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
  /**
   * Where a mask or the row filter is already in force, it applies to the installer's own reads too: one row of
   * booleans, per entry of `checks`, whether the installer is exempt (null: nothing to check).
   */
  readonly checksSql: string | null;
  readonly checks: readonly PreviewCheck[];
  readonly columns: readonly string[];
  /** Columns masked for this principal (a mask applies and the principal is not exempt from it). */
  readonly maskedColumns: readonly string[];
  readonly policies: readonly string[];
}

/** What a failed check means: a column the principal sees in clear and the installer cannot, or a filtered installer. */
export type PreviewCheck = { readonly kind: 'column'; readonly column: string } | { readonly kind: 'filter' };

/** Which parts of the plan are in the workspace as planned. */
export interface PreviewState {
  /** The core function is there as planned: the preview calls it. */
  readonly deployed: (fn: FunctionName) => boolean;
  /** The mask, row filter or ABAC policy step is in place: the installer's reads of the table go through it. */
  readonly enforced: (stepId: string) => boolean;
}

const ALIAS = 'ucbridge_t';

/**
 * A masked column's value for the principal when the mask is already in force: the installer reads the column
 * through the mask too, so only an exempt installer has the clear value to evaluate the mask on. Otherwise the
 * installer's value is already the masked one (masks depend on the principal only through exemption); a principal
 * exempt where the installer is not sees a value the installer cannot read, shown as NULL and said in a note.
 */
function throughInstaller(forPrincipal: string, value: string, exempt: readonly (readonly string[])[], member: string): { expr: string; installerClear: string | null } {
  const installerClear = exemptCondition(exempt, currentGroupsExpression(uniqueGroups(exempt)));
  const principalClear = exemptCondition(exempt, member);
  if (installerClear === null) return { expr: value, installerClear };
  // Both come from the same exempt lists, so they are null together (when some policy exempts nobody).
  return { expr: `CASE WHEN ${installerClear} THEN ${forPrincipal} WHEN ${principalClear!} THEN NULL ELSE ${value} END`, installerClear };
}

export function previewSql(compiled: CompiledPolicies, catalog: string, table: ObservedTable, principal: string, groups: readonly string[], limit: number, state: PreviewState): PreviewQuery {
  const entry = compiled.preview.get(tableKey(table.name));
  const col = (name: string) => `${ALIAS}.${quoteIdent(name)}`;
  const who = quoteLiteral(principal);
  const member = groupsLiteral(groups);
  const policies = new Set<string>();
  const masked = new Map<string, string>();
  const maskedForPrincipal: string[] = [];
  const checks: { check: PreviewCheck; sql: string }[] = [];
  const setMask = (column: string, forPrincipal: string, exempt: readonly (readonly string[])[], stepId: string) => {
    let expr = forPrincipal;
    if (state.enforced(stepId)) {
      const t = throughInstaller(forPrincipal, col(column), exempt, member);
      expr = t.expr;
      // An exempt principal sees the clear value: the installer must be able to read it (never null then).
      const clear = isExempt(exempt, groups) ? t.installerClear : null;
      if (clear !== null) checks.push({ check: { kind: 'column', column }, sql: clear });
    }
    masked.set(column, expr);
    if (!isExempt(exempt, groups)) maskedForPrincipal.push(column);
  };
  for (const m of entry?.masks ?? []) {
    const c = table.columns.find((x) => x.name.toLowerCase() === m.column.toLowerCase());
    if (!c) continue;
    m.policies.forEach((p) => policies.add(p));
    const exempt = m.target.policies.map((p) => p.exempt);
    const forPrincipal = state.deployed(m.pair.core) ? callSql(m.pair.core, [col(c.name), who, member]) : maskBody(m.target.method, m.target.type, exempt, col(c.name), member);
    setMask(c.name, forPrincipal, exempt, stepIds.mask([...m.target.table, m.target.column]));
  }
  for (const a of compiled.abac) {
    const scope = a.target.securable;
    if (!scope.every((p, i) => p === table.name[i])) continue;
    const tag = a.target.policy.tag!;
    for (const c of table.columns) {
      const hit = Object.entries(c.tags).some(([k, v]) => k.toLowerCase() === tag.key.toLowerCase() && (tag.value === undefined || v === tag.value));
      if (!hit || masked.has(c.name)) continue;
      policies.add(a.target.policy.name);
      const exempt = [a.target.policy.exempt];
      // The function takes STRING (compile-steps.ts); the result is cast back to the column type as Databricks does.
      const forPrincipal = state.deployed(a.pair.core) ? callSql(a.pair.core, [`CAST(${col(c.name)} AS STRING)`, who, member]) : maskBody(a.target.policy.method, 'STRING', exempt, `CAST(${col(c.name)} AS STRING)`, member);
      setMask(c.name, forPrincipal, exempt, stepIds.abac(a.target.on, a.target.securable, a.target.policy.name));
    }
  }
  let visible = 'TRUE';
  if (entry?.filter) {
    const f = entry.filter;
    f.policies.forEach((p) => policies.add(p));
    visible = state.deployed(f.pair.core)
      ? callSql(f.pair.core, [who, member, ...f.columns.map(col)])
      : filterBody(catalog, f.target, (c) => col(c.name), who, member);
    if (state.enforced(stepIds.filter(f.target.table))) {
      // The installer sees every row only when exempt from each policy of the filter.
      const exempt = f.target.policies.map((p) => p.exempt);
      checks.push({ check: { kind: 'filter' }, sql: exemptCondition(exempt, currentGroupsExpression(uniqueGroups(exempt))) ?? 'FALSE' });
    }
  }
  const from = `${quoteName(...table.name)} AS ${ALIAS}`;
  // Types go into SQL unquoted: only those column-types.ts accepts (a mask was compiled for them).
  const projected = table.columns.map((c) => (masked.has(c.name) ? `CAST(${masked.get(c.name)} AS ${maskableType(c.type) ?? 'STRING'}) AS ${quoteIdent(c.name)}` : `${col(c.name)} AS ${quoteIdent(c.name)}`));
  return {
    installerSql: `SELECT * FROM ${quoteName(...table.name)} LIMIT ${limit}`,
    principalSql: `SELECT ${projected.join(', ')} FROM ${from} WHERE coalesce(${visible}, FALSE) LIMIT ${limit}`,
    countSql: `SELECT count(*) AS total, coalesce(sum(CASE WHEN coalesce(${visible}, FALSE) THEN 1 ELSE 0 END), 0) AS visible FROM ${from}`,
    checksSql: checks.length === 0 ? null : `SELECT ${checks.map((c, i) => `coalesce(${c.sql}, FALSE) AS ${quoteIdent(`check_${i}`)}`).join(', ')}`,
    checks: checks.map((c) => c.check),
    columns: table.columns.map((c) => c.name),
    maskedColumns: maskedForPrincipal,
    policies: [...policies],
  };
}
