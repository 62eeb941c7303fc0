import { quoteIdent, quoteLiteral, quoteName } from '../sql/quote';
import { assertNever } from '../result';
import { isStringType } from './column-types';
import type { MaskMethod } from './policy-model';

/**
 * The SQL UDFs policies compile to (reference §1.5–1.7, R3–R7). Each mask or filter is a pair:
 * - a core function taking the principal and the groups it belongs to explicitly, so preview can evaluate it for
 *   any principal (Databricks has no impersonation), and
 * - the attached function, which calls the core with `current_user()` and the groups `is_account_group_member`
 *   confirms (account groups, as grants use; `is_member` would also see workspace-local groups, reference §1.12).
 * Parameter names differ from every column of the tables the bodies read (`principal_attributes` has `principal`
 * and `value`): inside a body a column name would win over a parameter of the same name.
 */

export const REDACTED = '****';
export const PARAM = { value: 'masked_value', principal: 'for_principal', groups: 'member_groups' } as const;
export const columnParam = (i: number): string => `col_${i + 1}`;

export type FunctionName = readonly [catalog: string, schema: string, name: string];

/** `array_contains(member_groups, 'g1') OR …`: is the principal in any of these groups? */
export function inAnyGroup(groups: readonly string[], groupsExpr: string = PARAM.groups): string {
  return groups.map((g) => `array_contains(${groupsExpr}, ${quoteLiteral(g)})`).join(' OR ');
}

/** What a masked value becomes, by method and column type; undefined when the method cannot mask that type. */
export function maskedExpression(method: MaskMethod, type: string, v: string = PARAM.value): string | undefined {
  const str = isStringType(type);
  if (typeof method === 'object') return str ? `concat(repeat('*', greatest(length(${v}) - ${method.keepLast}, 0)), right(${v}, ${method.keepLast}))` : undefined;
  switch (method) {
    case 'redact':
      return str ? quoteLiteral(REDACTED) : `CAST(NULL AS ${type})`;
    case 'hash':
      // sha2(…, 256), not hash(), which returns INT (governance notes, pitfall 7).
      return str ? `sha2(${v}, 256)` : undefined;
    case 'nullify':
      return `CAST(NULL AS ${type})`;
    default:
      return assertNever(method);
  }
}

/**
 * A mask's body: the value in clear for a principal exempt from every policy that masks it, else masked. Written
 * over the parameter names for the core function, and over a column and literals for preview before apply.
 */
export function maskBody(method: MaskMethod, type: string, exempt: readonly (readonly string[])[], value: string = PARAM.value, groups: string = PARAM.groups): string {
  const masked = maskedExpression(method, type, value)!;
  const clear = exemptCondition(exempt, groups);
  return clear === null ? masked : `CASE WHEN ${clear} THEN ${value} ELSE ${masked} END`;
}

/** Exempt from every policy (one exempt list each) that masks a column; null when some policy exempts nobody. */
export function exemptCondition(exempt: readonly (readonly string[])[], groups: string): string | null {
  return exempt.length > 0 && exempt.every((e) => e.length > 0) ? exempt.map((e) => `(${inAnyGroup(e, groups)})`).join(' AND ') : null;
}

/** The same test in TypeScript, for a principal whose groups are known (array_contains compares exactly). */
export const isExempt = (exempt: readonly (readonly string[])[], groups: readonly string[]): boolean =>
  exempt.length > 0 && exempt.every((e) => e.some((g) => groups.includes(g)));

/** Each group once (letter case ignored), in first-seen order. */
export function uniqueGroups(lists: readonly (readonly string[])[]): string[] {
  const out = new Map<string, string>();
  for (const g of lists.flat()) if (!out.has(g.toLowerCase())) out.set(g.toLowerCase(), g);
  return [...out.values()];
}

/** `array('g1', 'g2')`: a principal's groups as a literal, for preview. */
export const groupsLiteral = (groups: readonly string[]): string => (groups.length === 0 ? 'CAST(array() AS ARRAY<STRING>)' : `array(${groups.map(quoteLiteral).join(', ')})`);

/**
 * The groups argument the attached function passes: the groups named in the core for which
 * `is_account_group_member` holds, as an ARRAY<STRING>.
 */
export function currentGroupsExpression(groups: readonly string[]): string {
  if (groups.length === 0) return 'CAST(array() AS ARRAY<STRING>)';
  return `array_compact(array(${groups.map((g) => `CASE WHEN is_account_group_member(${quoteLiteral(g)}) THEN ${quoteLiteral(g)} END`).join(', ')}))`;
}

export interface FunctionParts {
  readonly name: FunctionName;
  readonly params: readonly (readonly [name: string, type: string])[];
  readonly returns: string;
  readonly body: string;
}

/** The statement without its comment: what the definition hash covers. */
export const functionDefinition = (f: FunctionParts): string =>
  `(${f.params.map(([n, t]) => `${quoteIdent(n)} ${t}`).join(', ')}) RETURNS ${f.returns} RETURN ${f.body}`;

export const createFunctionSql = (f: FunctionParts, comment: string): string =>
  `CREATE OR REPLACE FUNCTION ${quoteName(...f.name)}(${f.params.map(([n, t]) => `${quoteIdent(n)} ${t}`).join(', ')}) RETURNS ${f.returns} COMMENT ${quoteLiteral(comment)} RETURN ${f.body}`;

export const dropFunctionSql = (name: FunctionName): string => `DROP FUNCTION IF EXISTS ${quoteName(...name)}`;

/** `core(args…)`: the attached function's body. */
export const callSql = (name: FunctionName, args: readonly string[]): string => `${quoteName(...name)}(${args.join(', ')})`;
