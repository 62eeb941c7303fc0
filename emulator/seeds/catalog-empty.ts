import type { UnityCatalog } from '../catalog/unity-catalog';
import { seedAdmin } from './catalog-demo';
import { SeedSql } from './catalog-sql-runner';
import { seedCatalogLocation } from './seed-catalog-location';

/**
 * A fresh workspace's catalog: `main` with its `default` schema, where every user may work — the defaults
 * Databricks gives an automatically provisioned workspace catalog.
 */
export async function seedEmptyCatalog(uc: UnityCatalog): Promise<void> {
  const sql = new SeedSql(uc);
  const admin = seedAdmin(uc);
  await sql.run(admin, `CREATE CATALOG IF NOT EXISTS main${seedCatalogLocation(uc, 'main')} COMMENT 'Default workspace catalog'`);
  if (uc.identities.byName('account users')) {
    await sql.run(admin, 'GRANT USE CATALOG ON CATALOG main TO `account users`');
    await sql.run(admin, 'GRANT USE SCHEMA, CREATE TABLE ON SCHEMA main.default TO `account users`');
  }
}
