import { ucErrors } from '../../catalog/errors';
import type { TableRef } from '../../catalog/resolve';
import { informationSchemaSql } from '../info-schema';
import { formatType } from '../types';
import { valuesSource, type ResultSource } from './result-source';
import { runSql } from './run-sql';
import type { Exec } from './session';

/**
 * DESCRIBE of what lives in the `system` catalog and in every `information_schema`
 * (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-aux-describe-table): the
 * information_schema relations are views, described by the columns they answer with; a system table in a schema
 * that is not enabled cannot be described any more than read (the system tables page,
 * https://docs.databricks.com/aws/en/admin/system-tables/, says schemas must be enabled to be used; it does not
 * say what DESCRIBE answers meanwhile: the sandbox answers as for a SELECT).
 */

/** The columns of `<catalog>.information_schema.<view>` (`system` for every catalog) as `col_name, data_type, comment`. */
export async function describeInformationSchemaView(exec: Exec, catalog: string, view: string): Promise<ResultSource> {
  const isSystem = catalog.toLowerCase() === 'system';
  if (!isSystem) exec.uc.resolve.catalog(catalog);
  const invoker = exec.subject;
  const sql = informationSchemaSql(view, { names: [...invoker.names], admin: invoker.metastoreAdmin, catalog: isSystem ? null : catalog.toLowerCase() });
  if (sql === undefined) throw ucErrors.tableNotFound([catalog, 'information_schema', view]);
  const probe = await runSql(exec, `SELECT * FROM (${sql}) LIMIT 0`);
  const columns = probe.columns;
  probe.close();
  const str = { base: 'string' } as const;
  return valuesSource(['col_name', 'data_type', 'comment'].map((name) => ({ name, type: str })), columns.map((c) => [c.name, formatType(c.type), null]));
}

/** A system table whose schema is not enabled is refused, as reading it is. */
export function requireEnabledSystemSchema(exec: Exec, ref: TableRef): void {
  if (ref.catalog.catalogType !== 'SYSTEM_CATALOG') return;
  const state = exec.uc.settings.systemSchemaState(ref.schema.name);
  if (state !== undefined && state !== 'ENABLE_COMPLETED') throw ucErrors.systemSchemaDisabled(ref.schema.name);
}
