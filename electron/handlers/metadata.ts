import { ok } from '../../shared/result';
import type { DomainHandlers } from '../gateway/handlers';
import type { MetadataService } from '../services/metadata/metadata-service';

/** Step 4, Register metadata. Inputs arrive validated against shared/contract/metadata.ts. */
export function setupMetadata(deps: { readonly metadata: MetadataService }): DomainHandlers<'metadata'> {
  const { metadata: s } = deps;
  return {
    status: async () => ok(await s.status()),
    crawl: async ({ taskId, mode, source }) => ok(await s.crawl(taskId, mode, source)),
    children: async ({ parent, filter, offset, limit }) => ok(await s.children(parent, filter, offset, limit)),
    search: async ({ query, filter, kinds, limit }) => ok(await s.search({ query, limit, ...(filter ? { filter } : {}), ...(kinds ? { kinds } : {}) })),
    columns: async ({ table }) => ok(await s.columns(table)),
    table: async ({ table }) => ok(await s.table(table)),
    lineage: async ({ table, depth, columns }) => ok(await s.lineage(table, depth, columns)),
    coverage: async ({ catalog, sensitive }) => ok(await s.coverage(catalog, sensitive)),
    coverageObjects: async (o) => ok(await s.coverageObjects({ catalog: o.catalog, measure: o.measure, offset: o.offset, limit: o.limit, ...(o.schema ? { schema: o.schema } : {}), ...(o.sensitive ? { sensitive: o.sensitive } : {}) })),
    diff: async () => ok(await s.diff()),
    saveRules: async ({ rules }) => ok(await s.saveRules(rules)),
    registrationPlan: async () => ok(await s.registrationPlan()),
    register: async ({ taskId, planHash }) => ok(await s.register(taskId, planHash)),
    exportConnection: async ({ connectionKey }) => ok(await s.exportConnection(connectionKey)),
    tagsPlan: async ({ source }) => ok(await s.tagsPlan(source)),
    publishTags: async ({ taskId, source, planHash }) => ok(await s.publishTags(taskId, source, planHash)),
    exportTags: async ({ source }) => ok(await s.exportTags(source)),
  };
}
