import type { ApplySummary, CatalogSummary, ExportFile, IntegrationView, ServicePrincipalSummary, VerifyReport, Warehouse } from '../../../shared/contract/integration';
import type { IntegrationSettings, SetupMode } from '../../../shared/integration/config';
import type { Plan, PlanKind } from '../../../shared/integration/plan-types';
import { catalogsWithoutSchemaList } from '../../../shared/integration/governed-schema-lists';
import { exportScripts } from '../../../shared/integration/script-export';
import { fail } from '../../../shared/result';
import type { ValidationReport } from '../../../shared/integration/validation-types';
import { verifyPlan } from '../../../shared/integration/verify';
import type { WorkspaceConnection } from '../connection/types';
import { createApplyService } from './apply-service';
import { listCatalogs } from './catalogs';
import { createIntegrationServicePrincipal, type CreatedServicePrincipal } from './create-service-principal';
import { workSignal, type IntegrationDeps } from './integration-deps';
import { exportPayload, type PayloadExport } from './payload-export';
import { observeAndPlan } from './plan-service';
import { listServicePrincipals } from './service-principals';
import { createSettingsService } from './settings-service';
import { configForConnection, savedConfig } from './saved-config';
import { createValidationService } from './validation-service';
import { listWarehouses, startWarehouse } from './warehouses';

/** Step 2, Configure integration: everything behind `integration.*`, over the signed-in session. */
export interface IntegrationService {
  view(): Promise<IntegrationView>;
  saveSettings(settings: IntegrationSettings): Promise<IntegrationView>;
  setMode(mode: SetupMode): Promise<IntegrationView>;
  forget(): Promise<IntegrationView>;
  listWarehouses(): Promise<Warehouse[]>;
  listCatalogs(): Promise<CatalogSummary[]>;
  startWarehouse(taskId: string, warehouseId: string): Promise<Warehouse>;
  listServicePrincipals(search?: string): Promise<ServicePrincipalSummary[]>;
  createServicePrincipal(displayName: string): Promise<CreatedServicePrincipal>;
  validate(taskId: string): Promise<ValidationReport>;
  enableSystemSchema(schema: 'access' | 'query'): Promise<{ schema: string; state: string }>;
  plan(kind: PlanKind): Promise<Plan>;
  apply(taskId: string, kind: PlanKind, planHash: string): Promise<ApplySummary>;
  verify(taskId: string): Promise<VerifyReport>;
  exportScripts(): Promise<ExportFile[]>;
  exportPayload(includeSecret: boolean): Promise<PayloadExport>;
  /** For the session's "Disconnect and uninstall". */
  uninstallOnDisconnect(connection: WorkspaceConnection, signal: AbortSignal): Promise<void>;
}

export function createIntegrationService(deps: IntegrationDeps): IntegrationService {
  const { connections, tasks, clock, store } = deps;
  const apply = createApplyService(deps);
  const settings = createSettingsService(deps, apply);
  const validation = createValidationService(deps);
  return {
    view: settings.view,
    saveSettings: settings.save,
    setMode: settings.setMode,
    forget: settings.forget,
    validate: validation.validate,
    enableSystemSchema: validation.enableSystemSchema,
    plan: apply.plan,
    apply: apply.apply,
    uninstallOnDisconnect: apply.uninstallOnDisconnect,
    async listWarehouses() {
      const c = connections.requireConnection();
      return listWarehouses(c.rest, c.signal);
    },
    startWarehouse(taskId, warehouseId) {
      const c = connections.requireConnection();
      return tasks.run(taskId, { label: 'Starting the SQL warehouse…' }, (task) =>
        startWarehouse(c.rest, warehouseId, {
          clock,
          signal: workSignal(task.signal, c),
          onState: (w) => task.progress({ label: w.state === 'RUNNING' ? `${w.name} is running` : `Starting ${w.name}… (${w.state.toLowerCase()})` }),
        }),
      );
    },
    async listCatalogs() {
      const c = connections.requireConnection();
      return listCatalogs(c.rest, c.signal);
    },
    async listServicePrincipals(search) {
      const c = connections.requireConnection();
      return listServicePrincipals(c.rest, { ...(search ? { search } : {}), signal: c.signal });
    },
    createServicePrincipal: (displayName) => createIntegrationServicePrincipal(deps, connections.requireConnection(), displayName),
    async verify(taskId) {
      const { config, connection: c } = await configForConnection(deps);
      const report = await tasks.run(taskId, { label: 'Checking the workspace against the plan…' }, async (task) => {
        const session = await c.sql(config.httpPath);
        try {
          return verifyPlan(await observeAndPlan(session, 'setup', config, workSignal(task.signal, c), c));
        } finally {
          await session.close();
        }
      });
      // A manual set-up someone ran (or a drift fixed) is the integration enabled; drift after that is shown, not hidden.
      await store.update((r) => ({ ...r, status: report.converged ? 'enabled' : r.status === 'enabled' ? 'configured' : r.status }));
      return report;
    },
    exportPayload: (includeSecret) => exportPayload(deps, includeSecret),
    async exportScripts() {
      const config = await savedConfig(deps);
      const unlisted = catalogsWithoutSchemaList(config);
      if (unlisted.length > 0) {
        // Saving while signed in reads the lists; without them the script would grant MANAGE on no schema there.
        fail('BAD_REQUEST', `ucbridge has not read the schemas of ${unlisted.join(', ')} yet, so the script could not grant MANAGE on them.`, 'Sign in, then save the settings or preview the plan (either reads them), and export again.');
      }
      const files = exportScripts(config);
      await store.update((r) => ({ ...r, status: r.settings?.mode === 'manual' && r.status === 'configured' ? 'manual-pending' : r.status }));
      return files;
    },
  };
}
