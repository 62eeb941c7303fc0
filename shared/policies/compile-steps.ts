import { quoteIdent, quoteLiteral, quoteName } from '../sql/quote';
import { TABLES } from '../integration/integration-objects';
import { joinDottedName } from './dotted-name';
import {
  callSql, columnParam, createFunctionSql, currentGroupsExpression, dropFunctionSql, functionDefinition, inAnyGroup, maskBody, PARAM, uniqueGroups,
  type FunctionName, type FunctionParts,
} from './function-sql';
import { coreName, functionName, ownedComment, stepIds } from './names';
import type { Parts3 } from './observation';
import { maskMethodLabel, type ColumnMaskPolicy, type MaskMethod, type RowFilterPolicy } from './policy-model';
import type { RecordItem } from './record';
import type { AbacMaskTarget, FilterColumn, FilterTarget, GrantTarget, MaskTarget } from './targets';

/**
 * Statements for each target, before marking against the workspace. Every statement is idempotent (CREATE OR
 * REPLACE FUNCTION, CREATE OR REPLACE POLICY, SET MASK / SET ROW FILTER replace what is there, GRANT of what is
 * held changes nothing) and carries the statement that undoes it. Identifiers and literals go through
 * shared/sql/quote.ts; types come from column-types.ts (keywords only).
 */
export interface PolicyDraft {
  readonly id: string;
  readonly sql: string;
  readonly purpose: string;
  readonly dependsOn: readonly string[];
  readonly inverse: string;
  readonly record: RecordItem;
  /** What marking compares with the workspace. */
  readonly expect:
    | { readonly kind: 'function'; readonly name: string; readonly comment: string }
    | { readonly kind: 'mask'; readonly table: Parts3; readonly column: string; readonly fn: FunctionName }
    | { readonly kind: 'filter'; readonly table: Parts3; readonly fn: FunctionName }
    | { readonly kind: 'abac'; readonly on: 'CATALOG' | 'SCHEMA'; readonly securable: readonly string[]; readonly name: string; readonly comment: string }
    | { readonly kind: 'grant'; readonly target: GrantTarget };
}

/** Where the core and attached function of one mask or filter live, for preview. */
export interface CompiledPair {
  readonly core: FunctionName;
  readonly attached: FunctionName;
}

function functionDraft(f: FunctionParts, policies: readonly string[], purpose: string, dependsOn: readonly string[], undoAfter: readonly string[]): PolicyDraft {
  const comment = ownedComment(policies, functionDefinition(f));
  const id = stepIds.fn(f.name[2]);
  const inverse = dropFunctionSql(f.name);
  return {
    id,
    sql: createFunctionSql(f, comment),
    purpose,
    dependsOn,
    inverse,
    record: { id, kind: 'function', inverse, purpose, undoAfter: [...undoAfter], object: [...f.name] },
    expect: { kind: 'function', name: f.name[2], comment },
  };
}

/** Core + attached function for a value mask of one type; `exempt` per policy (clear only when exempt from all). */
function maskPair(name: FunctionName, type: string, method: MaskMethod, exempt: readonly (readonly string[])[], names: readonly string[], what: string, usedBy: string): { drafts: PolicyDraft[]; pair: CompiledPair } {
  const core: FunctionName = [name[0], name[1], coreName(name[2])];
  const coreFn: FunctionParts = {
    name: core,
    params: [[PARAM.value, type], [PARAM.principal, 'STRING'], [PARAM.groups, 'ARRAY<STRING>']],
    returns: type,
    body: maskBody(method, type, exempt),
  };
  const attachedFn: FunctionParts = {
    name,
    params: [[PARAM.value, type]],
    returns: type,
    body: callSql(core, [quoteIdent(PARAM.value), 'current_user()', currentGroupsExpression(uniqueGroups(exempt))]),
  };
  const coreDraft = functionDraft(coreFn, names, `Create the core function of the mask on ${what} (takes the principal explicitly, for preview)`, [], [stepIds.fn(name[2])]);
  const attachedDraft = functionDraft(attachedFn, names, `Create the mask function for ${what}: it calls the core function as the current user`, [coreDraft.id], [usedBy]);
  return { drafts: [coreDraft, attachedDraft], pair: { core, attached: name } };
}

