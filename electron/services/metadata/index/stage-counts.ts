import type { BlindSpot, CrawlCounts } from '../../../../shared/metadata/snapshot';
import type { SnapshotWriter } from './snapshot-writer';

/** Counts of what the stage holds, as `metadata crawl --json` reports them. */
export async function stageCounts(writer: SnapshotWriter): Promise<CrawlCounts> {
  const [r] = await writer.read(`SELECT
    (SELECT count(*) FROM stage_catalogs) AS catalogs, (SELECT count(*) FROM stage_schemas) AS schemas,
    (SELECT count(*) FROM stage_tables) AS tables, (SELECT count(*) FROM stage_columns) AS columns,
    (SELECT count(*) FROM stage_tags) AS tags, (SELECT count(*) FROM stage_grants) AS grants,
    (SELECT count(*) FROM stage_column_masks) AS masks, (SELECT count(*) FROM stage_row_filters) AS row_filters,
    (SELECT count(*) FROM stage_policies) AS policies, (SELECT count(*) FROM stage_table_lineage) AS lineage,
    (SELECT count(*) FROM stage_column_lineage) AS column_lineage`);
  const n = (k: string) => Number(r?.[k] ?? 0);
  return {
    catalogs: n('catalogs'), schemas: n('schemas'), tables: n('tables'), columns: n('columns'), tags: n('tags'), grants: n('grants'),
    masks: n('masks'), rowFilters: n('row_filters'), policies: n('policies'), lineageEdges: n('lineage'), columnLineageEdges: n('column_lineage'),
  };
}

/**
 * What the caller's identity keeps out of view: everything others own (not a metastore admin), and, in catalogs
 * the caller does not own, other principals' grants (a MANAGE holder sees only its own in *_privileges,
 * governance-steps-3-4.md §4.2).
 */
export async function callerBlindSpots(writer: SnapshotWriter, caller: { readonly userName: string; readonly names: readonly string[]; readonly metastoreAdmin: boolean }): Promise<BlindSpot[]> {
  if (caller.metastoreAdmin) return [];
  const names = new Set(caller.names);
  const notOwned = (await writer.read('SELECT catalog, owner FROM stage_catalogs ORDER BY catalog')).filter((r) => !names.has(String(r.owner ?? '').toLowerCase()));
  return [
    { code: 'not-metastore-admin', catalog: null, message: `${caller.userName} is not a metastore admin: the crawl lists only the objects this identity may use. Crawl as a metastore admin to see the whole metastore.` },
    ...notOwned.map((r): BlindSpot => ({ code: 'grants-partial', catalog: String(r.catalog), message: `In ${String(r.catalog)}, which ${caller.userName} does not own, grants to other principals may be missing (only owners and metastore admins see everyone's grants).` })),
  ];
}
