import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { getCatalog } from './uc-lookups';
import { stepsFix, test, type ValidationContext } from './validation-context';

const ID = 'managed-storage';

/**
 * Where the integration catalog keeps its managed tables and staging volume. A metastore without root storage (as
 * workspaces enabled for Unity Catalog automatically have) refuses a catalog without `MANAGED LOCATION`
 * (https://docs.databricks.com/aws/en/connect/unity-catalog/cloud-storage/managed-storage): the set-up would stop at
 * its first statement, so validation says so before, with the fix.
 */
export async function checkManagedStorage(ctx: ValidationContext): Promise<ValidationTest> {
  const c = ctx.config.catalog;
  const name = `Managed storage for ${c}`;
  const location = ctx.config.storageLocation;
  if (location !== undefined) return test(ID, name, 'passed', `The set-up creates ${c} with its managed storage at ${location}.`);
  if ((await getCatalog(ctx.connection.rest, c, ctx.signal)) !== undefined) return test(ID, name, 'passed', `Catalog ${c} exists; it is not created again.`);
  const metastore = await ctx.metastore();
  if (metastore.storage_root) return test(ID, name, 'passed', `The metastore has root storage (${metastore.storage_root}); ${c} keeps its data there.`);
  return test(
    ID,
    name,
    'failed',
    `The metastore has no root storage (as on workspaces enabled for Unity Catalog automatically), so ${c} cannot be created without a managed storage location of its own.`,
    stepsFix(
      `Set the managed storage location of the integration (storageLocation in a config file) to a path inside an external location on which you hold CREATE MANAGED STORAGE, such as s3://<bucket>/<path>; the set-up then runs CREATE CATALOG ${c} MANAGED LOCATION '<that path>'.`,
      'Or ask an account admin to give the metastore root storage (account console: Catalog, the metastore, its storage location).',
    ),
  );
}
