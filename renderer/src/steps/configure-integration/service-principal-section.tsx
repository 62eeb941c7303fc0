import { useDeferredValue, useId, useState } from 'react';
import { DEFAULT_SERVICE_PRINCIPAL_NAME } from '../../../../shared/integration/config';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { Combobox } from '../../ui/combobox';
import type { Suggestion } from '../../ui/combobox-state';
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
  const helpId = `${searchId}-help`;
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
  const suggestions: readonly Suggestion[] = principals.map((sp) => ({
    id: sp.applicationId,
    value: sp.displayName,
    detail: `${sp.applicationId}${sp.active ? '' : ' · inactive'}`,
  }));

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
      {/* A combobox, not a list of radios: the workspace may have hundreds, and a list would not fit the part. */}
      <div className="field">
        <label htmlFor={searchId}>Existing service principal</label>
        <Combobox
          id={searchId}
          value={search}
          onChange={setSearch}
          onPick={(s) => {
            const sp = principals.find((p) => p.applicationId === s.id);
            if (sp) choose({ applicationId: sp.applicationId, displayName: sp.displayName, createdByUcbridge: false, secretInVault: false });
          }}
          suggestions={suggestions}
          listLabel="Service principals in this workspace"
          loading={list.isPending}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[helpId, problem ? 'ci-sp-problem' : ''].filter(Boolean).join(' ')}
          testId="ci-sp-search"
        />
        <p id={helpId} className="field__help">
          {list.isSuccess && principals.length === 0 ? `No service principal matches “${deferred}”.` : 'Type part of its name, then pick it from the list.'}
        </p>
      </div>
      {list.error ? <ErrorView action="List service principals" error={toAppError(list.error)} /> : null}
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
