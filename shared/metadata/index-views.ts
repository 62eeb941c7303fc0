import { z } from 'zod';

/** What the renderer reads from the local metadata index (the picker tree, search, details, lineage, coverage). */

export const TagSchema = z.object({ key: z.string(), value: z.string().nullable() });
export type Tag = z.infer<typeof TagSchema>;

/** Filters on tables (the tree's counts and search apply them alike). */
export const TableFilterSchema = z
  .object({
    /** Tables carrying this tag, on the table itself or on one of its columns; any value when `value` is absent. */
    tag: z.object({ key: z.string().min(1).max(255), value: z.string().max(1000).optional() }).strict().optional(),
    /** `table_type` values (MANAGED, EXTERNAL, VIEW, MATERIALIZED_VIEW, …). */
    types: z.array(z.string().min(1).max(64)).max(20).optional(),
    owner: z.string().min(1).max(512).optional(),
  })
  .strict();
export type TableFilter = z.infer<typeof TableFilterSchema>;

export const NodeKindSchema = z.enum(['CATALOG', 'SCHEMA', 'TABLE']);
export type NodeKind = z.infer<typeof NodeKindSchema>;

/** Whether the selection rules register an object, and as active or inactive (null when not registered). */
export const SelectionStateSchema = z.enum(['active', 'inactive']).nullable();

export const TreeNodeSchema = z.object({
  kind: NodeKindSchema,
  name: z.string(),
  /** Name parts, outermost first: `['main']`, `['main','sales']`, `['main','sales','orders']`. */
  path: z.array(z.string()),
  owner: z.string().nullable(),
  comment: z.string().nullable(),
  /** Tables: MANAGED, VIEW, … */
  tableType: z.string().nullable(),
  /** Children: schemas of a catalog, tables of a schema, columns of a table. */
  children: z.number().int(),
  /** Tables beneath (or 1 for a table) that pass the filter. */
  tables: z.number().int(),
  tags: z.array(TagSchema),
  selection: SelectionStateSchema,
});
export type TreeNode = z.infer<typeof TreeNodeSchema>;

export const SearchHitSchema = z.object({
  kind: z.enum(['CATALOG', 'SCHEMA', 'TABLE', 'COLUMN']),
  /** Name parts; a column's is `[catalog, schema, table, column]`. */
  path: z.array(z.string()),
  /** Where the query matched: the name, or only the comment or tags. */
  matched: z.enum(['name', 'comment-or-tag']),
  tableType: z.string().nullable(),
  owner: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const ColumnDetailSchema = z.object({
  name: z.string(),
  ordinal: z.number().int(),
  type: z.string(),
  nullable: z.boolean().nullable(),
  comment: z.string().nullable(),
  tags: z.array(TagSchema),
  mask: z.object({ functionName: z.string(), usingColumns: z.string().nullable() }).nullable(),
});
export type ColumnDetail = z.infer<typeof ColumnDetailSchema>;

export const GrantViewSchema = z.object({
  grantee: z.string(),
  privilege: z.string(),
  /** null: granted on the table itself; else the securable it is inherited from. */
  inheritedFrom: z.enum(['CATALOG', 'SCHEMA']).nullable(),
});

export const TableDetailSchema = z.object({
  node: TreeNodeSchema,
  format: z.string().nullable(),
  created: z.number().nullable(),
  lastAltered: z.number().nullable(),
  rowFilter: z.object({ functionName: z.string(), usingColumns: z.string().nullable() }).nullable(),
  grants: z.array(GrantViewSchema),
  /** ABAC policies attached to the table's catalog or schema (as SHOW POLICIES lists them). */
  policies: z.array(z.object({ name: z.string(), policyType: z.string(), on: z.enum(['CATALOG', 'SCHEMA', 'TABLE']) })),
  upstream: z.number().int(),
  downstream: z.number().int(),
  /** From query audit (last 30 days), when the crawl read it. */
  audit: z.object({ reads: z.number().int(), readers: z.number().int(), lastReadAt: z.number().nullable() }).nullable(),
});
export type TableDetail = z.infer<typeof TableDetailSchema>;

export const LineageGraphSchema = z.object({
  /** Full names; `indexed` false for a table lineage names that the crawl did not see (another metastore, no access). */
  nodes: z.array(z.object({ fullName: z.string(), indexed: z.boolean(), tableType: z.string().nullable(), distance: z.number().int() })),
  edges: z.array(z.object({ source: z.string(), target: z.string(), events: z.number().int(), lastAt: z.number().nullable() })),
  columnEdges: z.array(z.object({ source: z.string(), sourceColumn: z.string(), target: z.string(), targetColumn: z.string(), events: z.number().int() })),
});
export type LineageGraph = z.infer<typeof LineageGraphSchema>;

export const CoverageRowSchema = z.object({
  /** A catalog, or a schema of the catalog asked for. */
  name: z.string(),
  tables: z.number().int(),
  /** Tables the selection rules register. */
  registered: z.number().int(),
  /** Registered tables someone other than their owner may SELECT (a grant on the table, its schema or catalog). */
  granted: z.number().int(),
  /** Registered tables with a row filter. */
  filtered: z.number().int(),
  /** Columns of registered tables carrying a sensitive tag, and those of them under a column mask. */
  sensitiveColumns: z.number().int(),
  maskedSensitiveColumns: z.number().int(),
});
export type CoverageRow = z.infer<typeof CoverageRowSchema>;

export const CoverageMeasureSchema = z.enum(['registered', 'unregistered', 'granted', 'ungranted', 'filtered', 'unfiltered', 'masked-sensitive', 'unmasked-sensitive']);
export type CoverageMeasure = z.infer<typeof CoverageMeasureSchema>;

/** Which tags mark a column sensitive, for the coverage chart (default: `pii`, `phi`, `pci`, and `class` restricted or confidential). */
export const SensitiveTagSchema = z.object({ key: z.string().min(1).max(255), values: z.array(z.string().max(1000)).max(50).optional() }).strict();
export type SensitiveTag = z.infer<typeof SensitiveTagSchema>;
export const DEFAULT_SENSITIVE_TAGS: readonly SensitiveTag[] = [{ key: 'pii' }, { key: 'phi' }, { key: 'pci' }, { key: 'class', values: ['restricted', 'confidential'] }];
