import { ucErrors } from '../../catalog/errors';
import type { ColumnDef, PolicyArg } from '../../catalog/model';
import type { TableRef } from '../../catalog/resolve';
import { duckIdent } from '../duck';
import { tokenize } from '../parse/lexer';
import { parseTypeText, toDuckType } from '../types';
import { effectiveAbac, type EffectiveFilter, type EffectiveMask } from './abac';
import { childScope, type Scope } from './context';
import { inlineScalarFunction } from './inline-function';
import { ownerSubject } from './owner-subject';
import { rewriteTokens } from './walker';

/** A table that has never held a row reads as an empty relation with its declared column types. */
export function emptyRelation(columns: readonly ColumnDef[]): string {
  const cols = columns.map((c) => `CAST(NULL AS ${toDuckType(parseTypeText(c.typeText))}) AS ${duckIdent(c.name)}`);
  return `SELECT ${cols.join(', ')} WHERE FALSE`;
}

const fq = (n: readonly string[]) => n.join('.');

/**
 * The masks and the row filter that apply to this reader: the table's own (ALTER TABLE … SET MASK / SET ROW
 * FILTER) and those ABAC policies give (abac.ts). At most one mask per column and one filter per table: more
 * fail the query (MULTIPLE_MASKS, https://docs.databricks.com/aws/error-messages/column-masks-feature-not-supported-error-class).
 */
function effective(ref: TableRef, scope: Scope): { masks: EffectiveMask[]; filter: EffectiveFilter | null } {
  const table = ref.table;
  const abac = effectiveAbac(scope.statement.uc, ref, scope.statement.invoker);
  const masks: EffectiveMask[] = [...table.masks.map((m) => ({ ...m, source: fq(m.functionName) })), ...abac.masks];
  const name = `${ref.catalog.name}.${ref.schema.name}.${table.name}`;
  for (const c of new Set(masks.map((m) => m.column.toLowerCase()))) {
    const on = masks.filter((m) => m.column.toLowerCase() === c);
    if (on.length > 1) throw ucErrors.multipleMasks(name, on.map((m) => m.source), on[0]!.column);
  }
  const filters: EffectiveFilter[] = [...(table.rowFilter ? [{ ...table.rowFilter, source: fq(table.rowFilter.functionName) }] : []), ...abac.filters];
  if (filters.length > 1) throw ucErrors.multipleRowFilters(name, filters.map((f) => f.source));
  return { masks, filter: filters[0] ?? null };
}

/**
 * The rows a table shows its reader: storage with the row filter applied and each masked column replaced by its
 * mask function's result (R4–R7). Policy functions run with their owner's privileges and need no EXECUTE from the
 * reader; identity functions inside them evaluate as the reader, so one table shows different data per principal.
 */
export function storageSql(ref: TableRef, scope: Scope): string {
  const table = ref.table;
  const base = table.storage === null ? `(${emptyRelation(table.columns)})` : table.storage;
  const { masks, filter } = effective(ref, scope);
  if (filter === null && masks.length === 0) return base;
  const policyScope = childScope(scope, { checkExecute: false, ctes: new Set(), params: new Map() });
  const argSql = (a: PolicyArg) =>
    a.kind === 'column' ? duckIdent(a.name) : rewriteTokens(tokenize(a.sql), policyScope, 'expr');
  const call = (name: readonly [string, string, string], args: readonly string[]) => {
    const fn = scope.statement.uc.resolve.findFunction(...name);
    if (!fn) throw ucErrors.routineNotFound(name);
    return inlineScalarFunction(fn, args, { ...policyScope, checker: ownerSubject(scope.statement.uc, fn.fn.owner) });
  };
  const columns = table.columns.map((c) => {
    const mask = masks.find((m) => m.column.toLowerCase() === c.name.toLowerCase());
    if (!mask) return duckIdent(c.name);
    // The mask's result is cast to the column's type (R5; ABAC: "automatic type casting for column masks").
    const typed = `CAST(${call(mask.functionName, [duckIdent(c.name), ...mask.using.map(argSql)])} AS ${toDuckType(parseTypeText(c.typeText))})`;
    return `${typed} AS ${duckIdent(c.name)}`;
  });
  // FALSE or NULL from the filter hides the row (R4).
  const where = filter === null ? '' : ` WHERE COALESCE(${call(filter.functionName, filter.args.map(argSql))}, FALSE)`;
  return `(SELECT ${columns.join(', ')} FROM ${base}${where})`;
}
