import type { LineageGraph } from '../../../../shared/metadata/index-views';
import type { MetadataIndex } from '../index/metadata-index';
import { num, str } from './sql-parts';

/**
 * The lineage around one table: upstream and downstream up to `depth` hops (the graph view expands node by node by
 * asking again around a neighbour), from the table-lineage edges the crawl aggregated. Column lineage comes on
 * demand, for the edges that touch the table asked about.
 */
export async function lineageAround(index: MetadataIndex, fullName: string, depth: number, columns: boolean): Promise<LineageGraph> {
  const reach = await index.query(
    `WITH RECURSIVE up(name, d) AS (SELECT $1, 0 UNION SELECT e.source, up.d + 1 FROM table_lineage e JOIN up ON e.target = up.name WHERE up.d < $2),
       down(name, d) AS (SELECT $1, 0 UNION SELECT e.target, down.d + 1 FROM table_lineage e JOIN down ON e.source = down.name WHERE down.d < $2)
     SELECT name, min(d) AS d FROM (SELECT name, -d AS d FROM up UNION ALL SELECT name, d FROM down) GROUP BY name`,
    [fullName, depth],
  );
  const distance = new Map(reach.map((r) => [String(r.name), num(r.d)]));
  const names = [...distance.keys()];
  const known = await index.query(
    `SELECT catalog || '.' || schema || '.' || name AS full_name, table_type FROM tables WHERE catalog || '.' || schema || '.' || name IN (SELECT unnest(string_split($1, chr(30))))`,
    [names.join('\u001e')],
  );
  const types = new Map(known.map((r) => [String(r.full_name), str(r.table_type)]));
  const edges = await index.query(
    `SELECT source, target, events, last_at FROM table_lineage
     WHERE source IN (SELECT unnest(string_split($1, chr(30)))) AND target IN (SELECT unnest(string_split($1, chr(30)))) ORDER BY source, target`,
    [names.join('\u001e')],
  );
  const columnEdges = columns
    ? await index.query('SELECT source, source_column, target, target_column, events FROM column_lineage WHERE source = $1 OR target = $1 ORDER BY ALL', [fullName])
    : [];
  return {
    nodes: names.sort().map((n) => ({ fullName: n, indexed: types.has(n), tableType: types.get(n) ?? null, distance: distance.get(n)! })),
    edges: edges.map((e) => ({ source: String(e.source), target: String(e.target), events: num(e.events), lastAt: e.last_at === null ? null : num(e.last_at) })),
    columnEdges: columnEdges.map((e) => ({ source: String(e.source), sourceColumn: String(e.source_column), target: String(e.target), targetColumn: String(e.target_column), events: num(e.events) })),
  };
}
