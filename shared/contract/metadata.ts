import { z } from 'zod';
import { DiffSchema } from '../metadata/diff';
import {
  ColumnDetailSchema, CoverageMeasureSchema, CoverageRowSchema, LineageGraphSchema, SearchHitSchema, SensitiveTagSchema, TableDetailSchema,
  TableFilterSchema, TreeNodeSchema,
} from '../metadata/index-views';
import { SelectionRulesSchema } from '../metadata/selection-rules';
import { SnapshotRecordSchema } from '../metadata/snapshot';
import { TagAssignmentsSchema } from '../metadata/tags-file';
import { PlanSchema } from '../integration/plan-types';
import { ApplySummarySchema, ExportFileSchema } from './integration';
import { channel, event } from './define';
import { TaskIdSchema } from './task';

/**
 * Step 4, Register metadata — the contract the step's renderer builds on. Everything reads the local index of the
 * signed-in workspace (main keeps one per workspace, on disk); only `crawl` talks to Databricks.
 *
 * Reading the index (fast, no network; all paging is offset/limit over a stable name order):
 * - `status`            the snapshot held (when, how, counts, blind spots), the selection rules, how much they select.
 * - `children`          one page of the tree: `parent` [] → catalogs, [c] → schemas, [c, s] → tables; each node has
 *                       its children count, the tables beneath that pass `filter` (tag / type / owner), its own tags
 *                       and whether the rules register it (active / inactive / null).
 * - `search`            names, comments and tags; every word must match; name matches first; same `filter`.
 * - `columns`           a table's columns on demand (type, nullability, comment, tags, mask).
 * - `table`             one table in detail: grants (direct and inherited), row filter, ABAC policies, lineage and
 *                       audit counts.
 * - `lineage`           the graph around a table (`depth` hops each way; expand a node by asking around it), with
 *                       column lineage on demand.
 * - `coverage`          per catalog (or per schema of `catalog`): tables, registered, granted, row-filtered, sensitive
 *                       columns and how many are masked; `sensitive` says which tags mark a column sensitive.
 * - `coverageObjects`   the tables (or sensitive columns) behind one bar, paged.
 * - `diff`              what the crawl that made the snapshot found against the one before (new / changed / dropped).
 * Changing:
 * - `crawl`             a task (`taskId`: progress on `task.progress` and `metadata.crawl`, cancel with `task.cancel`;
 *                       a cancelled crawl leaves the previous snapshot as it was). `incremental` (default) re-reads
 *                       only what changed; `source` auto uses SQL and falls back to REST when no warehouse can be used.
 * - `saveRules`         the selection rules (patterns, tags, default state, forceRecursiveCrawl), re-evaluated at once.
 * Registering (into the integration catalog's `registry` tables, over the integration's warehouse):
 * - `registrationPlan`  the plan of inserts / updates / deletes (batched MERGE and DELETE, each with its inverse) and
 *                       the crawl-run record, against what the registry holds now; preview it before `register`.
 * - `register`          a task: runs exactly the previewed plan (refused with CONFLICT if it changed) through step 2's
 *                       engine (journal, resume, retries); progress on `task.progress`.
 * - `exportConnection`  the governance product's "register a connection" payload (connectionKey, connection,
 *                       settings.isActive, options.forceRecursiveCrawl, nativeIntegration), without any secret.
 * Publishing the governance product's tags (`source`: a tags file's text, `[{"securable": "c.s.t.col", "tags": {…}}]`,
 * or the same entries edited in the tree):
 * - `tagsPlan`          `ALTER … SET TAGS` per object against the tags there now; `problems` lists what the
 *                       documented limits refuse (key characters, lengths, 50 tags per object, unknown objects).
 * - `publishTags`       a task: runs exactly the previewed plan through step 2's engine; publishing again is a no-op.
 * - `exportTags`        `publish-tags.sql`, the same statements for someone else to run.
 */

const TagSourceSchema = z.union([z.object({ file: z.string().max(20_000_000) }).strict(), z.object({ assignments: TagAssignmentsSchema }).strict()]);

const Parts3 = z.tuple([z.string().min(1).max(255), z.string().min(1).max(255), z.string().min(1).max(255)]);
const empty = z.object({}).strict();

export const MetadataStatusSchema = z.object({
  /** The workspace the index belongs to (the signed-in one). */
  workspaceHost: z.string(),
  snapshot: SnapshotRecordSchema.nullable(),
  rules: SelectionRulesSchema,
  /** What the rules register in the current snapshot. */
  selected: z.object({ catalogs: z.number().int(), schemas: z.number().int(), tables: z.number().int(), active: z.number().int() }),
});
export type MetadataStatus = z.infer<typeof MetadataStatusSchema>;

export const CrawlProgressSchema = z.object({
  taskId: TaskIdSchema,
  phase: z.enum(['catalogs', 'catalog', 'lineage', 'audit', 'policies', 'details', 'index']),
  catalogsDone: z.number().int(),
  catalogsTotal: z.number().int(),
  tables: z.number().int(),
  columns: z.number().int(),
  current: z.string().optional(),
});

