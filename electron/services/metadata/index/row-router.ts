import type { DuckDBAppender } from '@duckdb/node-api';
import type { CrawlRow } from '../../../../shared/metadata/crawl-rows';
import { assertNever } from '../../../../shared/result';
import { normalizePrivilege } from '../../../../shared/sql/privilege-reads';
import type { IndexTable } from './index-schema';

type Cell = string | number | bigint | boolean | null | undefined;

/** Appends one row of cells (typed by the table's column list) to an appender. */
export type AppendRow = (table: IndexTable, cells: readonly Cell[]) => void;

/** Where packed rows go: the packed text (unpacked in SQL later), and tables that must be fetched unpacked. */
export interface PackedSink {
  packed(catalog: string | null, kind: 'columns' | 'tags' | 'tagfp', schema: string | null, table: string | null, payload: string | null): void;
  dirty(catalog: string | null, schema: string | null, table: string | null): void;
}

const isDirty = (v: CrawlRow['i4']): boolean => v !== null && v !== undefined && Number(v) === 1;

export function appendCells(a: DuckDBAppender, types: readonly string[], cells: readonly Cell[]): void {
  for (let i = 0; i < types.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined) a.appendNull();
    else if (types[i] === 'v') a.appendVarchar(String(v));
    else if (types[i] === 'l') a.appendBigInt(typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v))));
    else if (types[i] === 'i') a.appendInteger(Math.trunc(Number(v)));
    else a.appendBoolean(Boolean(v));
  }
  a.endRow();
}

const principals = (v: string | null): number => (v === null ? 0 : Number(v) || 0);

/**
 * Where each crawl row goes in the index (the slot layout is in shared/metadata/crawl-rows.ts). `catalog` is the
 * catalog a per-catalog statement was run for; metastore-wide rows carry their names in the row. Privileges are kept
 * in SQL spelling (`USE SCHEMA`), whichever spelling the view used (reference §2: underscores are not pinned down).
 */
export function routeRow(append: AppendRow, packed: PackedSink, catalog: string | null, r: CrawlRow): void {
  const c = catalog;
  switch (r.kind) {
    case 'catalog':
      return append('catalogs', [r.s, r.v1, r.v2, r.i1, r.i2]);
    case 'catalog_tag':
      return append('tags', ['CATALOG', r.s, null, null, null, r.n, r.v1]);
    case 'schema':
      return append('schemas', [c, r.s, r.v1, r.v2, r.i1, r.i2]);
    case 'table':
      return append('tables', [c, r.s, r.t, r.v1, r.v2, r.v3, r.n, r.i1, r.i2, null, null, null]);
    case 'table_state':
      return append('tables', [c, r.s, r.t, r.v1, r.v2, r.v3, r.n, r.i1, r.i2, r.v4, r.v5, r.i3 ?? null]);
    case 'table_packed':
      append('tables', [c, r.s, r.t, r.v1, r.v2, r.v3, r.n, r.i1, r.i2, r.v4, null, r.i3 ?? null]);
      return isDirty(r.i4) ? packed.dirty(c, r.s, r.t) : packed.packed(c, 'columns', r.s, r.t, r.v5);
    case 'tags_packed':
      packed.packed(c, 'tagfp', r.s, r.t, r.v4);
      return isDirty(r.i4) ? packed.dirty(c, r.s, r.t) : packed.packed(c, 'tags', r.s, r.t, r.v5);
    case 'column':
      return append('columns', [c, r.s, r.t, r.n, r.i1, r.v1, r.v2, r.v3 === null ? null : r.v3.toUpperCase() === 'YES']);
    case 'schema_tag':
      return append('tags', ['SCHEMA', c, r.s, null, null, r.n, r.v1]);
    case 'table_tag':
      return append('tags', ['TABLE', c, r.s, r.t, null, r.n, r.v1]);
    case 'column_tag':
      return append('tags', ['COLUMN', c, r.s, r.t, r.n, r.v1, r.v2]);
    case 'catalog_grant':
      return append('grants', ['CATALOG', c, null, null, r.n, r.v1 === null ? null : normalizePrivilege(r.v1)]);
    case 'schema_grant':
      return append('grants', ['SCHEMA', c, r.s, null, r.n, r.v1 === null ? null : normalizePrivilege(r.v1)]);
    case 'table_grant':
      return append('grants', ['TABLE', c, r.s, r.t, r.n, r.v1 === null ? null : normalizePrivilege(r.v1)]);
    case 'row_filter':
      return append('row_filters', [c, r.s, r.t, r.v1, r.v2]);
    case 'column_mask':
      return append('column_masks', [c, r.s, r.t, r.n, r.v1, r.v2]);
    case 'policy':
      return append('policies', [r.s, r.t, r.n, r.v1, r.v2, r.v3, r.v4, r.v5]);
    case 'table_lineage':
      return append('table_lineage', [r.s, r.t, r.v1, r.v2, r.i1, r.i2]);
    case 'column_lineage':
      return append('column_lineage', [r.s, r.t, r.n, r.v1, r.i1, r.i2]);
    case 'audit_read':
      return append('audit', ['read', r.s, principals(r.v1), r.i1, r.i2]);
    case 'audit_action':
      return append('audit', ['action', r.s, principals(r.v1), r.i1, r.i2]);
    case 'audit_statement':
      return append('audit', ['statement', r.s, principals(r.v1), r.i1, r.i2]);
    default:
      return assertNever(r.kind, 'crawl row kind');
  }
}
