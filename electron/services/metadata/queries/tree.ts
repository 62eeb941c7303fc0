import type { TableFilter, TreeNode } from '../../../../shared/metadata/index-views';
import type { MetadataIndex } from '../index/metadata-index';
import { num, Params, str, tableFilterSql, tagsOf, TAGS_AGG } from './sql-parts';

export interface TreePage {
  readonly total: number;
  readonly nodes: TreeNode[];
}

const selection = (v: unknown): TreeNode['selection'] => (v === true ? 'active' : v === false ? 'inactive' : null);

/**
 * One page of a node's children, with counts: catalogs (parent `[]`), a catalog's schemas (`[c]`) or a schema's
 * tables (`[c, s]`). With a filter, counts are of the tables that pass it and containers without any are left out,
 * so the tree shows only where matching tables are. Ordered by name; `offset`/`limit` page a virtualized list.
 */
export async function treeChildren(index: MetadataIndex, parent: readonly string[], filter: TableFilter | undefined, offset: number, limit: number): Promise<TreePage> {
  const p = new Params();
  const where = tableFilterSql(filter, p);
  const filtered = where !== 'TRUE';
  let sql: string;
  if (parent.length === 0) {
    sql = `SELECT 'CATALOG' AS kind, c.catalog AS name, c.owner, c.comment, NULL AS table_type,
        (SELECT count(*) FROM schemas s WHERE s.catalog = c.catalog) AS children, coalesce(x.n, 0) AS tables,
        (SELECT ${TAGS_AGG} FROM tags g WHERE g.kind = 'CATALOG' AND g.catalog = c.catalog) AS tags,
        (SELECT active FROM selection r WHERE r.kind = 'CATALOG' AND r.catalog = c.catalog) AS sel
      FROM catalogs c LEFT JOIN (SELECT catalog, count(*) AS n FROM tables t WHERE ${where} GROUP BY catalog) x ON x.catalog = c.catalog
      ${filtered ? 'WHERE x.n > 0' : ''}`;
  } else if (parent.length === 1) {
    const c = p.add(parent[0]!);
    sql = `SELECT 'SCHEMA' AS kind, s.schema AS name, s.owner, s.comment, NULL AS table_type,
        coalesce(a.n, 0) AS children, coalesce(x.n, 0) AS tables,
        (SELECT ${TAGS_AGG} FROM tags g WHERE g.kind = 'SCHEMA' AND g.catalog = s.catalog AND g.schema = s.schema) AS tags,
        (SELECT active FROM selection r WHERE r.kind = 'SCHEMA' AND r.catalog = s.catalog AND r.schema = s.schema) AS sel
      FROM schemas s
      LEFT JOIN (SELECT schema, count(*) AS n FROM tables WHERE catalog = ${c} GROUP BY schema) a ON a.schema = s.schema
      LEFT JOIN (SELECT schema, count(*) AS n FROM tables t WHERE t.catalog = ${c} AND ${where} GROUP BY schema) x ON x.schema = s.schema
      WHERE s.catalog = ${c}${filtered ? ' AND x.n > 0' : ''}`;
  } else {
    const [c, s] = [p.add(parent[0]!), p.add(parent[1]!)];
    sql = `SELECT 'TABLE' AS kind, t.name, t.owner, t.comment, t.table_type, coalesce(t.column_count, 0) AS children, 1 AS tables,
        (SELECT ${TAGS_AGG} FROM tags g WHERE g.kind = 'TABLE' AND g.catalog = t.catalog AND g.schema = t.schema AND g.table_name = t.name) AS tags,
        (SELECT active FROM selection r WHERE r.kind = 'TABLE' AND r.catalog = t.catalog AND r.schema = t.schema AND r.name = t.name) AS sel
      FROM tables t WHERE t.catalog = ${c} AND t.schema = ${s} AND ${where}`;
  }
  const [count] = await index.query(`SELECT count(*) AS n FROM (${sql})`, p.values);
  const rows = await index.query(`${sql} ORDER BY name LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
  return {
    total: num(count?.n),
    nodes: rows.map((r) => ({
      kind: r.kind as TreeNode['kind'],
      name: String(r.name),
      path: [...parent, String(r.name)],
      owner: str(r.owner),
      comment: str(r.comment),
      tableType: str(r.table_type),
      children: num(r.children),
      tables: num(r.tables),
      tags: tagsOf(r.tags),
      selection: selection(r.sel),
    })),
  };
}
