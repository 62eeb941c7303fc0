import type { IntegrationView, ServicePrincipalSummary, Warehouse } from '../../../shared/contract/integration';
import type { IntegrationSettings, SetupMode } from '../../../shared/integration/config';
import type { ValidationReport } from '../../../shared/integration/validation-types';
import { createIntegrationServicePrincipal, type CreatedServicePrincipal } from './create-service-principal';
import { workSignal, type IntegrationDeps } from './integration-deps';
import { listServicePrincipals } from './service-principals';
import { createSettingsService } from './settings-service';
import { createValidationService } from './validation-service';
import { listWarehouses, startWarehouse } from './warehouses';

/** Step 2, Configure integration: everything behind `integration.*`, over the signed-in session. */
export interface IntegrationService {
  view(): Promise<IntegrationView>;
  saveSettings(settings: IntegrationSettings): Promise<IntegrationView>;
  setMode(mode: SetupMode): Promise<IntegrationView>;
  forget(): Promise<IntegrationView>;
  listWarehouses(): Promise<Warehouse[]>;
  startWarehouse(taskId: string, warehouseId: string): Promise<Warehouse>;
  listServicePrincipals(search?: string): Promise<ServicePrincipalSummary[]>;
  createServicePrincipal(displayName: string): Promise<CreatedServicePrincipal>;
  validate(taskId: string): Promise<ValidationReport>;
  enableSystemSchema(schema: 'access' | 'query'): Promise<{ schema: string; state: string }>;
}

export function createIntegrationService(deps: IntegrationDeps): IntegrationService {
  const { connections, tasks, clock } = deps;
  const settings = createSettingsService(deps, async () => null);
  const validation = createValidationService(deps);
  return {
    validate: validation.validate,
    enableSystemSchema: validation.enableSystemSchema,
    view: settings.view,
    saveSettings: settings.save,
    setMode: settings.setMode,
    forget: settings.forget,
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
    async listServicePrincipals(search) {
      const c = connections.requireConnection();
      return listServicePrincipals(c.rest, { ...(search ? { search } : {}), signal: c.signal });
    },
    createServicePrincipal: (displayName) => createIntegrationServicePrincipal(deps, connections.requireConnection(), displayName),
  };
}
