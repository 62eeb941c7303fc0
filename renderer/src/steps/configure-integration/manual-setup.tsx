import { ExportScripts } from './export-section';
import { StepSection } from './step-section';
import { VerifyPanel } from './verify-section';

/** Manual mode: export the scripts for someone else to run, then verify the workspace against the plan. */
export function ManualSetup() {
  return (
    <>
      <StepSection title="Export" testId="ci-export-section" lead="Made offline from the saved settings: the same statements as the plan, with a header that summarises the settings (never a secret).">
        <ExportScripts />
      </StepSection>
      <StepSection title="Verify" testId="ci-verify-section" lead="Once the script has run, check that every statement’s effect is in place.">
        <VerifyPanel />
      </StepSection>
    </>
  );
}
