import { quoteIdent } from '../../../../shared/sql/quote';
import type { ValidationFix } from '../../../../shared/integration/validation-types';
import { effectivePrivileges, getCatalog } from './uc-lookups';
import { sqlFix, type ValidationContext } from './validation-context';

/**
 * Whether the installer's list of a catalog's schemas can be short. "If the caller is the metastore admin or the
 * owner of the parent catalog, all schemas for the catalog will be retrieved. Otherwise, only schemas owned by the
 * caller (or for which the caller has the USE_SCHEMA privilege) will be retrieved"
 * (https://docs.databricks.com/api/workspace/schemas/list). MANAGE on the catalog is enough to grant, not to list.
 * Returns the warning to give, or undefined when the list is complete.
 */
export async function schemaListGap(ctx: ValidationContext, catalog: string, listed: number): Promise<{ reason: string; fix: ValidationFix } | undefined> {
  const { rest, identity } = ctx.connection;
  const info = await getCatalog(rest, catalog, ctx.signal);
  if (!info || ctx.isInstaller(info.owner) || ctx.isInstaller((await ctx.metastore()).owner)) return undefined;
  const held = await effectivePrivileges(rest, 'catalog', catalog, identity.userName, ctx.signal);
  if (held.has('USE_SCHEMA') || held.has('ALL_PRIVILEGES')) return undefined;
  return {
    reason:
      `You are neither a metastore admin nor the owner of ${catalog}, and hold no USE SCHEMA on it, so Databricks lists only the schemas of ${catalog} ` +
      `you own or hold USE SCHEMA on: the ${listed} schema${listed === 1 ? '' : 's'} read may not be all of them, and a schema missing from the list gets no MANAGE for the service principal. ` +
      `Grant yourself USE SCHEMA on the catalog (MANAGE lets you), then update the integration (re-plan) so every schema is listed.`,
    fix: sqlFix([`GRANT USE SCHEMA ON CATALOG ${quoteIdent(catalog)} TO ${quoteIdent(identity.userName)}`], `you (MANAGE on ${catalog} lets you grant it), or the owner of ${catalog}`),
  };
}
