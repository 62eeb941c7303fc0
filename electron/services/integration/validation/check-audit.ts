import { AUDIT_SCHEMAS as SCHEMAS, AUDIT_TABLES } from '../../../../shared/integration/integration-objects';
import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { quoteIdent, quoteName } from '../../../../shared/sql/quote';
import { messageOf } from './check-connection';
import { systemSchemaEnabled, systemSchemaStates } from './uc-lookups';
import { sqlFix, test, type ValidationContext } from './validation-context';


/**
 * Query audit needs the `access` and `query` system schemas enabled (reference §3.4: new schemas are enabled
 * explicitly, by a metastore or account admin, through the SystemSchemas API — which the app offers to call) and
 * the four tables readable by the installer, who then grants them to the service principal.
 */
export async function checkAudit(ctx: ValidationContext): Promise<ValidationTest[]> {
  const schemaId = (s: string) => `system-schema:${s}`;
  const schemaName = (s: string) => `System schema system.${s} enabled`;
  const tableId = (s: string, t: string) => `system-table:system.${s}.${t}`;
  const tableName = (s: string, t: string) => `system.${s}.${t} readable`;
  if (!ctx.config.audit.enabled) {
    const off = 'Query audit is off.';
    return [...SCHEMAS.map((s) => test(schemaId(s), schemaName(s), 'skipped', off)), ...AUDIT_TABLES.map(([s, t]) => test(tableId(s, t), tableName(s, t), 'skipped', off))];
  }
  const metastore = await ctx.metastore();
  const states = await systemSchemaStates(ctx.connection.rest, metastore.metastore_id, ctx.signal);
  const admin = ctx.isInstaller(metastore.owner);
  const schemaTests = SCHEMAS.map((s) => {
    const state = states.get(s);
    const fix = { kind: 'enable-system-schema', schema: s, metastoreId: metastore.metastore_id } as const;
    if (systemSchemaEnabled(state)) return test(schemaId(s), schemaName(s), 'passed', `system.${s} is enabled.`);
    // A metastore admin's set-up plan enables it (a REST step): something apply fixes is a warning, not a failure.
    return admin
      ? test(schemaId(s), schemaName(s), 'warning', `Enabled by the set-up: system.${s} is not enabled yet (state ${state ?? 'unknown'}); as a metastore admin, the set-up enables it with a REST call, or enable it now.`, fix)
      : test(schemaId(s), schemaName(s), 'failed', `system.${s} is not enabled (state ${state ?? 'unknown'}), and only a metastore admin or an account admin may enable it.`, fix);
  });
  const sp = quoteIdent(ctx.config.servicePrincipal.applicationId);
  const tableTests = await Promise.all(
    AUDIT_TABLES.map(async ([s, t]): Promise<ValidationTest> => {
      if (!systemSchemaEnabled(states.get(s))) return test(tableId(s, t), tableName(s, t), 'skipped', `Enable system.${s} first.`);
      try {
        const session = await ctx.sql();
        await session.execute(`SELECT 1 FROM ${quoteName('system', s, t)} LIMIT 1`, { signal: ctx.signal });
        return test(tableId(s, t), tableName(s, t), 'passed', `system.${s}.${t} is readable.`);
      } catch (e) {
        // No one reads system tables until a metastore admin grants them (reference §3.4): as one, the installer
        // grants SELECT to the service principal in the set-up even though they cannot read the table themselves.
        if (admin) return test(tableId(s, t), tableName(s, t), 'passed', `system.${s}.${t} exists; as a metastore admin you grant it to the service principal in the set-up.`);
        const grants = [`GRANT USE CATALOG ON CATALOG ${quoteIdent('system')} TO ${sp}`, `GRANT USE SCHEMA ON SCHEMA ${quoteName('system', s)} TO ${sp}`, `GRANT SELECT ON TABLE ${quoteName('system', s, t)} TO ${sp}`];
        return test(tableId(s, t), tableName(s, t), 'failed', `system.${s}.${t} is not readable and you are not a metastore admin, so the set-up cannot grant it: ${messageOf(e)}`, sqlFix(grants, 'a metastore admin (who is also an account admin)'));
      }
    }),
  );
  return [...schemaTests, ...tableTests];
}
