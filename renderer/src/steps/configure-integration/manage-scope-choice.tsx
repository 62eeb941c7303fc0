import type { ManageScope } from '../../../../shared/integration/config';

/** What each choice lets the service principal do, dropping included: the same facts as the least-privilege table. */
const SCOPES: readonly { readonly id: ManageScope; readonly label: string; readonly detail: string }[] = [
  {
    id: 'catalog',
    label: 'On each governed catalog (recommended)',
    detail:
      'As the governance product\u2019s guide requires: grants, row filters and column masks apply to every schema and table, new ones included. MANAGE also lets the service principal drop the catalog, its schemas and tables, and transfer their ownership.',
  },
  {
    id: 'schema',
    label: 'On each schema only (tighter)',
    detail:
      'The service principal cannot drop a governed catalog, but can still drop each managed schema and its tables and transfer their ownership. A schema created later is not covered until you Update the integration; validation warns about it.',
  },
];

export interface ManageScopeChoiceProps {
  readonly scope: ManageScope;
  readonly onChange: (scope: ManageScope) => void;
}

/** Where the service principal holds MANAGE in the governed catalogs. */
export function ManageScopeChoice({ scope, onChange }: ManageScopeChoiceProps) {
  return (
    <fieldset className="ci-fieldset" data-testid="ci-manage-scope">
      <legend>Where the service principal gets MANAGE</legend>
      <div className="ci-options" role="radiogroup" aria-label="Where the service principal gets MANAGE">
        {SCOPES.map((s) => (
          <label key={s.id} className="ci-option__label ci-option--block">
            <input type="radio" name="ci-manage-scope" value={s.id} checked={scope === s.id} onChange={() => onChange(s.id)} data-testid={`ci-manage-scope-${s.id}`} />
            <span>
              <strong>{s.label}</strong>
              <br />
              <span className="ci-muted">{s.detail}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
