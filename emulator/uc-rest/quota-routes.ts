import type { RestRoute } from '../contracts';
import { ucErrors } from '../catalog/errors';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { json, route } from './http';
import { pageBody, paginate } from './pagination';

const BASE = '/api/2.1/unity-catalog/resource-quotas';

interface QuotaInfo {
  readonly parent_securable_type: 'METASTORE' | 'CATALOG' | 'SCHEMA';
  readonly parent_full_name: string;
  readonly quota_name: string;
  readonly quota_count: number;
  readonly quota_limit: number;
  readonly last_refreshed_at: number;
}

/**
 * Resource quotas (https://docs.databricks.com/api/uc-resource-quotas/v1/list-quotas and get-quota; limits from
 * https://docs.databricks.com/aws/en/resources/manage-resource-quotas): the number of child objects per parent —
 * catalogs and tables per metastore (parent_full_name is the metastore id), schemas per catalog, tables per schema —
 * counted over everything that exists, whoever asks: unlike information_schema they are not filtered to the caller,
 * which is what makes them a measure of what a crawl could not see. ListQuotas is paginated by default. The docs do
 * not say who may call them; the sandbox answers any signed-in caller. The system catalog is not counted.
 */
export function quotaRoutes(uc: UnityCatalog): RestRoute[] {
  const all = (): QuotaInfo[] => {
    const now = Date.now();
    const q = (type: QuotaInfo['parent_securable_type'], name: string, quota: string, count: number, limit: number): QuotaInfo => ({
      parent_securable_type: type, parent_full_name: name, quota_name: quota, quota_count: count, quota_limit: limit, last_refreshed_at: now,
    });
    const catalogs = [...uc.store.catalogs.byId.values()].filter((c) => c.catalogType !== 'SYSTEM_CATALOG').sort((a, b) => a.name.localeCompare(b.name));
    const out: QuotaInfo[] = [];
    let tables = 0;
    for (const c of catalogs) {
      const schemas = uc.store.schemas.childrenOf(c.id).toSorted((a, b) => a.name.localeCompare(b.name));
      out.push(q('CATALOG', c.name, 'schema-quota', schemas.length, 10_000));
      for (const s of schemas) {
        const n = uc.store.tables.countOf(s.id);
        tables += n;
        out.push(q('SCHEMA', `${c.name}.${s.name}`, 'table-quota', n, 10_000));
      }
    }
    return [q('METASTORE', uc.sandbox.metastoreId, 'catalog-quota', catalogs.length, 1_000), q('METASTORE', uc.sandbox.metastoreId, 'table-quota', tables, 1_000_000), ...out];
  };
  return [
    route(uc, 'GET', `${BASE}/all-resource-quotas`, 'listQuotas', (req) =>
      json(pageBody('quotas', paginate(all(), req.query, { fault: uc.paging(), serverPageSize: 500 }, 'quotas'))),
    ),
    route(uc, 'GET', `${BASE}/:type/:full_name/:quota_name`, 'getQuota', (req) => {
      const { type, full_name: name, quota_name: quota } = req.params as { type: string; full_name: string; quota_name: string };
      const found = all().find((x) => x.parent_securable_type === type.toUpperCase() && x.parent_full_name === name && x.quota_name === quota);
      if (!found) throw ucErrors.notFound(`No quota ${quota} on ${type} ${name}.`);
      return json({ quota_info: found });
    }),
  ];
}
