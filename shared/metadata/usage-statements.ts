/**
 * Lineage and audit, aggregated on the warehouse so only one row per edge (or per table, action, statement type)
 * travels: the system tables hold one row per event, and a crawl needs the graph and the counts, not the events
 * (governance-steps-3-4.md §4.2; DataHub measured system-table lineage at a fraction of per-table REST calls).
 * Lineage is kept 365 days (reference §3.2, §3.4); the audit summary covers the last 30 days.
 */

const LINEAGE_DAYS = 365;
const AUDIT_DAYS = 30;

const since = (days: number, dateColumn: string): string => `${dateColumn} >= date_sub(current_date(), ${days})`;

/** Table and column lineage edges between tables (path-only reads and writes, with a NULL side, are left out). */
export function lineageStatement(): string {
  const both = 'source_table_full_name IS NOT NULL AND target_table_full_name IS NOT NULL';
  return [
    `SELECT 'table_lineage' AS kind, source_table_full_name AS s, target_table_full_name AS t, CAST(NULL AS STRING) AS n,
       max(source_type) AS v1, max(target_type) AS v2, CAST(NULL AS STRING) AS v3, CAST(NULL AS STRING) AS v4, CAST(NULL AS STRING) AS v5,
       CAST(count(*) AS BIGINT) AS i1, CAST(unix_millis(max(event_time)) AS BIGINT) AS i2
     FROM system.access.table_lineage WHERE ${both} AND ${since(LINEAGE_DAYS, 'event_date')}
     GROUP BY source_table_full_name, target_table_full_name`,
    `SELECT 'column_lineage', source_table_full_name, target_table_full_name, source_column_name, target_column_name,
       CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING),
       CAST(count(*) AS BIGINT), CAST(unix_millis(max(event_time)) AS BIGINT)
     FROM system.access.column_lineage WHERE ${both} AND source_column_name IS NOT NULL AND target_column_name IS NOT NULL AND ${since(LINEAGE_DAYS, 'event_date')}
     GROUP BY source_table_full_name, target_table_full_name, source_column_name, target_column_name`,
  ].join('\nUNION ALL ');
}

const NULLS = (n: number): string => Array.from({ length: n }, () => 'CAST(NULL AS STRING)').join(', ');

/** `SELECT '<kind>', <s>, …` with v1 = distinct principals (as text), i1 = events, i2 = the last one (epoch ms). */
const summary = (kind: string, name: string, principals: string, events: string, last: string): string =>
  `SELECT '${kind}' AS kind, ${name} AS s, CAST(NULL AS STRING) AS t, CAST(NULL AS STRING) AS n, CAST(${principals} AS STRING) AS v1, ${NULLS(4)},
     CAST(${events} AS BIGINT) AS i1, CAST(unix_millis(${last}) AS BIGINT) AS i2`;

/**
 * Query audit, read as the governance product's own audit reads it (query history with lineage, reference §7.1):
 * reads per table (statements and distinct readers), Unity Catalog actions from the audit log, and statements per
 * type from the query history.
 */
export function auditStatement(): string {
  return [
    `${summary('audit_read', 'source_table_full_name', 'count(DISTINCT created_by)', 'count(DISTINCT statement_id)', 'max(event_time)')}
     FROM system.access.table_lineage WHERE source_table_full_name IS NOT NULL AND ${since(AUDIT_DAYS, 'event_date')} GROUP BY source_table_full_name`,
    `${summary('audit_action', 'action_name', 'count(DISTINCT user_identity.email)', 'count(*)', 'max(event_time)')}
     FROM system.access.audit WHERE service_name = 'unityCatalog' AND ${since(AUDIT_DAYS, 'event_date')} GROUP BY action_name`,
    `${summary('audit_statement', 'statement_type', 'count(DISTINCT executed_by)', 'count(*)', 'max(start_time)')}
     FROM system.query.history WHERE start_time >= date_sub(current_date(), ${AUDIT_DAYS}) GROUP BY statement_type`,
  ].join('\nUNION ALL ');
}
