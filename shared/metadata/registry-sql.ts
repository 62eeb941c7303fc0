import { quoteIdent, quoteLiteral, quoteName, quoteNullableLiteral } from '../sql/quote';
import type { SnapshotRecord } from './snapshot';

/**
 * The statements that keep `<integration catalog>.registry.registered_objects` and `crawl_runs` in step with the
 * selection: batched, and idempotent by construction — MERGE inserts only what is missing and sets values rather
 * than adding to them, DELETE removes by name — so a resumed or repeated apply changes nothing more. Rows travel as a
 * UNION ALL of literal SELECTs (every value through shared/sql/quote.ts), which every Databricks SQL version takes.
 */

export interface RegistryRow {
  readonly fullName: string;
  readonly objectType: string;
  readonly active: boolean;
  readonly fingerprint: string | null;
}

const registry = (catalog: string): string => quoteName(catalog, 'registry', 'registered_objects');

const rowsSql = (rows: readonly RegistryRow[]): string =>
  rows
    .map((r, i) => {
      const v = [quoteLiteral(r.fullName), quoteLiteral(r.objectType), r.active ? 'TRUE' : 'FALSE', `CAST(${quoteNullableLiteral(r.fingerprint)} AS STRING)`];
      return i === 0 ? `SELECT ${v[0]} AS full_name, ${v[1]} AS object_type, ${v[2]} AS active, ${v[3]} AS fingerprint` : `SELECT ${v.join(', ')}`;
    })
    .join(' UNION ALL ');

/** Registers what is missing. */
export const insertRowsSql = (catalog: string, rows: readonly RegistryRow[]): string =>
  `MERGE INTO ${registry(catalog)} AS t USING (${rowsSql(rows)}) AS s ON t.full_name = s.full_name WHEN NOT MATCHED THEN INSERT (full_name, object_type, active, registered_at, fingerprint) VALUES (s.full_name, s.object_type, s.active, current_timestamp(), s.fingerprint)`;

/** Sets type, state and fingerprint of rows that are there (and only those). */
export const updateRowsSql = (catalog: string, rows: readonly RegistryRow[]): string =>
  `MERGE INTO ${registry(catalog)} AS t USING (${rowsSql(rows)}) AS s ON t.full_name = s.full_name WHEN MATCHED THEN UPDATE SET object_type = s.object_type, active = s.active, fingerprint = s.fingerprint`;

export const deleteRowsSql = (catalog: string, fullNames: readonly string[]): string =>
  `DELETE FROM ${registry(catalog)} WHERE full_name IN (${fullNames.map(quoteLiteral).join(', ')})`;

const ts = (ms: number): string => `TIMESTAMP ${quoteLiteral(new Date(ms).toISOString().replace('T', ' ').replace('Z', ''))}`;

/** Records the crawl the registration came from, once. */
export function crawlRunSql(catalog: string, run: SnapshotRecord, diff: { readonly new: number; readonly changed: number; readonly dropped: number }): string {
  const columns: [string, string][] = [
    ['crawl_id', quoteLiteral(run.id)], ['started_at', ts(run.startedAt)], ['finished_at', ts(run.finishedAt)], ['source', quoteLiteral(run.source)],
    ['mode', quoteLiteral(run.mode)], ['crawled_by', quoteLiteral(run.crawledBy)], ['catalogs', String(run.counts.catalogs)], ['schemas', String(run.counts.schemas)],
    ['tables', String(run.counts.tables)], ['columns', String(run.counts.columns)], ['new_objects', String(diff.new)], ['changed_objects', String(diff.changed)],
    ['dropped_objects', String(diff.dropped)],
  ];
  const names = [...columns.map(([n]) => n), 'registered_at'];
  return `MERGE INTO ${quoteName(catalog, 'registry', 'crawl_runs')} AS t USING (SELECT ${columns.map(([n, v]) => `${v} AS ${quoteIdent(n)}`).join(', ')}) AS s ON t.crawl_id = s.crawl_id WHEN NOT MATCHED THEN INSERT (${names.join(', ')}) VALUES (${[...columns.map(([n]) => `s.${quoteIdent(n)}`), 'current_timestamp()'].join(', ')})`;
}

export const undoCrawlRunSql = (catalog: string, crawlId: string): string => `DELETE FROM ${quoteName(catalog, 'registry', 'crawl_runs')} WHERE crawl_id = ${quoteLiteral(crawlId)}`;

/** What the registry holds, read back to plan against. */
export const readRegistrySql = (catalog: string): string => `SELECT full_name, object_type, active, fingerprint FROM ${registry(catalog)}`;
