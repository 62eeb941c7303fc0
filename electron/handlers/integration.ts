import { ok } from '../../shared/result';
import type { DomainHandlers } from '../gateway/handlers';
import type { IntegrationService } from '../services/integration/integration-service';

/** Step 2, Configure integration. Inputs arrive validated against shared/contract/integration.ts. */
export function setupIntegration(deps: { readonly integration: IntegrationService }): DomainHandlers<'integration'> {
  const { integration: s } = deps;
  return {
    view: async () => ok(await s.view()),
    saveSettings: async ({ settings }) => ok(await s.saveSettings(settings)),
    setMode: async ({ mode }) => ok(await s.setMode(mode)),
    forget: async () => ok(await s.forget()),
    listWarehouses: async () => ok(await s.listWarehouses()),
    listCatalogs: async () => ok(await s.listCatalogs()),
    startWarehouse: async ({ taskId, warehouseId }) => ok(await s.startWarehouse(taskId, warehouseId)),
    listServicePrincipals: async ({ search }) => ok(await s.listServicePrincipals(search)),
    createServicePrincipal: async ({ displayName }) => ok(await s.createServicePrincipal(displayName)),
    validate: async ({ taskId }) => ok(await s.validate(taskId)),
    enableSystemSchema: async ({ schema }) => ok(await s.enableSystemSchema(schema)),
    plan: async ({ kind }) => ok(await s.plan(kind)),
    apply: async ({ taskId, kind, planHash }) => ok(await s.apply(taskId, kind, planHash)),
    verify: async ({ taskId }) => ok(await s.verify(taskId)),
    exportScripts: async () => ok(await s.exportScripts()),
    exportPayload: async ({ includeSecret }) => ok(await s.exportPayload(includeSecret)),
  };
}
