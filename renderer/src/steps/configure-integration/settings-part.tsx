import { StepNavAction } from '../../shell/step-nav-slot';
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
      {/* In the Back/Next row: a row of its own would make the part taller than a laptop screen. */}
      <StepNavAction>
        <span className="ci-muted ci-nav-note" id="ci-settings-validate-note">
          Saves (never a secret), then checks the workspace.
        </span>
        <button
          type="button"
          className="button button--primary"
          aria-busy={running}
          aria-describedby="ci-settings-validate-note"
          onClick={() => (running ? undefined : onValidate())}
          data-testid="ci-settings-validate"
        >
          {running ? 'Validating…' : 'Save and validate'}
        </button>
      </StepNavAction>
    </>
  );
}
