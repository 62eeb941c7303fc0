import type { SearchHit, TableFilter } from '../../../../shared/metadata/index-views';
import type { MetadataIndex } from '../index/metadata-index';
import { num, Params, str, tableFilterSql } from './sql-parts';

export type SearchKind = SearchHit['kind'];

/** Every branch names its columns, so the union has them whichever branches a query keeps. */
const hit = (...v: readonly string[]): string => {
  const names = ['kind', 'catalog', 'schema', 'table_name', 'column_name', 'n', 'table_type', 'owner'];
  return `SELECT ${v.map((x, i) => `${x === 'NULL' ? 'CAST(NULL AS VARCHAR)' : x} AS ${names[i]}`).join(', ')}`;
};

const tagText = (g: string) => `lower(${g}.tag_name || '=' || coalesce(${g}.tag_value, ''))`;

/**
 * Search over names, comments and tags: every word of the query must occur (case-insensitively) in the object's name,
 * comment or one of its tags. Catalogs, schemas and tables are matched in `search_objects` (their lower-cased name,
 * comment and tags, kept at commit: search-build.ts), one scan of short strings; columns through the distinct terms
 * kept beside them, so two million columns are matched by hash, not by scanning text.
 * Name matches rank first (exact, then prefix, then anywhere; shorter names first), then comment or tag matches;
 * tables and columns are filtered by their table (tag, type, owner).
 */
export async function search(index: MetadataIndex, o: { readonly query: string; readonly filter?: TableFilter; readonly kinds?: readonly SearchKind[]; readonly limit: number }): Promise<{ total: number; hits: SearchHit[] }> {
  const words = o.query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return { total: 0, hits: [] };
  const p = new Params();
  const w = words.map((x) => p.add(x));
  const wanted = (k: SearchKind) => !o.kinds?.length || o.kinds.includes(k);
  const where = tableFilterSql(o.filter, p);
  const filtered = where !== 'TRUE';
  const parts: string[] = [];
  // A filter names tables: catalogs and schemas are left out of a filtered search.
  const kinds = (['CATALOG', 'SCHEMA', 'TABLE'] as const).filter((k) => wanted(k) && (k === 'TABLE' || !filtered));
  if (kinds.length > 0) {
    parts.push(`${hit('t.kind', 't.catalog', 't.schema', 't.name', 'NULL', 't.n', 't.table_type', 't.owner')}
      FROM search_objects t WHERE t.kind IN (${kinds.map((k) => `'${k}'`).join(', ')})
      AND ${w.map((x) => `(contains(t.n, ${x}) OR contains(t.rest, ${x}))`).join(' AND ')} AND (t.kind <> 'TABLE' OR ${where})`);
  }
  if (wanted('COLUMN')) {
    // Per word, the columns whose name, comment or a tag holds it: three hash semi-joins rather than one OR of
    // subqueries (which DuckDB would evaluate row by row), intersected across words.
    const columnWord = (x: string) => `(
      SELECT k.catalog, k.schema, k.table_name, k.name FROM columns k SEMI JOIN (SELECT term FROM search_terms WHERE kind = 'column' AND contains(term, ${x})) m ON lower(k.name) = m.term
      UNION SELECT k.catalog, k.schema, k.table_name, k.name FROM columns k SEMI JOIN (SELECT term FROM search_terms WHERE kind = 'comment' AND contains(term, ${x})) m ON lower(k.comment) = m.term
      UNION SELECT g.catalog, g.schema, g.table_name, g.column_name FROM tags g WHERE g.kind = 'COLUMN' AND contains(${tagText('g')}, ${x}))`;
    parts.push(`${hit("'COLUMN'", 'k.catalog', 'k.schema', 'k.table_name', 'k.name', 'lower(k.name)', 't.table_type', 't.owner')}
      FROM (${w.map(columnWord).join(' INTERSECT ')}) k JOIN tables t ON t.catalog = k.catalog AND t.schema = k.schema AND t.name = k.table_name
      WHERE ${where}`);
  }
  if (parts.length === 0) return { total: 0, hits: [] };
  const hits = parts.join('\nUNION ALL ');
  const whole = p.add(o.query.toLowerCase().trim());
  const first = w[0]!;
  // One statement: the total rides on every row (a window over the whole union) instead of a second pass over it.
  const rows = await index.query(
    `SELECT x.*, CASE WHEN x.n = ${whole} THEN 0 WHEN starts_with(x.n, ${first}) THEN 1 WHEN contains(x.n, ${first}) THEN 2 ELSE 3 END AS rank,
       count(*) OVER () AS total
     FROM (${hits}) x
     ORDER BY rank, length(x.n), CASE x.kind WHEN 'CATALOG' THEN 0 WHEN 'SCHEMA' THEN 1 WHEN 'TABLE' THEN 2 ELSE 3 END, x.catalog, x.schema, x.table_name, x.column_name
     LIMIT ${p.add(o.limit)}`,
    p.values,
  );
  return {
    total: num(rows[0]?.total),
    hits: rows.map((r) => ({
      kind: r.kind as SearchHit['kind'],
      path: [r.catalog, r.schema, r.table_name, r.column_name].filter((x) => x !== null && x !== undefined).map(String),
      matched: num(r.rank) < 3 ? 'name' : 'comment-or-tag',
      tableType: str(r.table_type),
      owner: str(r.owner),
    })),
  };
}