export function maskDrafts(catalog: string, m: MaskTarget): { drafts: PolicyDraft[]; pair: CompiledPair } {
  const parts = [...m.table, m.column];
  const where = joinDottedName(parts);
  const name: FunctionName = [catalog, 'policies', functionName('mask', parts, m.type)];
  const names = m.policies.map((p) => p.name);
  const id = stepIds.mask(parts);
  const { drafts, pair } = maskPair(name, m.type, m.method, m.policies.map((p) => p.exempt), names, where, id);
  const inverse = `ALTER TABLE ${quoteName(...m.table)} ALTER COLUMN ${quoteIdent(m.column)} DROP MASK`;
  const outside = uniqueGroups(m.policies.map((p) => p.exempt)).length === 0 ? '' : ` outside ${exemptText(m.policies)}`;
  const purpose = `Mask ${where} (${maskMethodLabel(m.method)}) for everyone${outside} — ${names.map((n) => `"${n}"`).join(', ')}`;
  drafts.push({
    id,
    sql: `ALTER TABLE ${quoteName(...m.table)} ALTER COLUMN ${quoteIdent(m.column)} SET MASK ${quoteName(...name)}`,
    purpose,
    dependsOn: [drafts[1]!.id],
    inverse,
    record: { id, kind: 'mask', inverse, purpose, undoAfter: [], object: [...m.table], column: m.column },
    expect: { kind: 'mask', table: m.table, column: m.column, fn: name },
  });
  return { drafts, pair };
}

function exemptText(policies: readonly (ColumnMaskPolicy | RowFilterPolicy)[]): string {
  const groups = uniqueGroups(policies.map((p) => p.exempt));
  if (groups.length === 0) return 'no exempt group';
  return groups.length === 1 ? `the exempt group ${groups[0]}` : `the exempt groups ${groups.join(', ')}`;
}

const attributesTable = (catalog: string): string => {
  const t = TABLES.find((x) => x.name === 'principal_attributes')!;
  return quoteName(catalog, t.schema, t.name);
};

/** One policy's condition on a row: exempt, or its match rule. */
function filterPredicate(catalog: string, p: RowFilterPolicy, col: string, principal: string, groups: string): string {
  let match: string;
  if ('userAttribute' in p.match) {
    match = `EXISTS (SELECT 1 FROM ${attributesTable(catalog)} AS a WHERE lower(a.principal) = lower(${principal}) AND a.attribute = ${quoteLiteral(p.match.userAttribute)} AND a.value = CAST(${col} AS STRING))`;
  } else {
    match = Object.entries(p.match.groupValues)
      .map(([g, values]) => (values.includes('*') ? `array_contains(${groups}, ${quoteLiteral(g)})` : `(array_contains(${groups}, ${quoteLiteral(g)}) AND CAST(${col} AS STRING) IN (${values.map(quoteLiteral).join(', ')}))`))
      .join(' OR ');
  }
  return p.exempt.length === 0 ? `(${match})` : `(${inAnyGroup(p.exempt, groups)} OR ${match})`;
}

/**
 * A merged filter's body: every policy must let the row through. `column(c, i)` is the SQL for the filtered column
 * `c`, the function's i-th (targets.ts puts each policy's column in `f.columns`, as the table declares it).
 */
export function filterBody(catalog: string, f: FilterTarget, column: (c: FilterColumn, index: number) => string, principal: string = PARAM.principal, groups: string = PARAM.groups): string {
  return f.policies
    .map((p) => {
      const i = f.columns.findIndex((x) => x.name.toLowerCase() === p.column.toLowerCase());
      return filterPredicate(catalog, p, column(f.columns[i]!, i), principal, groups);
    })
    .join(' AND ');
}

export function filterDrafts(catalog: string, f: FilterTarget): { drafts: PolicyDraft[]; pair: CompiledPair; columns: readonly string[] } {
  const where = joinDottedName(f.table);
  const signature = JSON.stringify(f.columns.map((c) => [c.name.toLowerCase(), c.type.toUpperCase()]));
  const name: FunctionName = [catalog, 'policies', functionName('filter', f.table, signature)];
  const core: FunctionName = [catalog, 'policies', coreName(name[2])];
  const names = f.policies.map((p) => p.name);
  const groups = uniqueGroups(f.policies.flatMap((p) => [p.exempt, 'groupValues' in p.match ? Object.keys(p.match.groupValues) : []]));
  const colParams = f.columns.map((c, i) => [columnParam(i), c.type] as const);
  const coreFn: FunctionParts = {
    name: core,
    params: [[PARAM.principal, 'STRING'], [PARAM.groups, 'ARRAY<STRING>'], ...colParams],
    returns: 'BOOLEAN',
    body: filterBody(catalog, f, (_c, i) => columnParam(i)),
  };
  const attachedFn: FunctionParts = {
    name,
    params: colParams,
    returns: 'BOOLEAN',
    body: callSql(core, ['current_user()', currentGroupsExpression(groups), ...colParams.map(([n]) => quoteIdent(n))]),
  };
  const id = stepIds.filter(f.table);
  const coreDraft = functionDraft(coreFn, names, `Create the core function of the row filter on ${where} (takes the principal explicitly, for preview)`, [], [stepIds.fn(name[2])]);
  const attachedDraft = functionDraft(attachedFn, names, `Create the row filter function for ${where}: it calls the core function as the current user`, [coreDraft.id], [id]);
  const inverse = `ALTER TABLE ${quoteName(...f.table)} DROP ROW FILTER`;
  const plural = uniqueGroups(f.policies.map((p) => p.exempt)).length > 1;
  const purpose = `Filter the rows of ${where} by ${names.map((n) => `"${n}"`).join(' and ')}; ${exemptText(f.policies)} ${plural ? 'see' : 'sees'} every row`;
  return {
    drafts: [
      coreDraft,
      attachedDraft,
      {
        id,
        sql: `ALTER TABLE ${quoteName(...f.table)} SET ROW FILTER ${quoteName(...name)} ON (${f.columns.map((c) => quoteIdent(c.name)).join(', ')})`,
        purpose,
        dependsOn: [attachedDraft.id],
        inverse,
        record: { id, kind: 'filter', inverse, purpose, undoAfter: [], object: [...f.table] },
        expect: { kind: 'filter', table: f.table, fn: name },
      },
    ],
    pair: { core, attached: name },
    columns: f.columns.map((c) => c.name),
  };
}

