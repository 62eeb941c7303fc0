import type { BlindSpot } from '../../../../shared/metadata/snapshot';
import { catalogsStatement } from '../../../../shared/metadata/crawl-statements';
import { auditStatement, lineageStatement } from '../../../../shared/metadata/usage-statements';
import { AppFailure } from '../../../../shared/result';
import type { Clock } from '../../../ports';
import type { SqlSession } from '../../connection/types';
import type { SnapshotWriter } from '../index/snapshot-writer';
import { onSessions } from './catalog-workers';
import { readPolicies } from './read-policies';
import { streamStatement } from './stream-statement';

export interface CrawlProgress {
  readonly phase: 'catalogs' | 'catalog' | 'lineage' | 'audit' | 'policies' | 'details' | 'index';
  readonly catalogsDone: number;
  readonly catalogsTotal: number;
  readonly tables: number;
  readonly columns: number;
  readonly current?: string;
}

export interface SqlCrawlOptions {
  readonly writer: SnapshotWriter;
  readonly openSession: () => Promise<SqlSession>;
  /** The statement that reads one catalog: a full crawl's or a re-crawl's. */
  readonly statementFor: (catalog: string) => string;
  readonly signal: AbortSignal;
  readonly clock: Clock;
  /** Catalog statements in flight at once (2–4 keeps the warehouse and the info-schema service comfortable). */
  readonly concurrency: number;
  readonly audit: boolean;
  readonly onProgress?: (p: CrawlProgress) => void;
  /**
   * Called when a catalog's statement has ended (a full crawl unpacks its columns then, while the other catalogs are
   * fetched); awaited once every catalog is in.
   */
  readonly onCatalogDone?: (catalog: string) => Promise<void>;
}

export interface SqlCrawlResult {
  readonly catalogs: readonly string[];
  readonly blindSpots: readonly BlindSpot[];
  readonly statements: number;
}

/** A refusal (no privilege, feature missing) is a blind spot to report; anything else fails the crawl. */
const refused = (e: unknown): e is AppFailure => e instanceof AppFailure && (e.error.code === 'SQL_ERROR' || e.error.code === 'FORBIDDEN');

const firstLine = (e: AppFailure): string => e.error.message.split('\n')[0]!.slice(0, 300);

/**
 * The bulk crawl over SQL: the catalogs (one statement), then one statement per catalog on `concurrency` sessions,
 * then lineage (and the audit summary when audit is on) aggregated on the warehouse, then ABAC policies. Rows stream
 * into the snapshot writer as they are fetched. A catalog whose statement is refused is reported as a blind spot
 * and left out; a transient failure re-reads that catalog from scratch on a new session.
 */
export async function crawlOverSql(o: SqlCrawlOptions): Promise<SqlCrawlResult> {
  const { writer, signal } = o;
  const blindSpots: BlindSpot[] = [];
  let statements = 0;
  let done = 0;
  let catalogs: string[] = [];
  const progress = (phase: CrawlProgress['phase'], current?: string) =>
    o.onProgress?.({ phase, catalogsDone: done, catalogsTotal: catalogs.length, tables: writer.appended('tables'), columns: writer.appended('columns'), ...(current ? { current } : {}) });

  progress('catalogs');
  const first = await o.openSession();
  try {
    statements++;
    await streamStatement(first, catalogsStatement(), signal, (rows) => {
      writer.appendRows(null, rows);
      for (const r of rows) if (r.kind === 'catalog' && r.s !== null) catalogs.push(r.s);
    });
  } finally {
    await first.close();
  }
  catalogs = [...new Set(catalogs)].sort();
  progress('catalog');

  const afterCatalogs: Promise<void>[] = [];
  await onSessions({
    items: catalogs,
    concurrency: o.concurrency,
    openSession: o.openSession,
    signal,
    clock: o.clock,
    async work(catalog, session, attempt) {
      // A retry starts the catalog over: drop whatever the failed attempt appended.
      if (attempt > 1) await dropCatalogRows(writer, catalog);
      statements++;
      try {
        await streamStatement(session, o.statementFor(catalog), signal, (rows) => {
          writer.appendRows(catalog, rows);
          progress('catalog', catalog);
        });
        if (o.onCatalogDone) {
          const after = o.onCatalogDone(catalog);
          after.catch(() => undefined); // awaited below; a failure fails the crawl there
          afterCatalogs.push(after);
        }
      } catch (e) {
        if (!refused(e) || signal.aborted) throw e;
        await dropCatalogRows(writer, catalog);
        blindSpots.push({ code: 'catalog-unreadable', catalog, message: `The contents of ${catalog} could not be read: ${firstLine(e)}` });
      }
      done++;
      progress('catalog', catalog);
    },
  });
  await Promise.all(afterCatalogs);

  const usage: [phase: 'lineage' | 'audit', sql: string, code: BlindSpot['code'], what: string][] = [
    ['lineage', lineageStatement(), 'lineage-unavailable', 'Lineage (system.access.table_lineage and column_lineage)'],
  ];
  if (o.audit) usage.push(['audit', auditStatement(), 'audit-unavailable', 'The audit summary (system.access.audit and system.query.history)']);
  const session = await o.openSession();
  try {
    for (const [phase, sql, code, what] of usage) {
      progress(phase);
      statements++;
      try {
        await streamStatement(session, sql, signal, (rows) => writer.appendRows(null, rows));
      } catch (e) {
        if (!refused(e) || signal.aborted) throw e;
        blindSpots.push({ code, catalog: null, message: `${what} could not be read: ${firstLine(e)}` });
      }
    }
    progress('policies');
    const policies = await readPolicies(session, catalogs, writer, signal);
    statements += policies.statements;
    blindSpots.push(...policies.blindSpots);
  } finally {
    await session.close();
  }
  return { catalogs, blindSpots, statements };
}

/**
 * Drops every stage row of one catalog's statement (the catalog row and its tags come from another statement),
 * the packed columns and tags waiting to be unpacked included: left behind, a retried catalog's columns came twice.
 */
async function dropCatalogRows(writer: SnapshotWriter, catalog: string): Promise<void> {
  for (const t of ['schemas', 'tables', 'columns', 'grants', 'row_filters', 'column_masks', 'packed', 'packed_tags', 'dirty']) await writer.run(`DELETE FROM stage_${t} WHERE catalog = $1`, [catalog]);
  await writer.run("DELETE FROM stage_tags WHERE catalog = $1 AND kind <> 'CATALOG'", [catalog]);
}
