import { CHANGED_TABLES_PER_STATEMENT, changedTablesStatement, type TableFilter } from '../../../../shared/metadata/crawl-statements';
import type { Clock } from '../../../ports';
import type { SqlSession } from '../../connection/types';
import type { SnapshotWriter } from '../index/snapshot-writer';
import { onSessions } from './catalog-workers';
import { streamStatement } from './stream-statement';

const KEY = 'o.catalog = n.catalog AND o.schema = n.schema AND o.name = n.name';

/**
 * The second half of a re-crawl, after every table's state (with warehouse-computed fingerprints) is in the stage:
 * tables that are new, created again, altered since the watermark, or whose column or tag fingerprint moved have
 * their columns and tags fetched (one statement per catalog and thousand tables, predicates pushed down per schema);
 * every other table's columns and tags are copied from the current snapshot, locally.
 */
export async function fetchChangedDetails(o: {
  readonly writer: SnapshotWriter;
  readonly watermark: number;
  readonly openSession: () => Promise<SqlSession>;
  readonly concurrency: number;
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly onStatement: () => void;
}): Promise<number> {
  const { writer } = o;
  await writer.run(`CREATE OR REPLACE TEMP TABLE stage_refetch AS
    SELECT n.catalog, n.schema, n.name FROM stage_tables n LEFT JOIN tables o ON ${KEY} AND o.created IS NOT DISTINCT FROM n.created
    WHERE o.name IS NULL OR o.column_fp IS DISTINCT FROM n.column_fp OR o.tag_fp IS DISTINCT FROM n.tag_fp OR coalesce(n.last_altered, 0) >= $1`, [o.watermark]);
  const changed = (await writer.read('SELECT catalog, schema, name FROM stage_refetch ORDER BY catalog, schema, name')).map((r) => ({ catalog: String(r.catalog), schema: String(r.schema), name: String(r.name) }));
  await fetchTableDetails({ ...o, tables: changed });
  // Every row from the warehouse is in: the copies below are SQL, and need the memory the appenders held.
  writer.seal();
  // The tables kept as they were (same creation, not refetched) as a table of keys, and their columns and tags copied
  // by a hash semi-join on it: a correlated EXISTS over a join per column took 20 s for two million columns.
  await writer.run(`CREATE OR REPLACE TEMP TABLE stage_kept AS
    SELECT n.catalog, n.schema, n.name FROM stage_tables n JOIN tables o ON ${KEY} AND o.created IS NOT DISTINCT FROM n.created
    ANTI JOIN stage_refetch f ON f.catalog = n.catalog AND f.schema = n.schema AND f.name = n.name`);
  const kept = (alias: string) => `SEMI JOIN stage_kept k ON k.catalog = ${alias}.catalog AND k.schema = ${alias}.schema AND k.name = ${alias}.table_name`;
  await writer.run(`INSERT INTO stage_columns SELECT c.* FROM columns c ${kept('c')}`);
  await writer.run(`INSERT INTO stage_tags SELECT g.* FROM tags g ${kept('g')} WHERE g.kind IN ('TABLE', 'COLUMN')`);
  await writer.run('DROP TABLE stage_kept');
  await writer.run('DROP TABLE stage_refetch');
  return changed.length;
}

/** Columns and tags of the given tables, one row each, a thousand tables per statement, batches on `concurrency` sessions. */
export async function fetchTableDetails(o: {
  readonly writer: SnapshotWriter;
  readonly tables: readonly { readonly catalog: string; readonly schema: string; readonly name: string }[];
  readonly openSession: () => Promise<SqlSession>;
  readonly concurrency: number;
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly onStatement: () => void;
}): Promise<void> {
  const { writer } = o;
  const batches: { catalog: string; tables: TableFilter }[] = [];
  let current: { catalog: string; tables: Map<string, string[]>; size: number } | undefined;
  for (const { catalog, schema, name } of o.tables) {
    if (!current || current.catalog !== catalog || current.size >= CHANGED_TABLES_PER_STATEMENT) {
      current = { catalog, tables: new Map(), size: 0 };
      batches.push(current);
    }
    current.tables.set(schema, [...(current.tables.get(schema) ?? []), name]);
    current.size++;
  }
  await onSessions({
    items: batches,
    concurrency: o.concurrency,
    openSession: o.openSession,
    signal: o.signal,
    clock: o.clock,
    async work(batch, session, attempt) {
      if (attempt > 1) await dropBatch(writer, batch);
      o.onStatement();
      await streamStatement(session, changedTablesStatement(batch.catalog, batch.tables), o.signal, (rows) => writer.appendRows(batch.catalog, rows));
    },
  });
}

async function dropBatch(writer: SnapshotWriter, batch: { catalog: string; tables: TableFilter }): Promise<void> {
  for (const [schema, names] of batch.tables) {
    for (const name of names) {
      await writer.run('DELETE FROM stage_columns WHERE catalog = $1 AND schema = $2 AND table_name = $3', [batch.catalog, schema, name]);
      await writer.run("DELETE FROM stage_tags WHERE kind IN ('TABLE', 'COLUMN') AND catalog = $1 AND schema = $2 AND table_name = $3", [batch.catalog, schema, name]);
    }
  }
}
