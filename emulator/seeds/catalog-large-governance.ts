import type { UnityCatalog } from '../catalog/unity-catalog';
import { grantKeyOf, tagKeyOf, type ColumnDef, type TableEntity } from '../catalog/model';
import type { LineageTable } from '../catalog/system/system-log';

/**
 * Governance on the `large` seed in the proportions of governance-steps-3-4.md §3's crawl fixture: about 5 % of
 * columns tagged (every sixth table's personal-data columns), a domain tag on every tenth table, ten group grants per
 * schema, 2 % of tables masked or row-filtered (with the demo's policy functions), and lineage between a tenth of
 * the tables (column lineage for a fifth of those). Written straight into the model, like the tables themselves.
 */
const PII: Readonly<Record<string, readonly [string, string]>> = {
  email: ['pii', 'email'], phone_number: ['pii', 'phone'], first_name: ['pii', 'name'], last_name: ['pii', 'name'],
  national_id: ['pii', 'national_id'], date_of_birth: ['pii', 'birth_date'], street_address: ['pii', 'address'],
  postal_code: ['pii', 'address'], ip_address: ['pii', 'ip_address'], iban: ['pii', 'bank_account'],
  card_last4: ['pii', 'payment_card'], salary: ['class', 'restricted'],
};

const MASK: readonly [string, string, string] = ['main', 'governance', 'mask_email'];
const FILTER: readonly [string, string, string] = ['main', 'governance', 'region_filter'];
const GRANTS: readonly (readonly [string, readonly string[]])[] = [
  ['data-analysts', ['USE_SCHEMA', 'SELECT']], ['finance-analysts', ['USE_SCHEMA', 'SELECT']], ['data-engineers', ['USE_SCHEMA', 'MODIFY']],
  ['data-governance', ['USE_SCHEMA', 'APPLY_TAG']], ['bi-dashboards', ['USE_SCHEMA', 'SELECT']],
];

const stringColumn = (cols: readonly ColumnDef[], names: readonly string[]) => cols.find((c) => c.typeText === 'string' && names.includes(c.name));

export function seedLargeGovernance(uc: UnityCatalog, catalogIds: readonly string[], admin: string): void {
  const { store, acl } = uc;
  const principals = GRANTS.flatMap(([name, privileges]) => {
    const p = uc.identities.byName(name);
    return p ? [[p.name, privileges] as const] : [];
  });
  let n = 0;
  const lineage: { target: TableEntity; ref: LineageTable; sources: LineageTable[]; columns: boolean }[] = [];
  for (const catalogId of catalogIds) {
    const catalog = store.catalogs.byId.get(catalogId)!;
    for (const schema of store.schemas.childrenOf(catalogId)) {
      for (const [principal, privileges] of principals) acl.setPrivileges(grantKeyOf('SCHEMA', schema.id), principal, new Map(privileges.map((p) => [p, admin])));
      let previous: LineageTable | undefined;
      for (const table of store.tables.childrenOf(schema.id)) {
        const t = n++;
        const ref: LineageTable = { catalog: catalog.name, schema: schema.name, table: table.name, type: 'TABLE' };
        if (t % 6 === 0) {
          for (const c of table.columns) {
            const tag = PII[c.name];
            if (tag) acl.setTag(tagKeyOf({ kind: 'COLUMN', id: table.id, column: c.name }), tag[0], tag[1]);
          }
        }
        if (t % 10 === 0) acl.setTag(tagKeyOf({ kind: 'TABLE', id: table.id }), 'domain', schema.name.replace(/_\d+$/, ''));
        const masked = t % 100 === 1 ? stringColumn(table.columns, ['email', 'national_id', 'iban', 'phone_number', 'account_id']) : undefined;
        const region = t % 100 === 2 ? stringColumn(table.columns, ['region']) : undefined;
        if (masked || region) {
          store.putTable({
            ...table,
            masks: masked ? [{ column: masked.name, functionName: MASK, using: [] }] : table.masks,
            rowFilter: region ? { functionName: FILTER, args: [{ kind: 'column', name: region.name }] } : table.rowFilter,
          });
        }
        if (t % 10 === 3 && previous) lineage.push({ target: table, ref, sources: [previous], columns: t % 50 === 3 });
        previous = ref;
      }
    }
  }
  const time = new Date();
  for (const [i, l] of lineage.entries()) {
    const sources = i % 3 === 0 && i > 0 ? [...l.sources, lineage[i - 1]!.ref] : l.sources;
    const columns = l.columns ? l.target.columns.slice(0, 3).map((c) => ({ source: sources[0]!, sourceColumn: c.name, targetColumn: c.name })) : [];
    uc.log.lineage({ statementId: `large-lineage-${i}`, createdBy: admin, time, sources, target: l.ref, columns });
  }
}
