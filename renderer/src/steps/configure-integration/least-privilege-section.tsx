import { useMemo } from 'react';
import { IntegrationCatalogSchema } from '../../../../shared/integration/config';
import type { ConfigForm } from './form-state';
import { LeastPrivilegeTable } from './least-privilege-table';
import { previewConfig } from './preview-config';
import { SetupDiagram } from './setup-diagram';
import { StepSection } from './step-section';

/** What will exist and who may do what: a picture from the form, and the table of every privilege and why. */
export function LeastPrivilegeSection({
  form,
  workspaceUrl,
  savedSchemas,
}: {
  readonly form: ConfigForm;
  readonly workspaceUrl: string;
  readonly savedSchemas?: Readonly<Record<string, readonly string[]>>;
}) {
  // Only a name that follows the rule is drawn; until then the picture says "integration catalog".
  const catalog = IntegrationCatalogSchema.safeParse(form.catalog);
  const config = useMemo(() => previewConfig(form, workspaceUrl, savedSchemas), [form, workspaceUrl, savedSchemas]);
  return (
    <StepSection title="Least privilege" testId="ci-least-privilege" lead="Exactly what the set-up creates (left) and grants (right): nothing more.">
      <SetupDiagram
        catalog={catalog.success ? catalog.data : ''}
        servicePrincipal={form.servicePrincipal?.displayName ?? ''}
        governedCatalogs={form.governedCatalogs.map((c) => c.toLowerCase())}
        audit={form.audit}
      />
      <LeastPrivilegeTable config={config} />
    </StepSection>
  );
}
