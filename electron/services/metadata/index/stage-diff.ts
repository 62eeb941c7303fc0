import type { Change, Diff, ObjectType } from '../../../../shared/metadata/diff';
import type { DiffRow, SnapshotWriter } from './snapshot-writer';

/**
 * The diff of the stage (the new snapshot) against the current one, in SQL over both. Objects match by name; a
 * changed creation time means dropped and created again. Tables whose fingerprints, owner, comment, type, filter and
 * masks are all equal are unchanged without looking at their columns (equal column fingerprints mean equal columns);
 * only the others are compared column by column and tag by tag, so a re-crawl after a 1 % change compares 1 %.
 */

const J = (a: string, b: string, cols: readonly string[]) => cols.map((c) => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(' AND ');
const TABLE_KEY = ['catalog', 'schema', 'name'];

const membership = (table: string, key: readonly string[]) => `
  SELECT 'new' AS change, n.* FROM stage_${table} n WHERE NOT EXISTS (SELECT 1 FROM ${table} o WHERE ${J('o', 'n', key)} AND o.created IS NOT DISTINCT FROM n.created)
  UNION ALL
  SELECT 'dropped', o.* FROM ${table} o WHERE NOT EXISTS (SELECT 1 FROM stage_${table} n WHERE ${J('o', 'n', key)} AND o.created IS NOT DISTINCT FROM n.created)`;

/** Tables in both snapshots (same creation) that differ in anything the diff reports. */
const CANDIDATES = `
CREATE OR REPLACE TEMP TABLE diff_candidates AS
SELECT n.catalog, n.schema, n.name FROM stage_tables n JOIN tables o ON ${J('o', 'n', TABLE_KEY)} AND o.created IS NOT DISTINCT FROM n.created
WHERE o.column_fp IS DISTINCT FROM n.column_fp OR o.tag_fp IS DISTINCT FROM n.tag_fp OR o.owner IS DISTINCT FROM n.owner
   OR o.comment IS DISTINCT FROM n.comment OR o.table_type IS DISTINCT FROM n.table_type
UNION SELECT catalog, schema, table_name FROM (
  (SELECT catalog, schema, table_name, column_name, function_name, col_usage FROM column_masks EXCEPT SELECT catalog, schema, table_name, column_name, function_name, col_usage FROM stage_column_masks)
  UNION ALL (SELECT catalog, schema, table_name, column_name, function_name, col_usage FROM stage_column_masks EXCEPT SELECT catalog, schema, table_name, column_name, function_name, col_usage FROM column_masks))
UNION SELECT catalog, schema, table_name FROM (
  (SELECT catalog, schema, table_name, function_name, col_usage FROM row_filters EXCEPT SELECT catalog, schema, table_name, function_name, col_usage FROM stage_row_filters)
  UNION ALL (SELECT catalog, schema, table_name, function_name, col_usage FROM stage_row_filters EXCEPT SELECT catalog, schema, table_name, function_name, col_usage FROM row_filters))`;

/**
 * The candidates' rows of both snapshots, copied into small temporary tables first (a hash semi-join each), so the
 * comparison below joins a few thousand rows instead of filtering two million columns inside each branch: with
 * correlated filters in every branch of one statement, the diff ran the 64 MB index out of memory after a 1 %
 * change at 100,000 tables.
 */
const CANDIDATE_ROWS: readonly (readonly [name: string, table: string, tableColumn: string, where: string])[] = [
  ['tables', 'tables', 'name', 'TRUE'],
  ['columns', 'columns', 'table_name', 'TRUE'],
  ['tags', 'tags', 'table_name', "kind IN ('TABLE', 'COLUMN')"],
  ['masks', 'column_masks', 'table_name', 'TRUE'],
  ['filters', 'row_filters', 'table_name', 'TRUE'],
];
const candidateRowsSql = (): string[] =>
  CANDIDATE_ROWS.flatMap(([name, table, col, where]) => (['old', 'new'] as const).map((side) => `
    CREATE OR REPLACE TEMP TABLE diff_${side}_${name} AS SELECT x.* FROM ${side === 'old' ? table : `stage_${table}`} x
    SEMI JOIN diff_candidates d ON d.catalog = x.catalog AND d.schema = x.schema AND d.name = x.${col} WHERE ${where}`));
const DROP_CANDIDATE_ROWS = ['diff_candidates', ...CANDIDATE_ROWS.flatMap(([name]) => [`diff_old_${name}`, `diff_new_${name}`])].map((t) => `DROP TABLE IF EXISTS ${t}`).join('; ');

/** One row per change of a candidate table: (catalog, schema, name, kind, col, a, b, x, y, tag). */
const CHANGES = `
SELECT n.catalog, n.schema, n.name, 'owner' AS kind, NULL AS col, o.owner AS a, n.owner AS b, NULL::INTEGER AS x, NULL::INTEGER AS y, NULL AS tag
  FROM diff_new_tables n JOIN diff_old_tables o ON ${J('o', 'n', TABLE_KEY)} WHERE o.owner IS DISTINCT FROM n.owner
UNION ALL SELECT n.catalog, n.schema, n.name, 'comment', NULL, o.comment, n.comment, NULL, NULL, NULL
  FROM diff_new_tables n JOIN diff_old_tables o ON ${J('o', 'n', TABLE_KEY)} WHERE o.comment IS DISTINCT FROM n.comment
UNION ALL SELECT n.catalog, n.schema, n.name, 'table-type', NULL, o.table_type, n.table_type, NULL, NULL, NULL
  FROM diff_new_tables n JOIN diff_old_tables o ON ${J('o', 'n', TABLE_KEY)} WHERE o.table_type IS DISTINCT FROM n.table_type
UNION ALL SELECT coalesce(n.catalog, o.catalog), coalesce(n.schema, o.schema), coalesce(n.table_name, o.table_name),
    CASE WHEN o.name IS NULL THEN 'column-added' WHEN n.name IS NULL THEN 'column-dropped' WHEN o.full_data_type IS DISTINCT FROM n.full_data_type THEN 'column-type' ELSE 'column-moved' END,
    coalesce(n.name, o.name), o.full_data_type, n.full_data_type, o.ordinal, n.ordinal, NULL
  FROM diff_old_columns o FULL OUTER JOIN diff_new_columns n ON ${J('o', 'n', ['catalog', 'schema', 'table_name', 'name'])}
  WHERE o.name IS NULL OR n.name IS NULL OR o.full_data_type IS DISTINCT FROM n.full_data_type OR o.ordinal IS DISTINCT FROM n.ordinal
UNION ALL SELECT coalesce(n.catalog, o.catalog), coalesce(n.schema, o.schema), coalesce(n.table_name, o.table_name),
    CASE WHEN n.tag_name IS NULL THEN 'tag-removed' ELSE 'tag-set' END, coalesce(n.column_name, o.column_name), o.tag_value, coalesce(n.tag_value, ''), NULL, NULL, coalesce(n.tag_name, o.tag_name)
  FROM diff_old_tags o FULL OUTER JOIN diff_new_tags n ON ${J('o', 'n', ['kind', 'catalog', 'schema', 'table_name', 'column_name', 'tag_name'])}
  WHERE o.tag_name IS NULL OR n.tag_name IS NULL OR o.tag_value IS DISTINCT FROM n.tag_value
UNION ALL SELECT coalesce(n.catalog, o.catalog), coalesce(n.schema, o.schema), coalesce(n.table_name, o.table_name), 'column-mask',
    coalesce(n.column_name, o.column_name), o.function_name, n.function_name, NULL, NULL, NULL
  FROM diff_old_masks o FULL OUTER JOIN diff_new_masks n ON ${J('o', 'n', ['catalog', 'schema', 'table_name', 'column_name'])}
  WHERE o.function_name IS DISTINCT FROM n.function_name OR o.col_usage IS DISTINCT FROM n.col_usage
UNION ALL SELECT coalesce(n.catalog, o.catalog), coalesce(n.schema, o.schema), coalesce(n.table_name, o.table_name), 'row-filter',
    NULL, o.function_name, n.function_name, NULL, NULL, NULL
  FROM diff_old_filters o FULL OUTER JOIN diff_new_filters n ON ${J('o', 'n', ['catalog', 'schema', 'table_name'])}
  WHERE o.function_name IS DISTINCT FROM n.function_name OR o.col_usage IS DISTINCT FROM n.col_usage
ORDER BY 1, 2, 3, 4, 5, 10`;

const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toChange(r: Record<string, unknown>): Change {
  const col = s(r.col);
  const a = s(r.a);
  const b = s(r.b);
  switch (r.kind) {
    case 'owner':
    case 'comment':
    case 'table-type':
    case 'row-filter':
      return { kind: r.kind, from: a, to: b };
    case 'column-added':
      return { kind: 'column-added', column: col!, type: b ?? '' };
    case 'column-dropped':
      return { kind: 'column-dropped', column: col!, type: a ?? '' };
    case 'column-type':
      return { kind: 'column-type', column: col!, from: a ?? '', to: b ?? '' };
    case 'column-moved':
      return { kind: 'column-moved', column: col!, from: Number(r.x), to: Number(r.y) };
    case 'tag-set':
      return { kind: 'tag-set', column: col, key: s(r.tag) ?? '', from: a, to: b ?? '' };
    case 'tag-removed':
      return { kind: 'tag-removed', column: col, key: s(r.tag) ?? '', from: a ?? '' };
    default:
      return { kind: 'column-mask', column: col ?? '', from: a, to: b };
  }
}

const fullName = (...parts: readonly unknown[]) => parts.filter((p) => p !== null && p !== undefined).map(String).join('.');

export async function stageDiff(writer: SnapshotWriter): Promise<Diff> {
  const diff: { new: Diff['new'][number][]; changed: Diff['changed'][number][]; dropped: Diff['dropped'][number][] } = { new: [], changed: [], dropped: [] };
  const objects: [ObjectType, string, readonly string[], (r: Record<string, unknown>) => string][] = [
    ['CATALOG', 'catalogs', ['catalog'], (r) => fullName(r.catalog)],
    ['SCHEMA', 'schemas', ['catalog', 'schema'], (r) => fullName(r.catalog, r.schema)],
    ['TABLE', 'tables', TABLE_KEY, (r) => fullName(r.catalog, r.schema, r.name)],
  ];
  for (const [objectType, table, key, name] of objects) {
    for (const r of await writer.read(`${membership(table, key)} ORDER BY 2, 3${key.length > 2 ? ', 4' : ''}`)) {
      (r.change === 'new' ? diff.new : diff.dropped).push({ fullName: name(r), objectType });
    }
  }
  await writer.run(CANDIDATES);
  for (const sql of candidateRowsSql()) await writer.run(sql);
  const byTable = new Map<string, Change[]>();
  for (const r of await writer.read(CHANGES)) {
    const key = fullName(r.catalog, r.schema, r.name);
    byTable.set(key, [...(byTable.get(key) ?? []), toChange(r)]);
  }
  await writer.run(DROP_CANDIDATE_ROWS);
  for (const [n, changes] of byTable) diff.changed.push({ fullName: n, objectType: 'TABLE', changes });
  return diff;
}

/** The diff as rows of the index's `diff` table. */
export const diffRows = (d: Diff): DiffRow[] => [
  ...d.new.map((o): DiffRow => ({ change: 'new', fullName: o.fullName, objectType: o.objectType, details: null })),
  ...d.changed.map((o): DiffRow => ({ change: 'changed', fullName: o.fullName, objectType: o.objectType, details: JSON.stringify(o.changes) })),
  ...d.dropped.map((o): DiffRow => ({ change: 'dropped', fullName: o.fullName, objectType: o.objectType, details: null })),
];
