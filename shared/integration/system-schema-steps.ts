import { AUDIT_SCHEMAS } from './integration-objects';
import type { ObservedState } from './observed-state';
import type { PlanStep, RestCall } from './plan-types';

/**
 * Query audit needs the `access` and `query` system schemas enabled, which only the SystemSchemas REST API does
 * (`PUT /api/2.1/unity-catalog/metastores/{metastore_id}/systemschemas/{schema}`, by a metastore admin or an
 * account admin: https://docs.databricks.com/api/workspace/systemschemas/enable, reference §3.4 [R36]). No SQL
 * statement enables one, so where the installer is a metastore admin the set-up plan carries the call as a step of
 * kind `rest`; elsewhere (offline, or not an admin) setup.sql's header lists it for an admin to make.
 */
export const systemSchemaStepId = (schema: string): string => `system-schema:${schema}`;

export const enableSystemSchemaCall = (metastoreId: string, schema: string): RestCall => ({
  method: 'PUT',
  path: `/api/2.1/unity-catalog/metastores/${encodeURIComponent(metastoreId)}/systemschemas/${encodeURIComponent(schema)}`,
  body: {},
});

/** How a REST step reads where a statement would: `PUT /api/…` (the preview shows it, the plan hash covers it). */
export const restCallText = (call: RestCall): string => `${call.method} ${call.path}`;

/** The REST steps of a set-up plan against this observation: none unless audit is on and the installer is a metastore admin. */
export function systemSchemaSteps(auditEnabled: boolean, observed: ObservedState | null): PlanStep[] {
  const m = observed?.metastore;
  if (!auditEnabled || m === undefined || !m.installerIsAdmin) return [];
  return AUDIT_SCHEMAS.map((schema): PlanStep => {
    const rest = enableSystemSchemaCall(m.id, schema);
    return {
      id: systemSchemaStepId(schema),
      sql: restCallText(rest),
      purpose: `Enable the system schema system.${schema} for query audit (a REST call: no SQL statement enables a system schema)`,
      dependsOn: [],
      inverse: null,
      action: m.enabledSystemSchemas.includes(schema) ? 'unchanged' : 'create',
      target: 'main',
      rest,
    };
  });
}

/** The audit grants in system.<schema> wait for that schema's enabling step. */
export const needsSystemSchema = (stepId: string): string | undefined =>
  AUDIT_SCHEMAS.find((s) => stepId === `grant:sp:system:schema:${s}` || stepId.startsWith(`grant:sp:system:table:${s}.`));