/** The account-wide group: an ABAC policy applies to everyone but its EXCEPT list. */
export const ACCOUNT_USERS = 'account users';

export function abacDrafts(catalog: string, a: AbacMaskTarget): { drafts: PolicyDraft[]; pair: CompiledPair } {
  const p = a.policy;
  const tag = p.tag!;
  const name: FunctionName = [catalog, 'policies', functionName('tagmask', [p.name], 'STRING')];
  const id = stepIds.abac(a.on, a.securable, p.name);
  const { drafts, pair } = maskPair(name, 'STRING', p.method, [p.exempt], [p.name], `columns tagged ${tag.key}`, id);
  // Syntax: https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy
  const condition = tag.value === undefined ? `hasTag(${quoteLiteral(tag.key)})` : `hasTagValue(${quoteLiteral(tag.key)}, ${quoteLiteral(tag.value)})`;
  const except = p.exempt.length === 0 ? '' : ` EXCEPT ${p.exempt.map(quoteIdent).join(', ')}`;
  const on = `${a.on} ${quoteName(...a.securable)}`;
  const body = `COLUMN MASK ${quoteName(...name)} TO ${quoteIdent(ACCOUNT_USERS)}${except} FOR TABLES MATCH COLUMNS ${condition} AS c ON COLUMN c`;
  const comment = ownedComment([p.name], `${on} ${body}`);
  const inverse = `DROP POLICY ${quoteIdent(p.name)} ON ${on}`;
  const purpose = `ABAC policy "${p.name}": mask (${maskMethodLabel(p.method)}) every column tagged ${tag.key}${tag.value === undefined ? '' : ` = ${tag.value}`} in ${joinDottedName(a.securable)}, now and later, except for ${p.exempt.length === 0 ? 'nobody' : p.exempt.join(', ')}`;
  drafts.push({
    id,
    sql: `CREATE OR REPLACE POLICY ${quoteIdent(p.name)} ON ${on} COMMENT ${quoteLiteral(comment)} ${body}`,
    purpose,
    dependsOn: [drafts[1]!.id],
    inverse,
    record: { id, kind: 'abac', inverse, purpose, undoAfter: [], object: [a.on, ...a.securable, p.name] },
    expect: { kind: 'abac', on: a.on, securable: a.securable, name: p.name, comment },
  });
  return { drafts, pair };
}

export const revokeSql = (g: Pick<GrantTarget, 'securable' | 'name' | 'principal'>, privileges: readonly string[]): string =>
  `REVOKE ${privileges.join(', ')} ON ${g.securable} ${quoteName(...g.name)} FROM ${quoteIdent(g.principal)}`;

export function grantDraft(g: GrantTarget): PolicyDraft {
  const on = `${g.securable} ${quoteName(...g.name)}`;
  const id = stepIds.grant(g.securable, g.name, g.principal);
  const inverse = revokeSql(g, g.privileges);
  const purpose = `Grant ${g.privileges.join(', ')} on ${g.securable.toLowerCase()} ${joinDottedName(g.name)} to ${g.principal} — ${g.policies.map((n) => `"${n}"`).join(', ')}`;
  return {
    id,
    sql: `GRANT ${g.privileges.join(', ')} ON ${on} TO ${quoteIdent(g.principal)}`,
    purpose,
    dependsOn: [],
    inverse,
    record: { id, kind: 'grant', inverse, purpose, undoAfter: [], object: [g.securable, ...g.name], principal: g.principal, privileges: [...g.privileges] },
    expect: { kind: 'grant', target: g },
  };
}
