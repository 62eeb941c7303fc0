import type { ConfigForm } from './form-state';
import { SetupDiagram } from './setup-diagram';
import { StepSection } from './step-section';

/** What will exist and who may do what: a picture from the form, and the table of every privilege and why. */
export function LeastPrivilegeSection({ form }: { readonly form: ConfigForm }) {
  return (
    <StepSection title="Least privilege" testId="ci-least-privilege" lead="Exactly what the set-up creates, and every privilege the service principal gets: nothing more.">
      <SetupDiagram
        catalog={form.catalog.trim().toLowerCase()}
        servicePrincipal={form.servicePrincipal?.displayName ?? ''}
        governedCatalogs={form.governedCatalogs.map((c) => c.toLowerCase())}
        audit={form.audit}
      />
    </StepSection>
  );
}
