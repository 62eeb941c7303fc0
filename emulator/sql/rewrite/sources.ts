import { ucErrors } from '../../catalog/errors';
import type { TableRef } from '../../catalog/resolve';
import { duckIdent } from '../duck';
import { informationSchemaSql } from '../info-schema';
import { tokenize } from '../parse/lexer';
import { childScope, MAX_DEPTH, type Scope } from './context';
import { inlineTableFunction } from './inline-function';
import { ownerSubject } from './owner-subject';
import { storageSql } from './policies';
import type { Walker } from './walker';
import { rewriteTokens } from './walker';

export function qualify(names: readonly string[], scope: Scope): [string, string, string] {
  if (names.length === 1) return [scope.catalog, scope.schema, names[0]!];
  if (names.length === 2) return [scope.catalog, names[0]!, names[1]!];
  if (names.length === 3) return [names[0]!, names[1]!, names[2]!];
  throw ucErrors.parse(`'${names.join('.')}'`);
}

/** USE CATALOG + USE SCHEMA + SELECT (R13); system schemas must also be enabled (reference §3.4). */
export function checkRead(ref: TableRef, scope: Scope): void {
  const { uc } = scope.statement;
  if (ref.catalog.catalogType === 'SYSTEM_CATALOG') {
    const state = uc.settings.systemSchemaState(ref.schema.name);
    if (state !== undefined && state !== 'ENABLE_COMPLETED') throw ucErrors.systemSchemaDisabled(ref.schema.name);
  }
  uc.authz.requireUsage(scope.checker, ref);
  uc.authz.require(scope.checker, ref, 'SELECT');
}

/**
 * What a table name in FROM stands for: a CTE, an information_schema view filtered for the caller, a view's
 * query (run with its owner's privileges), or the table's storage with row filters and masks applied.
 */
export function tableSourceSql(names: readonly string[], scope: Scope): { sql: string; needsAlias: boolean } {
  if (names.length === 1 && scope.ctes.has(names[0]!.toLowerCase())) return { sql: duckIdent(names[0]!), needsAlias: false };
  const { uc } = scope.statement;
  const [catalog, schema, table] = qualify(names, scope);
  if (schema.toLowerCase() === 'information_schema') {
    const isSystem = catalog.toLowerCase() === 'system';
    if (!isSystem) uc.resolve.catalog(catalog);
    const invoker = scope.statement.invoker;
    const sql = informationSchemaSql(table, { names: [...invoker.names], admin: invoker.metastoreAdmin, catalog: isSystem ? null : catalog.toLowerCase(), abacPolicies: uc.abac.all() });
    // A workspace without the Public Preview policy view does not know the name (UnityCatalogOptions.abacPolicyView).
    if (sql === undefined || (!uc.abacPolicyView && table.toLowerCase() === 'abac_policy_definitions')) throw ucErrors.tableNotFound([catalog, schema, table]);
    return { sql: `(${sql})`, needsAlias: true };
  }
  const ref = uc.resolve.table(catalog, schema, table);
  checkRead(ref, scope);
  scope.statement.reads.push(ref);
  if (ref.table.tableType === 'VIEW') return { sql: `(${viewSql(ref, scope)})`, needsAlias: true };
  return { sql: storageSql(ref, scope), needsAlias: true };
}

function viewSql(ref: TableRef, scope: Scope): string {
  if (scope.depth > MAX_DEPTH) throw ucErrors.invalidState(`View nesting is too deep at ${ref.catalog.name}.${ref.schema.name}.${ref.table.name}.`);
  const inner = childScope(scope, {
    catalog: ref.catalog.name,
    schema: ref.schema.name,
    checker: ownerSubject(scope.statement.uc, ref.table.owner),
    ctes: new Set(),
    params: new Map(),
  });
  return rewriteTokens(tokenize(ref.table.viewText ?? ''), inner);
}

/** `range(n)` and SQL table functions (RETURNS TABLE) in FROM. */
export function tableFunctionSql(w: Walker, names: readonly string[], open: number, close: number, scope: Scope): string {
  const args = splitArgs(w, open, close).map(([a, b]) => w.walk(a, b, 'expr', scope));
  if (names.length === 1 && names[0]!.toLowerCase() === 'range') {
    // Databricks' range() yields one BIGINT column named `id`.
    return `(SELECT range AS id FROM range(${args.join(', ')}))`;
  }
  const [catalog, schema, name] = qualify(names, scope);
  const ref = scope.statement.uc.resolve.findFunction(catalog, schema, name);
  if (!ref) throw ucErrors.unresolvedRoutine(names.join('.'));
  return `(${inlineTableFunction(ref, args, scope)})`;
}

/** Top-level comma-separated argument ranges inside the parentheses at `open`…`close`. */
export function splitArgs(w: Walker, open: number, close: number): [number, number][] {
  const out: [number, number][] = [];
  let start = open + 1;
  let depth = 0;
  for (let k = open + 1; k < close; k++) {
    if (w.isOp(k, '(')) depth++;
    else if (w.isOp(k, ')')) depth--;
    else if (depth === 0 && w.isOp(k, ',')) {
      out.push([start, k]);
      start = k + 1;
    }
  }
  if (close > open + 1) out.push([start, close]);
  return out;
}
