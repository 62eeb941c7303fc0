import type { ColumnDetail, TableDetail } from '../../../../shared/metadata/index-views';
import { AppFailure } from '../../../../shared/result';
import type { MetadataIndex } from '../index/metadata-index';
import { num, str, tagsOf, TAGS_AGG } from './sql-parts';

const notIndexed = (parts: readonly string[]) =>
  new AppFailure({ code: 'NOT_FOUND', message: `${parts.join('.')} is not in the metadata index.`, hint: 'Crawl again if it was created since the last crawl.' });

/** A table's columns with their tags and masks, in order (loaded when the tree expands the table). */
export async function tableColumns(index: MetadataIndex, [c, s, t]: readonly [string, string, string]): Promise<ColumnDetail[]> {
  const rows = await index.query(
    `SELECT k.name, k.ordinal, k.full_data_type, k.nullable, k.comment, m.function_name AS mask, m.col_usage AS mask_usage,
       (SELECT ${TAGS_AGG} FROM tags g WHERE g.kind = 'COLUMN' AND g.catalog = k.catalog AND g.schema = k.schema AND g.table_name = k.table_name AND g.column_name = k.name) AS tags
     FROM columns k LEFT JOIN column_masks m ON m.catalog = k.catalog AND m.schema = k.schema AND m.table_name = k.table_name AND lower(m.column_name) = lower(k.name)
     WHERE k.catalog = $1 AND k.schema = $2 AND k.table_name = $3 ORDER BY k.ordinal`,
    [c, s, t],
  );
  return rows.map((r) => ({
    name: String(r.name),
    ordinal: num(r.ordinal),
    type: String(r.full_data_type ?? ''),
    nullable: typeof r.nullable === 'boolean' ? r.nullable : null,
    comment: str(r.comment),
    tags: tagsOf(r.tags),
    mask: r.mask === null ? null : { functionName: String(r.mask), usingColumns: str(r.mask_usage) },
  }));
}

/** Privileges that apply to a table when granted on its schema or catalog (reference §1.9: inherited downward). */
const TABLE_PRIVILEGES = ['ALL PRIVILEGES', 'SELECT', 'MODIFY', 'MANAGE', 'APPLY TAG'];

export async function tableDetail(index: MetadataIndex, parts: readonly [string, string, string]): Promise<TableDetail> {
  const [c, s, t] = parts;
  const fullName = parts.join('.');
  const [row] = await index.query(
    `SELECT t.*, f.function_name AS filter, f.col_usage AS filter_usage,
       (SELECT ${TAGS_AGG} FROM tags g WHERE g.kind = 'TABLE' AND g.catalog = t.catalog AND g.schema = t.schema AND g.table_name = t.name) AS tags,
       (SELECT active FROM selection r WHERE r.kind = 'TABLE' AND r.catalog = t.catalog AND r.schema = t.schema AND r.name = t.name) AS sel,
       (SELECT count(*) FROM table_lineage WHERE target = $4) AS upstream, (SELECT count(*) FROM table_lineage WHERE source = $4) AS downstream
     FROM tables t LEFT JOIN row_filters f ON f.catalog = t.catalog AND f.schema = t.schema AND f.table_name = t.name
     WHERE t.catalog = $1 AND t.schema = $2 AND t.name = $3`,
    [c, s, t, fullName],
  );
  if (!row) throw notIndexed(parts);
  const grants = await index.query(
    `SELECT grantee, privilege, CASE kind WHEN 'TABLE' THEN NULL ELSE kind END AS inherited FROM grants
     WHERE catalog = $1 AND ((kind = 'TABLE' AND schema = $2 AND table_name = $3)
       OR (kind IN ('SCHEMA', 'CATALOG') AND coalesce(schema, $2) = $2 AND privilege IN (${TABLE_PRIVILEGES.map((_, i) => `$${i + 4}`).join(', ')})))
     ORDER BY grantee, privilege, inherited NULLS FIRST`,
    [c, s, t, ...TABLE_PRIVILEGES],
  );
  const policies = await index.query(
    `SELECT name, policy_type, CASE WHEN table_name IS NOT NULL THEN 'TABLE' WHEN schema IS NOT NULL THEN 'SCHEMA' ELSE 'CATALOG' END AS on_kind
     FROM policies WHERE catalog = $1 AND (schema IS NULL OR schema = $2) AND (table_name IS NULL OR table_name = $3) ORDER BY name`,
    [c, s, t],
  );
  const [audit] = await index.query("SELECT events, principals, last_at FROM audit WHERE kind = 'read' AND name = $1", [fullName]);
  return {
    node: {
      kind: 'TABLE', name: t, path: [...parts], owner: str(row.owner), comment: str(row.comment), tableType: str(row.table_type),
      children: num(row.column_count), tables: 1, tags: tagsOf(row.tags), selection: row.sel === true ? 'active' : row.sel === false ? 'inactive' : null,
    },
    format: str(row.data_source_format),
    created: row.created === null ? null : num(row.created),
    lastAltered: row.last_altered === null ? null : num(row.last_altered),
    rowFilter: row.filter === null ? null : { functionName: String(row.filter), usingColumns: str(row.filter_usage) },
    grants: grants.map((g) => ({ grantee: String(g.grantee), privilege: String(g.privilege), inheritedFrom: g.inherited === null ? null : (g.inherited as 'CATALOG' | 'SCHEMA') })),
    policies: policies.map((x) => ({ name: String(x.name), policyType: String(x.policy_type), on: x.on_kind as 'CATALOG' | 'SCHEMA' | 'TABLE' })),
    upstream: num(row.upstream),
    downstream: num(row.downstream),
    audit: audit ? { reads: num(audit.events), readers: num(audit.principals), lastReadAt: audit.last_at === null ? null : num(audit.last_at) } : null,
  };
}
