import type { AdditionalWorkspace } from '../../../../shared/integration/config';
import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { parseWorkspaceUrl } from '../../../../shared/domain/workspace-url';
import { quoteIdent } from '../../../../shared/sql/quote';
import { catalogBindings, getCatalog } from './uc-lookups';
import { sqlFix, stepsFix, test, type ValidationContext } from './validation-context';

/** Azure hosts carry the workspace id (`adb-<id>.<n>.azuredatabricks.net`); elsewhere the URL alone does not say. */
const workspaceIdOf = (host: string): string | undefined => /^adb-(\d+)\./u.exec(host)?.[1];

/**
 * Seed 001's additional workspace connections: each reaches its catalogs. A catalog in ISOLATED mode is reachable
 * only from the workspaces bound to it (reference §4.8); OPEN catalogs are reachable from every workspace on the
 * metastore.
 */
export async function checkAdditionalWorkspace(ctx: ValidationContext, ws: AdditionalWorkspace): Promise<ValidationTest> {
  const id = `additional-workspace:${ws.workspaceUrl}`;
  const name = `Additional workspace ${ws.workspaceUrl} reaches ${ws.catalogs.join(', ')}`;
  const address = parseWorkspaceUrl(ws.workspaceUrl);
  if (!address.ok) return test(id, name, 'failed', `${ws.workspaceUrl} is not a workspace address: ${address.problem}`, stepsFix('Use the workspace URL as the browser shows it, e.g. https://adb-1234567890123456.7.azuredatabricks.net.'));
  const wsId = address.value.url === ctx.connection.workspace.url ? ctx.connection.workspace.workspaceId : workspaceIdOf(address.value.host);
  const problems: string[] = [];
  const fixes: string[] = [];
  let unsure = false;
  for (const catalog of ws.catalogs) {
    const info = await getCatalog(ctx.connection.rest, catalog, ctx.signal);
    if (!info) {
      problems.push(`${catalog} does not exist`);
      fixes.push(`CREATE CATALOG IF NOT EXISTS ${quoteIdent(catalog)}`);
      continue;
    }
    if (info.isolation_mode !== 'ISOLATED') continue;
    const bound = await catalogBindings(ctx.connection.rest, catalog, ctx.signal);
    if (wsId === undefined) unsure = true;
    else if (!bound.includes(wsId)) problems.push(`${catalog} is isolated and not bound to workspace ${wsId}`);
  }
  if (problems.length > 0) {
    return test(id, name, 'failed', `${problems.join('; ')}.`, fixes.length === problems.length ? sqlFix(fixes, 'someone with CREATE CATALOG on the metastore') : stepsFix('In Catalog Explorer, open each catalog \u2192 Workspaces, and bind it to the additional workspace (a workspace can use a catalog only once the catalog is bound to it).'));
  }
  if (unsure) return test(id, name, 'warning', 'Some catalogs are isolated to bound workspaces, and the workspace id of this URL is not known here; check that it is bound.', stepsFix('In Catalog Explorer, open each catalog \u2192 Workspaces, and check that the additional workspace is listed.'));
  return test(id, name, 'passed', `Every catalog exists and is reachable from ${ws.workspaceUrl}.`);
}
