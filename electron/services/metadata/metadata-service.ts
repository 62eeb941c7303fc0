import type { CrawlProgressSchema, MetadataStatus } from '../../../shared/contract/metadata';
import type { Diff } from '../../../shared/metadata/diff';
import type { ColumnDetail, CoverageMeasure, CoverageRow, LineageGraph, SearchHit, SensitiveTag, TableDetail, TableFilter } from '../../../shared/metadata/index-views';
import { DEFAULT_SENSITIVE_TAGS } from '../../../shared/metadata/index-views';
import { NO_SELECTION, SelectionRulesSchema, type SelectionRules } from '../../../shared/metadata/selection-rules';
import type { SnapshotRecord } from '../../../shared/metadata/snapshot';
import type { z } from 'zod';
import { fail } from '../../../shared/result';
import { chooseSource } from './crawl-source';
import { runCrawl } from './crawl/run-crawl';
import { createIndexRegistry } from './index/index-registry';
import type { MetadataIndex } from './index/metadata-index';
import { currentSnapshot, lastDiff } from './index/snapshot-record';
import { rebuildSelection } from './index/selection-build';
import type { MetadataDeps } from './metadata-deps';
import { coverage, coverageObjects } from './queries/coverage';
import { tableColumns, tableDetail } from './queries/details';
import { lineageAround } from './queries/lineage';
import { search } from './queries/search';
import { num } from './queries/sql-parts';
import { treeChildren, type TreePage } from './queries/tree';
import { planTagPublish, publishTags, tagScript, type TagSource, type TagsContext } from './tags/tags-service';
import { applyRegistration, exportConnection, planRegistration, type RegistrationContext } from './registration/registration-service';
import type { ApplySummary, ExportFile } from '../../../shared/contract/integration';
import { workspaceHost } from '../../../shared/integration/workspace-host';

const rulesKey = (host: string): string => `metadata-rules-${host.toLowerCase().replace(/[^a-z0-9.-]/g, '_')}`;

type Parts3 = readonly [string, string, string];

