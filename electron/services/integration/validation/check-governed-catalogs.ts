import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { quoteIdent } from '../../../../shared/sql/quote';
import { effectivePrivileges, getCatalog } from './uc-lookups';
import { sqlFix, test, type ValidationContext } from './validation-context';

/**
 * Each governed catalog exists and the installer can grant on it: the set-up grants the service principal USE
 * CATALOG (and the rest) there and MANAGE on each of its schemas (sp-grants.ts), which takes its owner, a
 * metastore admin, or MANAGE on the catalog (reference §1.10).
 */
export async function checkGovernedCatalog(ctx: ValidationContext, catalog: string): Promise<ValidationTest> {
  const { rest, identity } = ctx.connection;
  const id = `governed-catalog:${catalog}`;
  const name = `Governed catalog ${catalog}: exists, you can grant on it`;
  const info = await getCatalog(rest, catalog, ctx.signal);
  if (!info) {
    return test(id, name, 'failed', `Catalog ${catalog} does not exist, or you cannot see it.`, sqlFix([`CREATE CATALOG IF NOT EXISTS ${quoteIdent(catalog)}`], 'someone with CREATE CATALOG on the metastore (or remove it from the governed catalogs)'));
  }
  if (ctx.isInstaller(info.owner)) return test(id, name, 'passed', `You own ${catalog}.`);
  const metastore = await ctx.metastore();
  if (ctx.isInstaller(metastore.owner)) return test(id, name, 'passed', `You are a metastore admin.`);
  const privileges = await effectivePrivileges(rest, 'catalog', catalog, identity.userName, ctx.signal);
  if (privileges.has('MANAGE')) return test(id, name, 'passed', `You hold MANAGE on ${catalog}.`);
  return test(id, name, 'failed', `You neither own ${catalog} (owner: ${info.owner ?? 'unknown'}) nor hold MANAGE on it, so you cannot grant the service principal access.`, sqlFix([`GRANT MANAGE ON CATALOG ${quoteIdent(catalog)} TO ${quoteIdent(identity.userName)}`], `the owner of ${catalog} or a metastore admin`));
}
