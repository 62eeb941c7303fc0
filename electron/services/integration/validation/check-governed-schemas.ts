import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { quoteIdent, quoteName } from '../../../../shared/sql/quote';
import { schemaNames } from '../governed-schemas';
import { schemaListGap } from './schema-list-gap';
import { sqlFix, test, type ValidationContext } from './validation-context';

/**
 * The service principal gets MANAGE on each listed schema of a governed catalog, not on the catalog (sp-grants.ts):
 * a schema created after the lists were read has no MANAGE, so its tables cannot be governed until the integration
 * is updated. A listed schema that is gone would make the GRANT fail. An installer who may not list every schema
 * (schema-list-gap.ts) is warned that the list can be short.
 */
export async function checkGovernedSchemas(ctx: ValidationContext, catalog: string): Promise<ValidationTest> {
  const id = `governed-schemas:${catalog}`;
  const name = `Governed catalog ${catalog}: every schema is managed`;
  const present = await schemaNames(ctx.connection.rest, catalog, ctx.signal);
  if (present === undefined) return test(id, name, 'skipped', `Catalog ${catalog} does not exist, or you may not list its schemas (see its own test).`);
  const listed = new Set(ctx.config.governedSchemas[catalog] ?? []);
  const unlisted = present.filter((s) => !listed.has(s));
  const gone = [...listed].filter((s) => !present.includes(s));
  const gap = await schemaListGap(ctx, catalog, present.length);
  if (unlisted.length === 0 && gone.length === 0) {
    if (gap) return test(id, name, 'warning', gap.reason, gap.fix);
    return test(id, name, 'passed', `The service principal is to hold MANAGE on all ${present.length} schema${present.length === 1 ? '' : 's'} of ${catalog}.`);
  }
  const sp = quoteIdent(ctx.config.servicePrincipal.applicationId);
  const reasons = [
    ...(unlisted.length ? [`${catalog} has schema${unlisted.length === 1 ? '' : 's'} the integration does not manage yet: ${unlisted.join(', ')} (created after its schema list was read), so the governance product cannot enforce policies on their tables. Update the integration (re-plan) to grant MANAGE on them.`] : []),
    ...(gone.length ? [`The config lists schema${gone.length === 1 ? '' : 's'} no longer in ${catalog}: ${gone.join(', ')}; re-plan (or remove them from governedSchemas in a config file) so no GRANT names them.`] : []),
    ...(gap ? [gap.reason] : []),
  ];
  return test(id, name, 'warning', reasons.join(' '), unlisted.length ? sqlFix(unlisted.map((s) => `GRANT MANAGE ON SCHEMA ${quoteName(catalog, s)} TO ${sp}`), `ucbridge's Update (re-plan, then apply), or the owner of ${catalog}`) : (gap?.fix ?? null));
}
