import { AppFailure } from '../result';

/**
 * Every crawl statement answers in one row shape, so one statement per catalog carries schemas, tables, columns,
 * tags, grants, filters and masks together (UNION ALL) and streams through one reader. `kind` says what a row is
 * and which slots it fills (crawl-statements.ts writes them, the index's row router reads them):
 *
 *   kind            s        t       n            v1             v2          v3        v4      v5        i1       i2
 *   table_packed    schema   table   format       type           owner       comment   col fp  columns*  created  altered  (i3 columns, i4 dirty)
 *   tags_packed     schema   table   -            -              -           -         tag fp  tags*                      (i3 tags, i4 dirty)
 *   catalog         catalog  -       -            owner          comment     -         -       -         created  altered
 *   catalog_tag     catalog  -       tag key      tag value      -           ...
 *   schema          schema   -       -            owner          comment     -         -       -         created  altered
 *   table           schema   table   format       type           owner       comment   -       -         created  altered
 *   table_state     schema   table   format       type           owner       comment   col fp  tag fp    created  altered  (i3 columns)
 *   column          schema   table   column       full type      comment     nullable  -       -         ordinal  -
 *   schema_tag      schema   -       tag key      tag value
 *   table_tag       schema   table   tag key      tag value
 *   column_tag      schema   table   column       tag key        tag value
 *   catalog_grant   -        -       grantee      privilege
 *   schema_grant    schema   -       grantee      privilege
 *   table_grant     schema   table   grantee      privilege
 *   row_filter      schema   table   -            function       column usage
 *   column_mask     schema   table   column       function       column usage
 *   policy          catalog  schema  table        name           type        on type   match     when
 *   table_lineage   source   target  -            source type    target type                                   events   last at
 *   column_lineage  source   target  source col   target col                                                    events   last at
 *   audit_read      table    -       -            principals                                                    events   last at
 *   audit_action    action   (the same: distinct principals as text, events, last event)
 *   audit_statement type     (the same)
 * `*`: packed (crawl-packing.ts); i4 = 1 marks a table whose columns or tags must be fetched unpacked.
 */
export const CRAWL_ROW_KINDS = [
  'catalog', 'catalog_tag', 'schema', 'table', 'table_state', 'table_packed', 'tags_packed', 'column', 'schema_tag', 'table_tag', 'column_tag',
  'catalog_grant', 'schema_grant', 'table_grant', 'row_filter', 'column_mask', 'policy', 'table_lineage', 'column_lineage',
  'audit_read', 'audit_action', 'audit_statement',
] as const;
export type CrawlRowKind = (typeof CRAWL_ROW_KINDS)[number];

export const CRAWL_ROW_SLOTS = ['s', 't', 'n', 'v1', 'v2', 'v3', 'v4', 'v5'] as const;

/** One row as the driver hands it over: text slots are strings or null (or absent), numbers as number, bigint or text. */
export interface CrawlRow {
  readonly kind: CrawlRowKind;
  readonly s: string | null;
  readonly t: string | null;
  readonly n: string | null;
  readonly v1: string | null;
  readonly v2: string | null;
  readonly v3: string | null;
  readonly v4: string | null;
  readonly v5: string | null;
  readonly i1: number | bigint | string | null;
  readonly i2: number | bigint | string | null;
  readonly i3?: number | bigint | string | null;
  readonly i4?: number | bigint | string | null;
}

const KINDS: ReadonlySet<string> = new Set(CRAWL_ROW_KINDS);

const bad = (what: string): never => {
  throw new AppFailure({ code: 'INTERNAL', message: `The warehouse answered a metadata row ucbridge could not read (${what}).` });
};

const isText = (v: unknown): boolean => v === null || v === undefined || typeof v === 'string';
const isInt = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'bigint' || (typeof v === 'string' && v !== '' && Number.isFinite(Number(v)));

const TEXT_SLOTS = ['s', 't', 'n', 'v1', 'v2', 'v3', 'v4', 'v5'] as const;

/**
 * Checks one driver row at the boundary and hands back the same object, typed. Two million rows pass through here,
 * so this is a hand-written check of each slot's type, without a copy, rather than a schema parse per row (which
 * would cost more than fetching them); a row that does not fit fails the crawl instead of corrupting the index.
 * Numbers may arrive as number, bigint or numeric text, depending on the result format: readers use `Number()`.
 */
export function toCrawlRow(r: Readonly<Record<string, unknown>>): CrawlRow {
  const kind = r.kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return bad('kind');
  for (const slot of TEXT_SLOTS) if (!isText(r[slot])) return bad(slot);
  if (!isInt(r.i1)) return bad('i1');
  if (!isInt(r.i2)) return bad('i2');
  if (!isInt(r.i3)) return bad('i3');
  if (!isInt(r.i4)) return bad('i4');
  return r as unknown as CrawlRow;
}
