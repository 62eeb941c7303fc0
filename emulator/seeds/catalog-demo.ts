import { quoteIdent, quoteLiteral, quoteName } from '../../shared/sql/quote';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { Rng, sqlValue, type SeedValue } from './catalog-data';
import { PEOPLE_TABLES } from './catalog-demo-people';
import { RAW_TABLES } from './catalog-demo-raw';
import { SALES_TABLES } from './catalog-demo-sales';
import type { DemoTable } from './catalog-demo-spec';
import { demoDerived } from './catalog-demo-derived';
import { demoGrants } from './catalog-demo-grants';
import { SeedSql } from './catalog-sql-runner';
import { seedCatalogLocation } from './seed-catalog-location';

const CATALOGS: readonly (readonly [string, string, readonly (readonly [string, string])[]])[] = [
  ['main', 'Lakeside Outfitters retail data', [['sales', 'Orders, customers, stores'], ['marketing', 'Campaigns and web analytics'], ['governance', 'Policy functions and mapping tables']]],
  ['hr', 'People data: restricted', [['people', 'Employees and org'], ['payroll', 'Compensation and payroll']]],
  ['finance', 'Finance and accounting', [['ledger', 'General ledger, vendors, invoices'], ['reporting', 'Management reporting']]],
  ['raw', 'Landing zone (bronze)', [['crm', 'CRM exports'], ['pos', 'Point of sale feed'], ['web', 'Web events']]],
  ['analytics', 'Curated data products (gold)', [['gold', 'Aggregates for dashboards'], ['customer_360', 'One view of the customer']]],
];

/** The metastore admin user the demo's objects belong to. */
export function seedAdmin(uc: UnityCatalog): string {
  const admin = uc.identities.all().find((p) => p.kind === 'user' && uc.identities.isMetastoreAdmin(p.id));
  if (!admin) throw new Error('The catalog seed needs a metastore admin user in the identity directory.');
  return admin.name;
}

async function createTable(sql: SeedSql, admin: string, t: DemoTable, rng: Rng): Promise<void> {
  const name = quoteName(...t.name);
  const cols = t.columns.map(([c, type, comment]) => `${quoteIdent(c)} ${type}${comment ? ` COMMENT ${quoteLiteral(comment)}` : ''}`);
  await sql.run(admin, `CREATE TABLE ${name} (${cols.join(', ')}) COMMENT ${quoteLiteral(t.comment)}`);
  for (let start = 0; start < t.rows; start += 500) {
    const rows: (readonly SeedValue[])[] = [];
    for (let i = start; i < Math.min(t.rows, start + 500); i++) rows.push(t.row(i, rng));
    const values = rows.map((row) => `(${row.map(sqlValue).join(', ')})`).join(', ');
    await sql.insert(admin, `INSERT INTO ${name} VALUES ${values}`, t.name, rows, 'Lakeside nightly loader/2.3');
  }
  const tags = (entries: Readonly<Record<string, string>>) => Object.entries(entries).map(([k, v]) => `${quoteLiteral(k)} = ${quoteLiteral(v)}`).join(', ');
  if (t.tableTags) await sql.run(admin, `ALTER TABLE ${name} SET TAGS (${tags(t.tableTags)})`);
  for (const [column, entries] of Object.entries(t.columnTags ?? {})) {
    await sql.run(admin, `ALTER TABLE ${name} ALTER COLUMN ${quoteIdent(column)} SET TAGS (${tags(entries)})`);
  }
}

/**
 * The demo metastore of a small outdoor retailer: five catalogs, ~45 tables and views full of PII-like columns,
 * classification tags, policy functions with a mask and a row filter, grants to the demo groups, lineage from the
 * derived tables, and a history of queries by analysts, engineers and the BI service principal.
 */
export async function seedDemoCatalog(uc: UnityCatalog): Promise<void> {
  const sql = new SeedSql(uc);
  const admin = seedAdmin(uc);
  const rng = new Rng(20260522);
  for (const [catalog, comment, schemas] of CATALOGS) {
    await sql.run(admin, `CREATE CATALOG IF NOT EXISTS ${quoteIdent(catalog)}${seedCatalogLocation(uc, catalog)} COMMENT ${quoteLiteral(comment)}`);
    await sql.run(admin, `ALTER CATALOG ${quoteIdent(catalog)} SET TAGS ('business_unit' = ${quoteLiteral(catalog === 'raw' ? 'platform' : catalog)})`);
    for (const [schema, schemaComment] of schemas) {
      await sql.run(admin, `CREATE SCHEMA IF NOT EXISTS ${quoteName(catalog, schema)} COMMENT ${quoteLiteral(schemaComment)}`);
    }
  }
  for (const t of [...SALES_TABLES, ...PEOPLE_TABLES, ...RAW_TABLES]) await createTable(sql, admin, t, rng);
  await demoGrants(uc, sql, admin);
  await demoDerived(uc, sql, admin);
}
