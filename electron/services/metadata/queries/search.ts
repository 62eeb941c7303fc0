import type { SearchHit, TableFilter } from '../../../../shared/metadata/index-views';
import type { MetadataIndex } from '../index/metadata-index';
import { num, Params, str, tableFilterSql } from './sql-parts';

export type SearchKind = SearchHit['kind'];

/**
 * Search over names, comments and tags (search-build.ts says how the text is stored): every word of the query
 * must occur in the object's text, case-insensitively. Name matches rank first (exact, then prefix, then
 * anywhere; shorter names first), then comment or tag matches; columns and tables are filtered by their table (tag, type, owner).
 */
export async function search(index: MetadataIndex, o: { readonly query: string; readonly filter?: TableFilter; readonly kinds?: readonly SearchKind[]; readonly limit: number }): Promise<{ total: number; hits: SearchHit[] }> {
  const words = o.query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return { total: 0, hits: [] };
  const p = new Params();
  const textMatch = words.map((w) => `contains(text, ${p.add(w)})`).join(' AND ');
  const kinds = o.kinds?.length ? `AND d.kind IN (${o.kinds.map((k) => p.add(k)).join(', ')})` : '';
  const where = tableFilterSql(o.filter, p);
  const onTables = where === 'TRUE' ? '' : `AND d.kind IN ('TABLE', 'COLUMN') AND EXISTS (SELECT 1 FROM tables t WHERE t.catalog = d.catalog AND t.schema = d.schema AND t.name = d.table_name AND ${where})`;
  const sql = `
    WITH hits AS (SELECT id FROM search_text WHERE ${textMatch})
    SELECT d.kind, d.catalog, d.schema, d.table_name, d.column_name, lower(coalesce(d.column_name, d.table_name, d.schema, d.catalog)) AS n
    FROM search_docs d JOIN hits h ON h.id = d.id WHERE TRUE ${kinds} ${onTables}`;
  const [count] = await index.query(`SELECT count(*) AS n FROM (${sql})`, p.values);
  const whole = p.add(o.query.toLowerCase().trim());
  const first = p.add(words[0]!);
  const ranked = `SELECT x.*, t.table_type, coalesce(t.owner, s.owner, c.owner) AS owner,
      CASE WHEN x.n = ${whole} THEN 0 WHEN starts_with(x.n, ${first}) THEN 1 WHEN contains(x.n, ${first}) THEN 2 ELSE 3 END AS rank
    FROM (${sql}) x
    LEFT JOIN tables t ON t.catalog = x.catalog AND t.schema = x.schema AND t.name = x.table_name
    LEFT JOIN schemas s ON x.table_name IS NULL AND s.catalog = x.catalog AND s.schema = x.schema
    LEFT JOIN catalogs c ON x.schema IS NULL AND c.catalog = x.catalog
    ORDER BY rank, length(x.n), CASE x.kind WHEN 'CATALOG' THEN 0 WHEN 'SCHEMA' THEN 1 WHEN 'TABLE' THEN 2 ELSE 3 END, x.catalog, x.schema, x.table_name, x.column_name
    LIMIT ${p.add(o.limit)}`;
  const rows = await index.query(ranked, p.values);
  return {
    total: num(count?.n),
    hits: rows.map((r) => ({
      kind: r.kind as SearchHit['kind'],
      path: [r.catalog, r.schema, r.table_name, r.column_name].filter((x) => x !== null && x !== undefined).map(String),
      matched: num(r.rank) < 3 ? 'name' : 'comment-or-tag',
      tableType: str(r.table_type),
      owner: str(r.owner),
    })),
  };
}
