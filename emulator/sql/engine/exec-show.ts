import { duckString } from '../duck';
import { informationSchemaSql } from '../info-schema';
import type { Statement } from '../parse/ast';
import { schemaParts } from './names';
import { runSql } from './run-sql';
import type { Exec, Execution } from './session';

/** Spark's SHOW … LIKE patterns: `*` is any text, `|` separates alternatives, matching is case-insensitive. */
function patternSql(column: string, pattern: string | null): string {
  if (pattern === null) return 'TRUE';
  const regex = pattern
    .split('|')
    .map((alt) => alt.trim().replace(/[.+?^${}()[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('%', '.*'))
    .join('|');
  return `regexp_full_match(lower(${column}), ${duckString(regex.toLowerCase())})`;
}

/** SHOW CATALOGS | SCHEMAS | TABLES | VIEWS | FUNCTIONS | VOLUMES, answered from information_schema for the caller. */
export async function runShow(exec: Exec, st: Extract<Statement, { type: 'show' }>): Promise<Execution> {
  const invoker = exec.subject;
  const view = (name: string, catalog: string | null) =>
    `(${informationSchemaSql(name, { names: [...invoker.names], admin: invoker.metastoreAdmin, catalog: catalog?.toLowerCase() ?? null })!})`;
  let sql: string;
  switch (st.what) {
    case 'CATALOGS':
      sql = `SELECT catalog_name AS catalog FROM ${view('catalogs', null)} WHERE ${patternSql('catalog_name', st.pattern)} ORDER BY 1`;
      break;
    case 'SCHEMAS': {
      const catalog = exec.uc.resolve.catalog(st.in?.[0] ?? exec.session.catalog).catalog.name;
      sql = `SELECT schema_name AS databaseName FROM ${view('schemata', catalog)} WHERE ${patternSql('schema_name', st.pattern)} ORDER BY 1`;
      break;
    }
    default: {
      const [catalog, schema] = st.in === null ? [exec.session.catalog, exec.session.schema] : schemaParts(exec, st.in);
      const ref = exec.uc.resolve.schema(catalog, schema);
      const where = `table_schema = ${duckString(ref.schema.name)}`;
      if (st.what === 'TABLES') {
        sql = `SELECT table_schema AS database, table_name AS tableName, FALSE AS isTemporary FROM ${view('tables', ref.catalog.name)} WHERE ${where} AND ${patternSql('table_name', st.pattern)} ORDER BY 2`;
      } else if (st.what === 'VIEWS') {
        sql = `SELECT table_schema AS namespace, table_name AS viewName, FALSE AS isTemporary, FALSE AS isMaterialized FROM ${view('views', ref.catalog.name)} WHERE ${where} AND ${patternSql('table_name', st.pattern)} ORDER BY 2`;
      } else if (st.what === 'VOLUMES') {
        sql = `SELECT volume_schema AS database, volume_name FROM ${view('volumes', ref.catalog.name)} WHERE volume_schema = ${duckString(ref.schema.name)} AND ${patternSql('volume_name', st.pattern)} ORDER BY 2`;
      } else {
        sql = `SELECT routine_catalog || '.' || routine_schema || '.' || routine_name AS function FROM ${view('routines', ref.catalog.name)} WHERE routine_schema = ${duckString(ref.schema.name)} AND ${patternSql('routine_name', st.pattern)} ORDER BY 1`;
      }
    }
  }
  return { source: await runSql(exec, sql), statementType: 'SHOW', modifiedRows: null };
}
