import { z } from 'zod';
import type { BlindSpot } from '../../../../shared/metadata/snapshot';
import { listPages } from '../../connection/paged-list';
import type { RestClient } from '../../connection/types';
import type { SnapshotWriter } from '../index/snapshot-writer';

const UC = '/api/2.1/unity-catalog/resource-quotas';
const QuotaSchema = z.object({ parent_securable_type: z.string(), parent_full_name: z.string(), quota_name: z.string(), quota_count: z.number() }).passthrough();

/**
 * Sizes the metastore the way governance-steps-3-4.md §4.1 proposes: the resource quota counts
 * (https://docs.databricks.com/aws/en/resources/manage-resource-quotas) count every table, whoever asks, where
 * information_schema shows only what the caller may see. More tables in the quota than in the crawl is a blind spot,
 * named by schema. The counts are refreshed without a promised delay (the docs give no SLA on freshness), so the
 * message says "about"; when the API cannot be read, nothing is claimed.
 */
export async function quotaBlindSpots(rest: RestClient, metastoreId: string | undefined, writer: SnapshotWriter, signal: AbortSignal): Promise<BlindSpot[]> {
  if (metastoreId === undefined) return [];
  let total: number;
  try {
    const r = await rest.request({ method: 'GET', path: `${UC}/METASTORE/${encodeURIComponent(metastoreId)}/table-quota`, schema: z.object({ quota_info: QuotaSchema }), signal, what: 'Reading the table count of the metastore' });
    total = r.quota_info.quota_count;
  } catch {
    return [];
  }
  const [crawled] = await writer.read('SELECT count(*) AS n FROM stage_tables');
  const seen = Number(crawled?.n ?? 0);
  if (total <= seen) return [];
  const bySchema = new Map((await writer.read("SELECT catalog || '.' || schema AS s, count(*) AS n FROM stage_tables GROUP BY 1")).map((r) => [String(r.s), Number(r.n)]));
  const gaps: [string, number][] = [];
  try {
    for await (const page of listPages(rest, { path: `${UC}/all-resource-quotas`, itemsKey: 'quotas', item: QuotaSchema, what: 'Listing the resource quotas', signal })) {
      for (const q of page) {
        if (q.parent_securable_type.toUpperCase() !== 'SCHEMA' || q.quota_name !== 'table-quota') continue;
        const missing = q.quota_count - (bySchema.get(q.parent_full_name) ?? 0);
        if (missing > 0) gaps.push([q.parent_full_name, missing]);
      }
    }
  } catch {
    gaps.length = 0;
  }
  gaps.sort((a, b) => b[1] - a[1]);
  const where = gaps.length === 0 ? '' : ` Most are in ${gaps.slice(0, 5).map(([s, n]) => `${s} (${n})`).join(', ')}${gaps.length > 5 ? ` and ${gaps.length - 5} more schemas` : ''}.`;
  return [{ code: 'hidden-objects', catalog: null, message: `The metastore holds about ${total} tables and the crawl could see ${seen}: about ${total - seen} are out of this identity's view.${where}` }];
}
