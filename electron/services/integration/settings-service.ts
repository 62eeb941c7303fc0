import type { IntegrationView } from '../../../shared/contract/integration';
import type { IntegrationSettings, SetupMode } from '../../../shared/integration/config';
import { fail } from '../../../shared/result';
import { withGovernedSchemas } from './governed-schemas';
import type { IntegrationDeps } from './integration-deps';
import { viewOf, type IntegrationRecord } from './integration-record';
import { assertConfigFor } from './saved-config';
import { readSpSecret, spSecretKey } from './sp-secrets';
import { grantWarehousesUse, warehousesOfIntegration } from './warehouse-grants';

export interface SettingsService {
  view(): Promise<IntegrationView>;
  save(settings: IntegrationSettings): Promise<IntegrationView>;
  setMode(mode: SetupMode): Promise<IntegrationView>;
  forget(): Promise<IntegrationView>;
}

const sameConfig = (a: IntegrationSettings | null, b: IntegrationSettings): boolean => a !== null && JSON.stringify(a.config) === JSON.stringify(b.config);

/**
 * Saved settings and the status machine. Changing the config of an applied integration sends it back to
 * `configured` (the workspace no longer matches it: re-plan and apply the difference); the mode and warehouse are
 * presentation choices and keep the status. What the renderer claims about the service principal's secret and
 * who created it is replaced by what main knows (the vault and its own record).
 */
export interface ApplyState {
  resumable(): Promise<IntegrationView['resumable']>;
  /** An apply runs in this process right now. */
  running(): boolean;
  /** Forgetting the settings drops what an interrupted apply left to resume. */
  discardJournals(): Promise<void>;
}

export function createSettingsService(deps: IntegrationDeps, apply: ApplyState): SettingsService {
  const { store } = deps;
  const view = async (r?: IntegrationRecord) => {
    const record = r ?? (await store.read());
    // `applying` saved by a run this process is not running: the app stopped mid-apply; the journal resumes it.
    const status = record.status === 'applying' && !apply.running() ? 'apply-error' : record.status;
    return viewOf({ ...record, status }, await apply.resumable());
  };

  async function truthful(s: IntegrationSettings, created: readonly string[]): Promise<IntegrationSettings> {
    const secret = await readSpSecret(deps.vault, s.config.servicePrincipal.applicationId);
    const createdByUcbridge = created.includes(s.config.servicePrincipal.applicationId);
    return { ...s, servicePrincipal: { ...s.servicePrincipal, createdByUcbridge, secretInVault: secret !== undefined } };
  }

  /**
   * The governed catalogs' schema lists come from the workspace, not the window (it sends none): read them now so
   * the saved config exports offline. Signed out, or the read fails: saved as sent, and planning fills them.
   */
  async function withSchemas(s: IntegrationSettings): Promise<IntegrationSettings> {
    try {
      const connection = deps.connections.requireConnection();
      assertConfigFor(s.config, connection.workspace);
      return { ...s, config: await withGovernedSchemas(s.config, connection.rest, 'refresh', connection.signal) };
    } catch (e) {
      deps.logger.warn('governed schemas not read at save; planning reads them', { error: e });
      return s;
    }
  }

  /**
   * Saving lets the service principal use (CAN_USE) the warehouse chosen, for a picked one as for one ucbridge
   * created, and each additional workspace's warehouse this session can reach: without it the governance product
   * could not run SQL there. Saving is local and never fails for this; a refusal (the installer is no admin nor
   * CAN_MANAGE holder) or a warehouse in another workspace is logged, and validation shows the steps to fix it.
   */
  async function grantWarehouses(s: IntegrationSettings): Promise<void> {
    const chosen = s.warehouseId === '' ? undefined : s.warehouseId;
    if (chosen === undefined && s.config.additionalWorkspaceConnections.length === 0) return;
    const sp = { applicationId: s.config.servicePrincipal.applicationId, displayName: s.servicePrincipal.displayName };
    try {
      const connection = deps.connections.requireConnection();
      assertConfigFor(s.config, connection.workspace);
      const warehouses = warehousesOfIntegration(s.config, connection.workspace.host, chosen);
      for (const r of await grantWarehousesUse(connection.rest, warehouses, sp, connection.signal)) {
        const fields = { ...sp, warehouseId: r.warehouse.warehouseId, workspace: r.warehouse.workspaceUrl, outcome: r.outcome };
        if (r.outcome === 'refused') deps.logger.warn('service principal not given CAN_USE on the warehouse; validation reports it', { ...fields, error: r.error });
        else if (r.outcome === 'elsewhere') deps.logger.warn('service principal not given CAN_USE on a warehouse of another workspace; validation reports it', fields);
        else deps.logger.info('service principal can use the warehouse', fields);
      }
    } catch (e) {
      deps.logger.warn('service principal not given CAN_USE on the warehouses; validation reports it', { ...sp, error: e });
    }
  }

  return {
    view: () => view(),
    async save(settings) {
      const current = await store.read();
      const next = await truthful(await withSchemas(settings), current.created);
      if (apply.running()) return fail('CONFLICT', 'The integration is being applied right now.', 'Wait for it to finish, or cancel it, then save the settings.');
      await grantWarehouses(next);
      const fresh = current.status === 'not-configured' || current.status === 'uninstalled' || !sameConfig(current.settings, next);
      const saved = await store.update((r) => ({ ...r, settings: next, status: fresh ? 'configured' : r.status === 'applying' ? 'apply-error' : r.status }));
      deps.logger.info('integration settings saved', { catalog: next.config.catalog, mode: next.mode, status: saved.status });
      return view(saved);
    },
    async setMode(mode) {
      const current = await store.read();
      if (current.settings === null) return fail('BAD_REQUEST', 'Save the integration settings before choosing how to set it up.', 'Fill in the form and save it first.');
      return view(await store.update((r) => ({ ...r, settings: r.settings && { ...r.settings, mode } })));
    },
    async forget() {
      const current = await store.read();
      if (apply.running()) return fail('CONFLICT', 'The integration is being applied right now.', 'Wait for it to finish, or cancel it, then forget the settings.');
      if (current.settings) {
        // The service principal's secret stays only as long as the settings that name it.
        await deps.vault.remove(spSecretKey(current.settings.config.servicePrincipal.applicationId));
      }
      await apply.discardJournals();
      return view(await store.update((r) => ({ ...r, settings: null, status: 'not-configured', lastValidation: null, lastApply: null })));
    },
  };
}
