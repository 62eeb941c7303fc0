import { IntegrationCatalogSchema } from '../../../../shared/integration/config';
import { Field } from '../../ui/field';
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

/** The integration catalog, query audit, the catalogs it governs and further workspaces. */
export function IntegrationSection({ form, patch, problems }: IntegrationSectionProps) {
  const typed = form.catalog.trim() === '' ? undefined : catalogProblem(form.catalog);
  const stored = IntegrationCatalogSchema.safeParse(form.catalog);
  const catalogs = useCatalogs();
  const suggestions = (catalogs.data ?? []).map((c) => ({ value: c.name, ...(c.comment ? { detail: c.comment } : {}) }));
  return (
    <StepSection title="Integration" testId="ci-integration" lead="Where the integration keeps its own data, and what it governs.">
      <Field
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
              Stored lower-case, as <code>{stored.data}</code>. It holds the integration’s schemas and staging volume; letters, digits and underscores only.
            </>
          ) : (
            'Letters, digits and underscores, not starting with a digit. Stored lower-case.'
          )
        }
      />
      <label className="checkbox">
        <input type="checkbox" checked={form.audit} onChange={(e) => patch({ audit: e.currentTarget.checked })} data-testid="ci-audit" />
        <span>
          <strong>Query audit</strong> — {form.audit ? 'on' : 'off'}
          <br />
          <span className="ci-muted">
            Reads who queried what from the system tables <code>system.access.audit</code>, <code>system.access.table_lineage</code>, <code>system.access.column_lineage</code> and{' '}
            <code>system.query.history</code>. Needs the <code>access</code> and <code>query</code> system schemas enabled (validation checks, and can enable them) and SELECT on those tables for the service principal.
          </span>
        </span>
      </label>
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
