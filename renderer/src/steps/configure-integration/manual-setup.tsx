import { ExportScripts } from './export-scripts';
import { PayloadExport } from './payload-export';
import { StepSection } from './step-section';
import { VerifyPanel } from './verify-panel';

/** Manual mode: export the scripts for someone else to run, then verify the workspace against the plan. */
export function ManualSetup({ secretInVault }: { readonly secretInVault: boolean }) {
  return (
    <>
      <StepSection title="Export" testId="ci-export-section" lead="Made offline from the saved settings: the same statements as the plan, with a header that summarises the settings (never a secret).">
        <ExportScripts />
        <h4>Payload for the governance product</h4>
        <PayloadExport secretInVault={secretInVault} />
      </StepSection>
      <StepSection title="Verify" testId="ci-verify-section" lead="Once the script has run, check that every statement’s effect is in place.">
        <VerifyPanel />
      </StepSection>
    </>
  );
}
