import type { ConfigForm, Problems } from './form-state';
import './part-layout.css';
import { IntegrationSection } from './integration-section';
import { ServicePrincipalSection } from './service-principal-section';
import { WarehouseSection } from './warehouse-section';

export interface SettingsPartProps {
  readonly form: ConfigForm;
  readonly patch: (change: Partial<ConfigForm>) => void;
  readonly problems: Problems;
  readonly running: boolean;
  /** Checks the form, saves it and runs the tests (on the Check part). */
  readonly onValidate: () => void;
}

/** Sub-step 1: where the integration runs (warehouse), what it is called and governs, and who it runs as. */
export function SettingsPart({ form, patch, problems, running, onValidate }: SettingsPartProps) {
  return (
    <>
      {/* Side by side from 1280 px (configure-integration.css), so the part fits a laptop screen without scrolling. */}
      <div className="ci-settings">
        <WarehouseSection form={form} patch={patch} problem={problems.warehouse} />
        <IntegrationSection form={form} patch={patch} problems={problems} />
        <ServicePrincipalSection chosen={form.servicePrincipal} patch={patch} problem={problems.servicePrincipal} />
      </div>
      <div className="ci-part-actions">
        <button type="button" className="button button--primary" aria-busy={running} onClick={() => (running ? undefined : onValidate())} data-testid="ci-settings-validate">
          {running ? 'Validating…' : 'Save and validate'}
        </button>
        <span className="ci-muted">Saves these settings (never a secret), then checks the workspace on the next part.</span>
      </div>
    </>
  );
}
