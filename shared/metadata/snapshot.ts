import { z } from 'zod';

/** What a crawl found, counted as the CLI prints it (`metadata crawl --json`). */
export const CrawlCountsSchema = z.object({
  catalogs: z.number().int().nonnegative(),
  schemas: z.number().int().nonnegative(),
  tables: z.number().int().nonnegative(),
  columns: z.number().int().nonnegative(),
  tags: z.number().int().nonnegative(),
  grants: z.number().int().nonnegative(),
  masks: z.number().int().nonnegative(),
  rowFilters: z.number().int().nonnegative(),
  policies: z.number().int().nonnegative(),
  lineageEdges: z.number().int().nonnegative(),
  columnLineageEdges: z.number().int().nonnegative(),
});
export type CrawlCounts = z.infer<typeof CrawlCountsSchema>;

export const ZERO_COUNTS: CrawlCounts = {
  catalogs: 0, schemas: 0, tables: 0, columns: 0, tags: 0, grants: 0, masks: 0, rowFilters: 0, policies: 0, lineageEdges: 0, columnLineageEdges: 0,
};

/**
 * What the crawl could not see, or saw only in part. `information_schema` answers only what the caller may see
 * (reference §2), so a crawl by anyone but a metastore admin may miss objects; these say which and why.
 */
export const BlindSpotCodeSchema = z.enum([
  'not-metastore-admin', // information_schema shows only what this identity may use
  'grants-partial', // a MANAGE holder who does not own a catalog sees only its own grants there
  'catalog-unreadable', // a catalog listed but its crawl statement was refused
  'lineage-unavailable', // system.access lineage tables not enabled or not readable
  'audit-unavailable', // audit on, but system.access.audit / system.query.history not readable
  'policies-unavailable', // SHOW POLICIES refused (no ABAC on this warehouse, or no privilege)
  'rest-fallback', // crawled over REST: lineage, audit and ABAC policies need SQL
  'browse-only', // objects visible by BROWSE only: masks on them are not listed (reference §4.2)
  'hidden-objects', // the resource quota counts show more tables than the crawl could see
]);
export type BlindSpotCode = z.infer<typeof BlindSpotCodeSchema>;

export const BlindSpotSchema = z.object({
  code: BlindSpotCodeSchema,
  message: z.string(),
  /** The catalog it concerns, when it concerns one. */
  catalog: z.string().nullable(),
});
export type BlindSpot = z.infer<typeof BlindSpotSchema>;

export const CrawlSourceSchema = z.enum(['sql', 'rest']);
export type CrawlSource = z.infer<typeof CrawlSourceSchema>;

/** The snapshot an index holds: which crawl made it, and what is in it. */
export const SnapshotRecordSchema = z.object({
  id: z.string(),
  workspaceHost: z.string(),
  /** Who crawled: what information_schema filtered by. */
  crawledBy: z.string(),
  source: CrawlSourceSchema,
  mode: z.enum(['full', 'incremental']),
  startedAt: z.number(),
  finishedAt: z.number(),
  /** Tables altered at or after this time (epoch ms) are re-read by the next re-crawl: the start of this one, less a margin. */
  watermark: z.number(),
  counts: CrawlCountsSchema,
  blindSpots: z.array(BlindSpotSchema),
  /** Statements run on the warehouse, and REST calls made. */
  statements: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  auditIncluded: z.boolean(),
});
export type SnapshotRecord = z.infer<typeof SnapshotRecordSchema>;
