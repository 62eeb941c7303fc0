import type { MetadataStatus } from '../../../../shared/contract/metadata';
import { PickerPanel } from './picker/picker-panel';
import { ExportConnection } from './register/export-connection';
import { RegistrationPanel } from './register/registration-panel';
import { useRulesDraft } from './rules/rules-draft';

/** Sub-step "Select & register": the picker and rules, then the registration plan, the run, and the export. */
export function SelectPart({ status, onOpenLineage }: { readonly status: MetadataStatus; readonly onOpenLineage?: ((fullName: string) => void) | undefined }) {
  const draft = useRulesDraft(status.rules);
  const blocked = draft.dirty ? 'Save the rules first: the plan registers what the saved rules select.' : undefined;
  return (
    <>
      <PickerPanel status={status} onOpenLineage={onOpenLineage} />
      <RegistrationPanel title="Register the selection" previewLabel="Preview the registration" blocked={blocked} testId="rm-register" />
      <ExportConnection />
    </>
  );
}