export const metadataChannels = {
  status: channel({ input: empty, output: MetadataStatusSchema, summary: 'The snapshot held for the signed-in workspace, the selection rules and what they select.' }),
  crawl: channel({
    input: z
      .object({
        taskId: TaskIdSchema,
        mode: z.enum(['full', 'incremental']).default('incremental'),
        source: z.enum(['auto', 'sql', 'rest']).default('auto'),
      })
      .strict(),
    output: z.object({ snapshot: SnapshotRecordSchema, diff: DiffSchema.nullable() }),
    summary: 'Crawl the metastore into a new snapshot (progress, cancel; a cancelled crawl keeps the previous snapshot).',
  }),
  children: channel({
    input: z
      .object({
        parent: z.array(z.string().min(1).max(255)).max(2),
        filter: TableFilterSchema.optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    output: z.object({ total: z.number().int(), nodes: z.array(TreeNodeSchema) }),
    summary: 'One page of the tree under a catalog or schema (or the catalogs), with counts.',
  }),
  search: channel({
    input: z
      .object({
        query: z.string().trim().min(1).max(200),
        filter: TableFilterSchema.optional(),
        kinds: z.array(z.enum(['CATALOG', 'SCHEMA', 'TABLE', 'COLUMN'])).max(4).optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int(), hits: z.array(SearchHitSchema) }),
    summary: 'Search names, comments and tags in the index.',
  }),
  columns: channel({ input: z.object({ table: Parts3 }).strict(), output: z.array(ColumnDetailSchema), summary: "A table's columns, tags and masks." }),
  table: channel({ input: z.object({ table: Parts3 }).strict(), output: TableDetailSchema, summary: 'One table in detail.' }),
  lineage: channel({
    input: z.object({ table: z.string().min(5).max(800), depth: z.number().int().min(1).max(5).default(1), columns: z.boolean().default(false) }).strict(),
    output: LineageGraphSchema,
    summary: 'Upstream and downstream tables around one table, with column lineage on demand.',
  }),
  coverage: channel({
    input: z.object({ catalog: z.string().min(1).max(255).optional(), sensitive: z.array(SensitiveTagSchema).max(50).optional() }).strict(),
    output: z.array(CoverageRowSchema),
    summary: 'Policy coverage per catalog, or per schema of one catalog.',
  }),
  coverageObjects: channel({
    input: z
      .object({
        catalog: z.string().min(1).max(255),
        schema: z.string().min(1).max(255).optional(),
        measure: CoverageMeasureSchema,
        sensitive: z.array(SensitiveTagSchema).max(50).optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    output: z.object({ total: z.number().int(), objects: z.array(z.object({ path: z.array(z.string()) })) }),
    summary: 'The objects behind one coverage bar.',
  }),
  diff: channel({ input: empty, output: DiffSchema, summary: 'What the last crawl found against the snapshot before it.' }),
  registrationPlan: channel({
    input: empty,
    output: z.object({ plan: PlanSchema, inserts: z.number().int(), updates: z.number().int(), deletes: z.number().int(), crawlId: z.string() }),
    summary: 'The registration plan against the registry as it is now.',
  }),
  register: channel({
    input: z.object({ taskId: TaskIdSchema, planHash: z.string().min(1).max(128) }).strict(),
    output: ApplySummarySchema,
    summary: 'Run the previewed registration plan (refused if it changed since).',
  }),
  exportConnection: channel({
    input: z.object({ connectionKey: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'connection key: letters, digits, - and _, at most 128') }).strict(),
    output: ExportFileSchema,
    summary: "The governance product's connection payload for this registration (no secret).",
  }),
  tagsPlan: channel({
    input: z.object({ source: TagSourceSchema }).strict(),
    output: z.object({ plan: PlanSchema, problems: z.array(z.string()), counts: z.object({ add: z.number().int(), change: z.number().int(), unchanged: z.number().int() }) }),
    summary: 'The plan to publish tags, against the tags the workspace holds now.',
  }),
  publishTags: channel({
    input: z.object({ taskId: TaskIdSchema, source: TagSourceSchema, planHash: z.string().min(1).max(128) }).strict(),
    output: ApplySummarySchema,
    summary: 'Publish the previewed tag plan (refused if it changed since).',
  }),
  exportTags: channel({ input: z.object({ source: TagSourceSchema }).strict(), output: z.array(ExportFileSchema), summary: 'publish-tags.sql: the same statements, to run elsewhere.' }),
  saveRules: channel({ input: z.object({ rules: SelectionRulesSchema }).strict(), output: MetadataStatusSchema, summary: 'Save the selection rules and re-evaluate them.' }),
} as const;

export const metadataEvents = {
  'metadata.crawl': event({ payload: CrawlProgressSchema, summary: 'What a running crawl has read so far.' }),
} as const;
