import { ucErrors } from '../../catalog/errors';
import type { TableRef } from '../../catalog/resolve';
import { duckIdent } from '../duck';
import type { Statement } from '../parse/ast';
import type { Token } from '../parse/lexer';
import { qualify } from '../rewrite/sources';
import { rewriteTokens, Walker } from '../rewrite/walker';
import { runSql } from './run-sql';
import { recordLineage } from './lineage';
import { valuesSource, type ResultSource } from './result-source';
import type { Exec, Execution } from './session';
import { materialize } from './storage';
import { syncForStatement } from './sync-reads';
import { withConnection } from './with-connection';
import { tableItem } from '../rewrite/from-clause';
import { filterPredicate } from './filter-predicate';

/** SELECT / VALUES / WITH / FROM / TABLE: rewritten, then streamed from DuckDB. */
export async function runQuery(exec: Exec, tokens: readonly Token[]): Promise<Execution> {
  const source = await runSql(exec, rewriteTokens(tokens, exec.scope));
  recordLineage(exec, null);
  return { source, statementType: 'SELECT', modifiedRows: null };
}

const bigint = { base: 'bigint' } as const;

/** DML answers with counts, as Databricks does (`num_affected_rows`, …). */
function counts(names: readonly string[], values: readonly number[]): ResultSource {
  return valuesSource(names.map((name) => ({ name, type: bigint })), [values]);
}

/** The written table: USE CATALOG + USE SCHEMA + MODIFY, plus SELECT when the statement reads it (R12). */
function writeTarget(exec: Exec, name: readonly string[], reads: boolean): TableRef {
  const ref = exec.uc.resolve.table(...qualify(name, exec.scope));
  if (ref.table.tableType === 'VIEW') throw ucErrors.invalidParameter(`Cannot write to the view ${ref.catalog.name}.${ref.schema.name}.${ref.table.name}.`);
  if (ref.catalog.catalogType === 'SYSTEM_CATALOG') throw ucErrors.insufficientPermissions('System tables are read-only.');
  exec.uc.authz.requireUsage(exec.subject, ref);
  exec.uc.authz.require(exec.subject, ref, 'MODIFY');
  if (reads) exec.uc.authz.require(exec.subject, ref, 'SELECT');
  return ref;
}

export async function runInsert(exec: Exec, st: Extract<Statement, { type: 'insert' }>): Promise<Execution> {
  const ref = writeTarget(exec, st.target, st.overwrite);
  const source = rewriteTokens(st.source, exec.scope);
  const columns = st.columns === null ? '' : ` (${st.columns.map(duckIdent).join(', ')})`;
  await syncForStatement(exec);
  const inserted = await withConnection(exec.uc, async (c) => {
    const storage = await materialize(exec.uc, ref.table, c);
    if (!st.overwrite) return (await c.run(`INSERT INTO ${storage}${columns} ${source}`)).rowsChanged;
    // The source may read the target itself, so it is materialized before the target is emptied.
    const staged = `ow_${exec.statementId.replaceAll('-', '')}`;
    await c.run('BEGIN TRANSACTION');
    try {
      await c.run(`CREATE TEMP TABLE ${staged} AS ${source}`);
      await c.run(`DELETE FROM ${storage}`);
      const n = (await c.run(`INSERT INTO ${storage}${columns} SELECT * FROM ${staged}`)).rowsChanged;
      await c.run(`DROP TABLE ${staged}`);
      await c.run('COMMIT');
      return n;
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
  }, exec.cancellation);
  recordLineage(exec, ref, st.source, st.columns ?? ref.table.columns.map((c) => c.name));
  return { source: counts(['num_affected_rows', 'num_inserted_rows'], [inserted, inserted]), statementType: 'INSERT', modifiedRows: inserted };
}

/** Index of the top-level WHERE in `tokens`, or -1. */
function topLevelWhere(tokens: readonly Token[]): number {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'op' && t.value === '(') depth++;
    else if (t.kind === 'op' && t.value === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && t.value.toUpperCase() === 'WHERE') return i;
  }
  return -1;
}

/** UPDATE and DELETE only touch rows the table's row filter lets the writer see. */
export async function runUpdateOrDelete(exec: Exec, st: Extract<Statement, { type: 'update' | 'delete' }>): Promise<Execution> {
  const ref = writeTarget(exec, st.target, true);
  const alias = duckIdent(st.alias ?? ref.table.name);
  const filter = filterPredicate(exec, ref, alias);
  let sql: string;
  if (st.type === 'update') {
    const where = topLevelWhere(st.rest);
    const head = rewriteTokens(where < 0 ? st.rest : [...st.rest.slice(0, where), st.rest.at(-1)!], exec.scope);
    const condition = where < 0 ? null : rewriteTokens(st.rest.slice(where + 1), exec.scope, 'expr');
    const predicate = [condition, filter].filter((p) => p !== null).map((p) => `(${p})`).join(' AND ');
    sql = `UPDATE %STORAGE% AS ${alias} ${head}${predicate ? ` WHERE ${predicate}` : ''}`;
  } else {
    const condition = st.where === null ? null : rewriteTokens(st.where, exec.scope, 'expr');
    const predicate = [condition, filter].filter((p) => p !== null).map((p) => `(${p})`).join(' AND ');
    sql = `DELETE FROM %STORAGE% AS ${alias}${predicate ? ` WHERE ${predicate}` : ''}`;
  }
  await syncForStatement(exec);
  const affected = await withConnection(exec.uc, async (c) => {
    if (ref.table.storage === null) return 0;
    return (await c.run(sql.replace('%STORAGE%', ref.table.storage))).rowsChanged;
  }, exec.cancellation);
  recordLineage(exec, ref);
  return { source: counts(['num_affected_rows'], [affected]), statementType: st.type.toUpperCase(), modifiedRows: affected };
}

/** MERGE INTO: DuckDB's MERGE runs it; the source goes through the same table resolution as FROM. */
export async function runMerge(exec: Exec, st: Extract<Statement, { type: 'merge' }>): Promise<Execution> {
  const ref = writeTarget(exec, st.target, true);
  if (ref.table.rowFilter !== null) throw ucErrors.unsupported('MERGE into a table with a row filter in the sandbox');
  const alias = duckIdent(st.alias ?? ref.table.name);
  const w = new Walker(st.rest);
  const using: string[] = ['USING'];
  const afterSource = tableItem(w, 1, st.rest.length, exec.scope, using);
  const rest = w.walk(afterSource, st.rest.length, 'query', exec.scope);
  await syncForStatement(exec);
  const actions = await withConnection(exec.uc, async (c) => {
    const storage = await materialize(exec.uc, ref.table, c);
    const reader = await c.runAndReadAll(`MERGE INTO ${storage} AS ${alias} ${using.join(' ')} ${rest} RETURNING merge_action`);
    return reader.getColumnsJS()[0] ?? [];
  }, exec.cancellation);
  const count = (a: string) => actions.filter((x) => x === a).length;
  const [updated, deleted, inserted] = [count('UPDATE'), count('DELETE'), count('INSERT')];
  const affected = updated + deleted + inserted;
  recordLineage(exec, ref);
  return {
    source: counts(['num_affected_rows', 'num_updated_rows', 'num_deleted_rows', 'num_inserted_rows'], [affected, updated, deleted, inserted]),
    statementType: 'MERGE',
    modifiedRows: affected,
  };
}
