import { randomUUID } from 'node:crypto';
import type { ColumnDef, Stamp } from '../catalog/model';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { Rng } from './catalog-data';
import { seedAdmin } from './catalog-demo';
import { principalNamed } from './catalog-demo-grants';
import { seedLargeGovernance } from './catalog-large-governance';

export interface LargeSeedOptions {
  /** Default 100,000. */
  readonly scaleTables?: number;
  /** Columns per table. Default 20. */
  readonly scaleColumns?: number;
  /** Default 1,000, spread over catalogs of 100 schemas each. */
  readonly scaleSchemas?: number;
}

const POOL: readonly (readonly [string, string, string | null])[] = [
  ['id', 'bigint', null], ['customer_id', 'bigint', null], ['account_id', 'string', null], ['email', 'string', 'Contact email'],
  ['phone_number', 'string', null], ['first_name', 'string', null], ['last_name', 'string', null], ['national_id', 'string', 'Government id'],
  ['date_of_birth', 'date', null], ['street_address', 'string', null], ['postal_code', 'string', null], ['city', 'string', null],
  ['region', 'string', null], ['country_code', 'string', null], ['ip_address', 'string', null], ['device_id', 'string', null],
  ['salary', 'decimal(12,2)', null], ['amount', 'decimal(14,2)', null], ['currency', 'string', null], ['quantity', 'int', null],
  ['unit_price', 'decimal(10,2)', null], ['discount_pct', 'double', null], ['status', 'string', null], ['channel', 'string', null],
  ['created_at', 'timestamp', 'Row creation time'], ['updated_at', 'timestamp', null], ['event_date', 'date', null], ['is_active', 'boolean', null],
  ['score', 'double', null], ['segment', 'string', null], ['sku', 'string', null], ['category', 'string', null], ['store_id', 'int', null],
  ['employee_id', 'int', null], ['manager_id', 'int', null], ['iban', 'string', null], ['card_last4', 'string', null],
  ['tags', 'array<string>', null], ['attributes', 'map<string,string>', null], ['source_file', 'string', null], ['batch_id', 'bigint', null],
];
const DOMAINS = ['sales', 'orders', 'customers', 'billing', 'inventory', 'logistics', 'marketing', 'web', 'hr', 'finance', 'risk', 'support'];
const ENTITIES = ['events', 'snapshot', 'daily', 'hourly', 'dim', 'fact', 'staging', 'history', 'extract', 'agg'];

/** 200 distinct column lists of `m` columns; tables share them (see catalog/column-sets.ts). */
function columnTemplates(m: number, rng: Rng): ColumnDef[][] {
  return Array.from({ length: 200 }, () => {
    const picked = new Set<number>();
    const cols: ColumnDef[] = [];
    for (let k = 0; k < m; k++) {
      if (k < POOL.length && picked.size < POOL.length) {
        let j = rng.int(0, POOL.length - 1);
        while (picked.has(j)) j = (j + 1) % POOL.length;
        picked.add(j);
        const [name, typeText, comment] = POOL[j]!;
        cols.push({ name, typeText, nullable: rng.next() < 0.9, comment });
      } else {
        cols.push({ name: `attr_${k}`, typeText: 'string', nullable: true, comment: null });
      }
    }
    return cols;
  });
}

/**
 * The `large` seed: the demo, plus a metastore-sized bulk of tables (default 100,000 tables × 20 columns in
 * 1,000 schemas) with tags, grants, masks, filters and lineage in realistic proportions (catalog-large-governance.ts),
 * written straight into the model and mirrored in one rebuild — no statement per table, so it takes seconds. The
 * tables have no rows yet; storage is created on first write.
 */
export async function seedLargeCatalog(uc: UnityCatalog, options: LargeSeedOptions): Promise<void> {
  const tables = Math.max(0, Math.floor(options.scaleTables ?? 100_000));
  const columns = Math.max(1, Math.floor(options.scaleColumns ?? 20));
  const schemas = Math.max(1, Math.min(Math.floor(options.scaleSchemas ?? 1000), Math.max(tables, 1)));
  const admin = seedAdmin(uc);
  const now = Date.now();
  const stamp: Stamp = { createdAt: now, createdBy: admin, updatedAt: now, updatedBy: admin };
  const rng = new Rng(4242);
  const templates = columnTemplates(columns, rng).map((t) => uc.store.columnSets.intern(t));
  const catalogCount = Math.ceil(schemas / 100);
  const catalogIds: string[] = [];
  uc.store.bus.withoutEvents(() => {
    for (let c = 0; c < catalogCount; c++) {
      const id = randomUUID();
      catalogIds.push(id);
      uc.store.putCatalog({ ...stamp, id, name: `lake_${String(c + 1).padStart(2, '0')}`, owner: admin, comment: `Data lake zone ${c + 1}`, properties: {}, catalogType: 'MANAGED_CATALOG', isolationMode: 'OPEN', bindings: [] });
    }
    for (let s = 0; s < schemas; s++) {
      const schemaId = randomUUID();
      const domain = DOMAINS[s % DOMAINS.length]!;
      uc.store.putSchema({ ...stamp, id: schemaId, catalogId: catalogIds[Math.floor(s / 100)]!, name: `${domain}_${String(s + 1).padStart(4, '0')}`, owner: admin, comment: null, properties: {} });
      const from = Math.floor((tables * s) / schemas);
      const to = Math.floor((tables * (s + 1)) / schemas);
      for (let t = from; t < to; t++) {
        uc.store.putTable({
          ...stamp, id: randomUUID(), schemaId, name: `${domain}_${ENTITIES[t % ENTITIES.length]}_${String(t + 1).padStart(6, '0')}`,
          tableType: 'MANAGED', columns: templates[t % templates.length]!, owner: admin, comment: t % 7 === 0 ? `${domain} ${ENTITIES[t % ENTITIES.length]} table` : null,
          properties: {}, viewText: null, rowFilter: null, masks: [], storage: null,
        });
      }
    }
    const grant = (key: string, who: string, privileges: readonly string[]) => {
      const principal = principalNamed(uc, who);
      if (principal !== undefined) uc.acl.setPrivileges(key, principal, new Map(privileges.map((p) => [p, admin])));
    };
    grant(`CATALOG:${catalogIds[0]}`, 'data-analysts', ['USE_CATALOG', 'USE_SCHEMA', 'SELECT']);
    for (const id of catalogIds) grant(`CATALOG:${id}`, 'data-governance', ['USE_CATALOG', 'BROWSE']);
    seedLargeGovernance(uc, catalogIds, admin);
  });
  await uc.afterBulkLoad();
}
