import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { quoteIdent } from '../../../../shared/sql/quote';
import { catalogTags, effectivePrivileges, getCatalog, userSchemas } from './uc-lookups';
import { sqlFix, stepsFix, test, type ValidationContext } from './validation-context';

/**
 * The integration catalog: may the installer create it, and is it free? Seed 001 answers a second integration on a
 * workspace with 409 Conflict and asks for one catalog per tenant; here a catalog already marked by another
 * integration, or one holding data without our mark, is the conflict — never adopted silently.
 */
export async function checkIntegrationCatalog(ctx: ValidationContext): Promise<ValidationTest[]> {
  const { rest, identity } = ctx.connection;
  const name = ctx.config.catalog;
  const createId = 'integration-catalog';
  const createName = `Installer may create the integration catalog ${name}`;
  const conflictId = 'catalog-conflict';
  const conflictName = `No other integration owns ${name}`;
  const existing = await getCatalog(rest, name, ctx.signal);

  if (existing === undefined) {
    const metastore = await ctx.metastore();
    const admin = ctx.isInstaller(metastore.owner);
    const privileges = admin ? new Set<string>() : await effectivePrivileges(rest, 'metastore', metastore.metastore_id, identity.userName, ctx.signal);
    const may = admin || privileges.has('CREATE_CATALOG');
    return [
      may
        ? test(createId, createName, 'passed', admin ? 'You are a metastore admin.' : 'You hold CREATE CATALOG on the metastore.')
        : test(createId, createName, 'failed', `${identity.userName} does not hold CREATE CATALOG on the metastore and is not a metastore admin.`, sqlFix([`GRANT CREATE CATALOG ON METASTORE TO ${quoteIdent(identity.userName)}`], 'a metastore admin')),
      test(conflictId, conflictName, 'passed', `Catalog ${name} does not exist yet; the set-up creates it and marks it as this integration\u2019s.`),
    ];
  }

  const tags = await catalogTags(rest, name, ctx.signal);
  const mark = tags.get(ctx.ownershipTag.key);
  const ours = mark === ctx.ownershipTag.value;
  const pickAnother = stepsFix(`Choose another integration catalog name: each integration needs its own catalog (seed 001: one catalog per tenant).`, `Or uninstall the integration that uses ${name} first.`);
  let conflict: ValidationTest;
  if (ours) conflict = test(conflictId, conflictName, 'passed', `Catalog ${name} is already this integration\u2019s (tagged ${ctx.ownershipTag.key} = ${mark}).`);
  else if (mark !== undefined) conflict = test(conflictId, conflictName, 'failed', `Catalog ${name} already belongs to the integration for ${mark || 'another workspace'} (tag ${ctx.ownershipTag.key}).`, pickAnother);
  else {
    const schemas = await userSchemas(rest, name, ctx.signal);
    conflict =
      schemas.length > 0
        ? test(conflictId, conflictName, 'failed', `Catalog ${name} already exists and holds ${schemas.slice(0, 5).join(', ')}${schemas.length > 5 ? ', \u2026' : ''}, but is not marked as a ucbridge integration catalog.`, pickAnother)
        : test(conflictId, conflictName, 'warning', `Catalog ${name} exists and is empty but unmarked; the set-up will take it over and tag it.`);
  }
  const owner = ctx.isInstaller(existing.owner);
  const create = ours || owner
    ? test(createId, createName, 'passed', `Catalog ${name} exists${owner ? ' and you own it' : ''}; it is not created again.`)
    : test(createId, createName, conflict.status === 'failed' ? 'skipped' : 'warning', conflict.status === 'failed' ? 'See the conflict test.' : `Catalog ${name} exists and is owned by ${existing.owner ?? 'someone else'}; you need to own it to set it up.`, conflict.status === 'failed' ? null : sqlFix([`ALTER CATALOG ${quoteIdent(name)} OWNER TO ${quoteIdent(identity.userName)}`], `the owner of ${name} or a metastore admin`));
  return [create, conflict];
}