/** Step 4's metadata index and crawl, over the signed-in workspace. */
export function createMetadataService(deps: MetadataDeps) {
  const { connections, tasks, events, clock, logger, kv } = deps;
  const indexes = createIndexRegistry(deps.dataDir);
  let crawling = false;

  const current = async (): Promise<{ host: string; index: MetadataIndex }> => {
    const host = connections.requireConnection().workspace.host;
    return { host, index: await indexes.forHost(host) };
  };

  async function rules(host: string): Promise<SelectionRules> {
    const parsed = SelectionRulesSchema.safeParse(await kv.get(rulesKey(host)));
    return parsed.success ? parsed.data : NO_SELECTION;
  }

  async function status(): Promise<MetadataStatus> {
    const { host, index } = await current();
    const [row] = await index.query(`SELECT count(*) FILTER (kind = 'CATALOG') AS catalogs, count(*) FILTER (kind = 'SCHEMA') AS schemas,
      count(*) FILTER (kind = 'TABLE') AS tables, count(*) FILTER (kind = 'TABLE' AND active) AS active FROM selection`);
    return {
      workspaceHost: host,
      snapshot: await currentSnapshot(index),
      rules: await rules(host),
      selected: { catalogs: num(row?.catalogs), schemas: num(row?.schemas), tables: num(row?.tables), active: num(row?.active) },
    };
  }

  /** The integration settings of the signed-in workspace: registration writes into its catalog, over its warehouse. */
  async function registration(signal: AbortSignal): Promise<RegistrationContext> {
    const connection = connections.requireConnection();
    const saved = await deps.crawlTarget();
    const config = saved !== null && workspaceHost(saved.workspaceUrl) === connection.workspace.host.toLowerCase() ? saved
      : fail('BAD_REQUEST', 'The integration is not configured for this workspace.', 'Configure and set up the integration first: registration writes into its catalog.');
    return { connection, config, index: (await current()).index, signal: AbortSignal.any([signal, connection.signal]) };
  }

  const tagsContext = async (signal: AbortSignal): Promise<TagsContext> => {
    const r = await registration(signal);
    return { connection: r.connection, index: r.index, httpPath: r.config.httpPath, signal: r.signal };
  };

  return {
    status,
    tagsPlan: async (source: TagSource) => planTagPublish(await tagsContext(new AbortController().signal), source),
    publishTags(taskId: string, source: TagSource, planHash: string): Promise<ApplySummary> {
      return tasks.run(taskId, { label: 'Publishing tags…' }, async (task) =>
        publishTags(await tagsContext(task.signal), deps, source, planHash, (done, total, label) => task.progress({ done, total, label })),
      );
    },
    async exportTags(source: TagSource): Promise<ExportFile[]> {
      const ctx = await tagsContext(new AbortController().signal);
      const { plan, problems } = await planTagPublish(ctx, source);
      if (problems.length > 0) fail('BAD_REQUEST', `The tags cannot be exported as they are: ${problems.slice(0, 5).join(' ')}`, 'Fix them and export again.');
      return [tagScript(plan, ctx.connection.workspace.url)];
    },
    async registrationPlan() {
      const ctx = await registration(new AbortController().signal);
      await rebuildSelection(ctx.index, await rules(ctx.connection.workspace.host));
      return planRegistration(ctx);
    },
    register(taskId: string, planHash: string): Promise<ApplySummary> {
      return tasks.run(taskId, { label: 'Registering the selected objects…' }, async (task) =>
        applyRegistration(await registration(task.signal), deps, planHash, (done, total, label) => task.progress({ done, total, label })),
      );
    },
    async exportConnection(connectionKey: string): Promise<ExportFile> {
      const ctx = await registration(new AbortController().signal);
      return exportConnection(ctx.config, await rules(ctx.connection.workspace.host), connectionKey, ctx.connection.workspace.workspaceId);
    },
    async crawl(taskId: string, mode: 'full' | 'incremental', wanted: 'auto' | 'sql' | 'rest'): Promise<{ snapshot: SnapshotRecord; diff: Diff | null }> {
      const connection = connections.requireConnection();
      const { host, index } = await current();
      if (crawling) fail('CONFLICT', 'A crawl is already running.', 'Wait for it to finish, or cancel it.');
      crawling = true;
      try {
        return await tasks.run(taskId, { label: 'Reading the metastore…' }, async (task) => {
          const signal = AbortSignal.any([task.signal, connection.signal]);
          const target = await deps.crawlTarget();
          const { source, httpPath } = await chooseSource(wanted, target, connection, signal);
          const outcome = await runCrawl({
            index, connection, httpPath, audit: target?.audit.enabled ?? false, mode, source, signal, clock,
            onProgress: (p) => {
              const progress: z.input<typeof CrawlProgressSchema> = { taskId, ...p };
              events.publish('metadata.crawl', progress);
              const where = p.current ? ` (${p.current})` : '';
              task.progress({ label: `Crawling${where}: ${p.tables.toLocaleString('en')} tables, ${p.columns.toLocaleString('en')} columns`, done: p.catalogsDone, total: p.catalogsTotal });
            },
          });
          await rebuildSelection(index, await rules(host));
          logger.info('metadata crawl finished', { host, source, mode: outcome.record.mode, tables: outcome.record.counts.tables });
          return { snapshot: outcome.record, diff: outcome.diff };
        });
      } finally {
        crawling = false;
      }
    },
    async saveRules(next: SelectionRules): Promise<MetadataStatus> {
      const { host, index } = await current();
      await kv.set(rulesKey(host), next);
      await rebuildSelection(index, next);
      return status();
    },
    rules: async () => rules((await current()).host),
    children: async (parent: readonly string[], filter: TableFilter | undefined, offset: number, limit: number): Promise<TreePage> => treeChildren((await current()).index, parent, filter, offset, limit),
    search: async (o: { query: string; filter?: TableFilter; kinds?: readonly SearchHit['kind'][]; limit: number }) => search((await current()).index, o),
    columns: async (table: Parts3): Promise<ColumnDetail[]> => tableColumns((await current()).index, table),
    table: async (table: Parts3): Promise<TableDetail> => tableDetail((await current()).index, table),
    lineage: async (table: string, depth: number, columns: boolean): Promise<LineageGraph> => lineageAround((await current()).index, table, depth, columns),
    coverage: async (catalog: string | undefined, sensitive: readonly SensitiveTag[] | undefined): Promise<CoverageRow[]> =>
      coverage((await current()).index, catalog, sensitive ?? DEFAULT_SENSITIVE_TAGS),
    coverageObjects: async (o: { catalog: string; schema?: string; measure: CoverageMeasure; sensitive?: readonly SensitiveTag[]; offset: number; limit: number }) =>
      coverageObjects((await current()).index, { ...o, sensitive: o.sensitive ?? DEFAULT_SENSITIVE_TAGS }),
    diff: async (): Promise<Diff> => lastDiff((await current()).index),
    /** The index of the signed-in workspace (registration and tags build on it). */
    index: async () => current(),
    dispose: () => indexes.closeAll(),
  };
}
export type MetadataService = ReturnType<typeof createMetadataService>;
