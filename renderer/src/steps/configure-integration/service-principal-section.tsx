import { useDeferredValue, useId, useState } from 'react';
import { DEFAULT_SERVICE_PRINCIPAL_NAME } from '../../../../shared/integration/config';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { Disclosure } from '../../ui/disclosure';
import { Field } from '../../ui/field';
import type { ChosenPrincipal, ConfigForm } from './form-state';
import { SpSecretLocation, type CreatedSecret } from './sp-secret-location';
import { StepSection } from './step-section';
import { useChangingMutation, useServicePrincipals } from './use-integration';

export interface ServicePrincipalSectionProps {
  readonly chosen: ChosenPrincipal | null;
  readonly patch: (p: Partial<ConfigForm>) => void;
  readonly problem: string | undefined;
}

/** Who the governance product runs as: an existing service principal (SCIM), or a new UCBRIDGE_USER. */
export function ServicePrincipalSection({ chosen, patch, problem }: ServicePrincipalSectionProps) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [name, setName] = useState(DEFAULT_SERVICE_PRINCIPAL_NAME);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [created, setCreated] = useState<CreatedSecret | undefined>(undefined);
  // Creating is the other way to choose: one line until wanted, so the Settings part fits a laptop screen.
  const [creating, setCreating] = useState(false);
  const deferred = useDeferredValue(search.trim());
  const list = useServicePrincipals(deferred);
  const choose = (servicePrincipal: ChosenPrincipal) => patch({ servicePrincipal });
  const create = useChangingMutation('createServicePrincipal', {
    onSuccess: ({ servicePrincipal: sp, secretInVault, secretStorage }) => {
      setFailure(undefined);
      setCreated({ applicationId: sp.applicationId, displayName: sp.displayName, secretStorage });
      choose({ applicationId: sp.applicationId, displayName: sp.displayName, createdByUcbridge: true, secretInVault });
      announce(`Created ${sp.displayName}${secretStorage === 'memory-only' ? '; its OAuth secret is in memory only: export the payload now' : secretInVault ? '; its OAuth secret is in the vault' : ''}.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const principals = list.data ?? [];

  return (
    <StepSection title="Service principal" testId="ci-service-principal" lead="The identity the governance product runs as, with only the privileges listed on the Check part.">
      {chosen ? (
        <p className="ci-chosen" data-testid="ci-sp-chosen">
          Chosen: <strong>{chosen.displayName}</strong> <code>{chosen.applicationId}</code>
          {chosen.createdByUcbridge ? ' — created by ucbridge' : ''}
          {chosen.secretInVault ? ', OAuth secret kept in the vault' : ''}
        </p>
      ) : null}
      {created && chosen?.applicationId === created.applicationId ? <SpSecretLocation created={created} /> : null}
      <fieldset className="ci-fieldset">
        <legend>Pick an existing one</legend>
        <div className="field">
          <label htmlFor={searchId}>Search by name</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} autoComplete="off" spellCheck={false} data-testid="ci-sp-search" />
        </div>
        {list.error ? <ErrorView action="List service principals" error={toAppError(list.error)} /> : null}
        <div className="ci-options ci-options--scroll" role="radiogroup" aria-label="Service principals" aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'ci-sp-problem' : undefined}>
          {principals.map((sp) => (
            <label key={sp.id} className="ci-option__label" data-testid="sp-option">
              <input
                type="radio"
                name="ci-sp"
                checked={chosen?.applicationId.toLowerCase() === sp.applicationId.toLowerCase()}
                aria-invalid={problem ? true : undefined}
                onChange={() => choose({ applicationId: sp.applicationId, displayName: sp.displayName, createdByUcbridge: false, secretInVault: false })}
              />
              <span>
                <strong>{sp.displayName}</strong> <span className="ci-muted">{sp.applicationId}</span>
                {sp.active ? null : <span className="badge">inactive</span>}
              </span>
            </label>
          ))}
          {list.isSuccess && principals.length === 0 ? <p className="ci-muted">No service principal matches “{deferred}”.</p> : null}
        </div>
      </fieldset>
      <Disclosure summary="Or create a new service principal" open={creating} onOpenChange={setCreating} testId="ci-sp-create">
        <Field label="Display name" value={name} onChange={setName} testId="ci-sp-name" />
        <p className="ci-muted">
          Like Partner Connect’s <code>&lt;PARTNER&gt;_USER</code>. ucbridge creates it with an OAuth secret that is kept only in this computer’s vault, never shown; you can export it once, with the
          integration payload, for the governance product.
        </p>
        <button type="button" className="button" aria-busy={create.isPending} onClick={() => (create.isPending || !name.trim() ? undefined : create.mutate({ displayName: name.trim() }))}>
          {create.isPending ? 'Creating…' : `Create ${name.trim() || 'service principal'}`}
        </button>
      </Disclosure>
      {problem ? (
        <p id="ci-sp-problem" className="ci-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {failure ? <ErrorView action="Create service principal" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
    </StepSection>
  );
}
