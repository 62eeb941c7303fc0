import { quoteIdent, quoteName } from '../../shared/sql/quote';
import type { UnityCatalog } from '../catalog/unity-catalog';
import type { SeedSql } from './catalog-sql-runner';

/** The UC name of a principal by its display name, when the identity seed has it (grants only go to those). */
export function principalNamed(uc: UnityCatalog, displayName: string): string | undefined {
  return uc.identities.all().find((p) => p.displayName === displayName || p.name === displayName)?.name;
}

type Grant = readonly [privileges: string, securable: string, principal: string];

/**
 * Who may do what in the demo: analysts read sales, marketing and the gold layer; finance analysts read finance
 * and (row-filtered) salaries; engineers own the raw layer and build analytics; governance browses everything and
 * tags it; the BI service principal reads dashboards' tables; every user may run the policy functions.
 */
export async function demoGrants(uc: UnityCatalog, sql: SeedSql, admin: string): Promise<void> {
  const s = (...parts: string[]) => quoteName(...parts);
  const grants: Grant[] = [
    ['USE CATALOG', `CATALOG ${s('main')}`, 'account users'],
    ['USE SCHEMA, EXECUTE', `SCHEMA ${s('main', 'governance')}`, 'account users'],
    ['USE CATALOG', `CATALOG ${s('main')}`, 'data-analysts'],
    ['USE CATALOG', `CATALOG ${s('analytics')}`, 'data-analysts'],
    ['USE SCHEMA, SELECT', `SCHEMA ${s('main', 'sales')}`, 'data-analysts'],
    ['USE SCHEMA, SELECT', `SCHEMA ${s('main', 'marketing')}`, 'data-analysts'],
    ['USE SCHEMA, SELECT', `SCHEMA ${s('analytics', 'gold')}`, 'data-analysts'],
    ['USE SCHEMA, SELECT', `SCHEMA ${s('analytics', 'customer_360')}`, 'data-analysts'],
    ['USE CATALOG', `CATALOG ${s('finance')}`, 'finance-analysts'],
    ['USE SCHEMA, SELECT', `SCHEMA ${s('finance', 'ledger')}`, 'finance-analysts'],
    ['USE SCHEMA, SELECT', `SCHEMA ${s('finance', 'reporting')}`, 'finance-analysts'],
    ['USE CATALOG', `CATALOG ${s('hr')}`, 'finance-analysts'],
    ['USE SCHEMA', `SCHEMA ${s('hr', 'payroll')}`, 'finance-analysts'],
    ['SELECT', `TABLE ${s('hr', 'payroll', 'salaries')}`, 'finance-analysts'],
    ['USE CATALOG, USE SCHEMA, SELECT', `CATALOG ${s('main')}`, 'data-engineers'],
    ['ALL PRIVILEGES', `CATALOG ${s('analytics')}`, 'data-engineers'],
    ['ALL PRIVILEGES', `CATALOG ${s('raw')}`, 'data-engineers'],
    ['CREATE CATALOG', 'METASTORE', 'data-engineers'],
    ['MANAGE', `SCHEMA ${s('main', 'governance')}`, 'data-governance'],
    ['USE CATALOG', `CATALOG ${s('analytics')}`, 'bi-dashboards'],
    ['USE SCHEMA, SELECT', `SCHEMA ${s('analytics', 'gold')}`, 'bi-dashboards'],
  ];
  for (const catalog of ['main', 'hr', 'finance', 'raw', 'analytics']) {
    grants.push(['USE CATALOG, BROWSE, APPLY TAG', `CATALOG ${s(catalog)}`, 'data-governance']);
    grants.push(['USE CATALOG, MANAGE', `CATALOG ${s(catalog)}`, 'governance-sync']);
  }
  for (const [privileges, securable, who] of grants) {
    const principal = principalNamed(uc, who);
    if (principal !== undefined) await sql.run(admin, `GRANT ${privileges} ON ${securable} TO ${quoteIdent(principal)}`);
  }
  const engineers = principalNamed(uc, 'data-engineers');
  if (engineers !== undefined) await sql.run(admin, `ALTER CATALOG ${s('raw')} OWNER TO ${quoteIdent(engineers)}`);
}
