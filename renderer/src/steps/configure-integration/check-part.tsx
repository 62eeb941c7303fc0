import type { IntegrationView } from '../../../../shared/contract/integration';
import type { ConfigForm } from './form-state';
import './part-layout.css';
import { LeastPrivilegeSection } from './least-privilege-section';
import { ValidateSection } from './validate-section';
import type { useSaveAndValidate } from './use-validation';

export interface CheckPartProps {
  readonly form: ConfigForm;
  readonly workspaceUrl: string;
  readonly view: IntegrationView;
  readonly validation: ReturnType<typeof useSaveAndValidate>;
  readonly onValidate: () => void;
}

/** Sub-step 2: what the set-up will create and grant (the table collapsed), and the validation tests with their fixes. */
export function CheckPart({ form, workspaceUrl, view, validation, onValidate }: CheckPartProps) {
  const report = validation.report ?? view.lastValidation;
  // Before any result the two sections sit side by side from 1280 px (the part fits a laptop screen); the
  // results, once there, take the full width (configure-integration.css).
  return (
    <div className={`ci-check${report ? ' ci-check--results' : ''}`}>
      <ValidateSection
        report={report}
        running={validation.running}
        taskId={validation.taskId}
        failure={validation.failure}
        onDismissFailure={validation.dismissFailure}
        onRun={onValidate}
        resultsSeq={validation.resultsSeq}
      />
      <LeastPrivilegeSection form={form} workspaceUrl={workspaceUrl} savedSchemas={view.settings?.config.governedSchemas} />
    </div>
  );
}
