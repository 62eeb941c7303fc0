import { IntegrationCatalogSchema } from '../../../../shared/integration/config';
import { ComboboxField } from '../../ui/combobox-field';
import { catalogProblem, type ConfigForm, type Problems } from './form-state';
import { GovernedCatalogs } from './governed-catalogs';
import { MoreOptions } from './more-options';
import { StepSection } from './step-section';
import { useCatalogs } from './use-integration';

export interface IntegrationSectionProps {
  readonly form: ConfigForm;
  readonly patch: (p: Partial<ConfigForm>) => void;
  readonly problems: Problems;
}

/** The integration catalog and the catalogs it governs; query audit and the rest under Advanced (more-options.tsx). */
export function IntegrationSection({ form, patch, problems }: IntegrationSectionProps) {
  const typed = form.catalog.trim() === '' ? undefined : catalogProblem(form.catalog);
  const stored = IntegrationCatalogSchema.safeParse(form.catalog);
  const catalogs = useCatalogs();
  const suggestions = (catalogs.data ?? []).map((c) => ({ value: c.name, ...(c.comment ? { detail: c.comment } : {}) }));
  return (
    <StepSection title="Integration" testId="ci-integration" lead="Its own catalog (schemas and a staging volume), and the catalogs whose data it governs.">
      <ComboboxField
        label="Integration catalog"
        value={form.catalog}
        onChange={(catalog) => patch({ catalog })}
        testId="ci-catalog"
        suggestions={suggestions}
        suggestionsLabel="Catalogs in this workspace"
        suggestionsLoading={catalogs.isPending}
        problem={typed ?? problems.catalog}
        help={
          stored.success ? (
            <>
              Stored lower-case as <code>{stored.data}</code>.
            </>
          ) : (
            'Letters, digits and underscores, not starting with a digit; stored lower-case.'
          )
        }
      />
      <GovernedCatalogs
        names={form.governedCatalogs}
        integrationCatalog={stored.success ? stored.data : ''}
        onChange={(governedCatalogs) => patch({ governedCatalogs })}
        problems={problems}
        suggestions={suggestions}
        suggestionsLoading={catalogs.isPending}
      />
      <MoreOptions form={form} patch={patch} problems={problems} />
    </StepSection>
  );
}
