import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { quoteIdent } from '../../../../shared/sql/quote';
import { catalogTags, effectivePrivileges, getCatalog, userSchemas, type CatalogInfo } from './uc-lookups';
import { sqlFix, stepsFix, test, type ValidationContext } from './validation-context';

const CREATE_ID = 'integration-catalog';
const CONFLICT_ID = 'catalog-conflict';
const createName = (c: string) => `Installer may create the integration catalog ${c}`;
const conflictName = (c: string) => `No other integration owns ${c}`;

/**
 * The integration catalog: may the installer create it, and is it free? Seed 001 answers a second integration on a
 * workspace with 409 Conflict and asks for one catalog per tenant; here a catalog already marked by another
 * integration, or one holding data without our mark, is the conflict — never adopted silently.
 */
export async function checkIntegrationCatalog(ctx: ValidationContext): Promise<ValidationTest[]> {
  const existing = await getCatalog(ctx.connection.rest, ctx.config.catalog, ctx.signal);
  if (existing === undefined) return [await mayCreate(ctx), test(CONFLICT_ID, conflictName(ctx.config.catalog), 'passed', `Catalog ${ctx.config.catalog} does not exist yet; the set-up creates it and marks it as this integration\u2019s.`)];
  const { conflict, ours } = await conflictOf(ctx);
  return [existingCatalog(ctx, existing, ours, conflict), conflict];
}

async function mayCreate(ctx: ValidationContext): Promise<ValidationTest> {
  const { rest, identity } = ctx.connection;
  const name = createName(ctx.config.catalog);
  const metastore = await ctx.metastore();
  if (ctx.isInstaller(metastore.owner)) return test(CREATE_ID, name, 'passed', 'You are a metastore admin.');
  const privileges = await effectivePrivileges(rest, 'metastore', metastore.metastore_id, identity.userName, ctx.signal);
  if (privileges.has('CREATE_CATALOG')) return test(CREATE_ID, name, 'passed', 'You hold CREATE CATALOG on the metastore.');
  return test(CREATE_ID, name, 'failed', `${identity.userName} does not hold CREATE CATALOG on the metastore and is not a metastore admin.`, sqlFix([`GRANT CREATE CATALOG ON METASTORE TO ${quoteIdent(identity.userName)}`], 'a metastore admin'));
}

async function conflictOf(ctx: ValidationContext): Promise<{ conflict: ValidationTest; ours: boolean }> {
  const c = ctx.config.catalog;
  const { key, value } = ctx.ownershipTag;
  const mark = (await catalogTags(ctx.connection.rest, c, ctx.signal)).get(key);
  const pickAnother = stepsFix('Choose another integration catalog name: each integration needs its own catalog (the governance product keeps one catalog per tenant).', `Or uninstall the integration that uses ${c} first.`);
  if (mark === value) return { ours: true, conflict: test(CONFLICT_ID, conflictName(c), 'passed', `Catalog ${c} is already this integration\u2019s (tagged ${key} = ${mark}).`) };
  if (mark !== undefined) return { ours: false, conflict: test(CONFLICT_ID, conflictName(c), 'failed', `Catalog ${c} already belongs to the integration for ${mark || 'another workspace'} (tag ${key}).`, pickAnother) };
  const schemas = await userSchemas(ctx.connection.rest, c, ctx.signal);
  if (schemas.length === 0) return { ours: false, conflict: test(CONFLICT_ID, conflictName(c), 'warning', `Catalog ${c} exists and is empty but unmarked; the set-up will take it over and tag it.`) };
  const shown = `${schemas.slice(0, 5).join(', ')}${schemas.length > 5 ? ', \u2026' : ''}`;
  return { ours: false, conflict: test(CONFLICT_ID, conflictName(c), 'failed', `Catalog ${c} already exists and holds ${shown}, but is not marked as a ucbridge integration catalog.`, pickAnother) };
}

/** An existing catalog is not created again; it is set up by its owner (or it is ours already). */
function existingCatalog(ctx: ValidationContext, existing: CatalogInfo, ours: boolean, conflict: ValidationTest): ValidationTest {
  const c = ctx.config.catalog;
  const owner = ctx.isInstaller(existing.owner);
  if (ours || owner) return test(CREATE_ID, createName(c), 'passed', `Catalog ${c} exists${owner ? ' and you own it' : ''}; it is not created again.`);
  if (conflict.status === 'failed') return test(CREATE_ID, createName(c), 'skipped', 'See the conflict test.');
  const fix = sqlFix([`ALTER CATALOG ${quoteIdent(c)} OWNER TO ${quoteIdent(ctx.connection.identity.userName)}`], `the owner of ${c} or a metastore admin`);
  return test(CREATE_ID, createName(c), 'warning', `Catalog ${c} exists and is owned by ${existing.owner ?? 'someone else'}; you need to own it to set it up.`, fix);
}
