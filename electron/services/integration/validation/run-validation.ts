import type { IntegrationConfig } from '../../../../shared/integration/config';
import { INTEGRATION_TAG } from '../../../../shared/integration/integration-objects';
import { integrationWarehouses } from '../../../../shared/integration/integration-warehouses';
import type { ValidationReport, ValidationTest } from '../../../../shared/integration/validation-types';
import { workspaceHost } from '../../../../shared/integration/workspace-host';
import { AppFailure } from '../../../../shared/result';
import type { Logger } from '../../../ports';
import type { WorkspaceConnection } from '../../connection/types';
import { checkAdditionalWorkspace } from './check-additional-workspaces';
import { checkAudit } from './check-audit';
import { checkConnection, messageOf } from './check-connection';
import { checkGovernedCatalog } from './check-governed-catalogs';
import { checkGovernedSchemas } from './check-governed-schemas';
import { checkIntegrationCatalog } from './check-integration-catalog';
import { checkManagedStorage } from './check-managed-storage';
import { checkServicePrincipal } from './check-service-principal';
import { checkWarehouseAccess, warehouseAccessTestId, warehouseAccessTestName } from './check-warehouse-access';
import { createValidationContext, stepsFix, test, type ValidationContext } from './validation-context';

interface Job {
  readonly id: string;
  readonly name: string;
  readonly run: (ctx: ValidationContext) => Promise<ValidationTest | ValidationTest[]>;
}

function jobsFor(config: IntegrationConfig): Job[] {
  return [
    { id: 'basic-connection', name: 'Connection to the SQL warehouse', run: checkConnection },
    { id: 'integration-catalog', name: `Integration catalog ${config.catalog}`, run: checkIntegrationCatalog },
    { id: 'managed-storage', name: `Managed storage for ${config.catalog}`, run: checkManagedStorage },
    { id: 'service-principal', name: 'Service principal exists', run: checkServicePrincipal },
    // CAN_USE on every warehouse the governance product runs SQL on: the main one and each additional workspace's.
    ...integrationWarehouses(config).map((w): Job => ({ id: warehouseAccessTestId(w.target), name: warehouseAccessTestName(w.target), run: (ctx) => checkWarehouseAccess(ctx, w) })),
    ...config.governedCatalogs.flatMap((c): Job[] => [
      { id: `governed-catalog:${c}`, name: `Governed catalog ${c}`, run: (ctx) => checkGovernedCatalog(ctx, c) },
      // MANAGE per schema only covers the schemas listed; MANAGE on the catalog covers new ones too.
      ...(config.manageScope === 'schema' ? [{ id: `governed-schemas:${c}`, name: `Governed catalog ${c}: every schema is managed`, run: (ctx: ValidationContext) => checkGovernedSchemas(ctx, c) }] : []),
    ]),
    { id: 'audit', name: 'Query audit', run: checkAudit },
    ...config.additionalWorkspaceConnections.map((w): Job => ({ id: `additional-workspace:${w.workspaceUrl}`, name: `Additional workspace ${w.workspaceUrl}`, run: (ctx) => checkAdditionalWorkspace(ctx, w) })),
  ];
}

export const overallStatus = (tests: readonly ValidationTest[]): ValidationReport['status'] =>
  tests.some((t) => t.status === 'failed') ? 'failed' : tests.some((t) => t.status === 'warning') ? 'warning' : 'passed';

/**
 * Every prerequisite, each with its reason and fix. The checks are independent, so they run at once (sharing one
 * SQL session and one metastore read); one that breaks unexpectedly becomes a failed test saying why, and the
 * others still report. Cancelling stops the whole run.
 */
export async function runValidation(o: {
  readonly config: IntegrationConfig;
  readonly connection: WorkspaceConnection;
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly logger: Logger;
  readonly onProgress?: (done: number, total: number, label: string) => void;
}): Promise<ValidationReport> {
  const ctx = createValidationContext({ config: o.config, connection: o.connection, signal: o.signal, ownershipTag: { key: INTEGRATION_TAG, value: workspaceHost(o.config.workspaceUrl) } });
  const jobs = jobsFor(o.config);
  let done = 0;
  o.onProgress?.(0, jobs.length, 'Running the validation tests…');
  try {
    const results = await Promise.all(
      jobs.map(async (job) => {
        try {
          const r = await job.run(ctx);
          return Array.isArray(r) ? r : [r];
        } catch (e) {
          if (o.signal.aborted) throw e;
          o.logger.warn('a validation test could not run', { test: job.id, error: e });
          const hint = e instanceof AppFailure ? e.error.hint : undefined;
          return [test(job.id, job.name, 'failed', `The test could not run: ${messageOf(e)}`, hint ? stepsFix(hint) : null)];
        } finally {
          o.onProgress?.(++done, jobs.length, `Checked ${job.name.charAt(0).toLowerCase()}${job.name.slice(1)}`);
        }
      }),
    );
    const tests = results.flat();
    return { status: overallStatus(tests), tests, at: o.now() };
  } finally {
    await ctx.close();
  }
}
