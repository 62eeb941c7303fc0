import { useState, type FormEvent } from 'react';
import type { CaTrustStatus } from '../../../../shared/contract/app';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useCaTrust, useSetCaCertFile } from '../../api/hooks/app';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { Disclosure } from '../../ui/disclosure';
import { Field } from '../../ui/field';
import { caTrustSummary, describeCaTrust } from './ca-trust-text';

export interface ConnectionSettingsViewProps {
  readonly status: CaTrustStatus;
  readonly path: string;
  readonly onPathChange: (path: string) => void;
  readonly onSave: () => void;
  readonly onRemove: () => void;
  readonly saving: boolean;
  readonly failure?: AppError | undefined;
  readonly onDismissFailure?: () => void;
}

/** The settings themselves, without data fetching (rendered as is by tests). */
export function ConnectionSettingsView(p: ConnectionSettingsViewProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!p.saving) p.onSave();
  };
  return (
    <form className="auth-connection-settings" onSubmit={submit} noValidate aria-label="Connection settings" data-testid="connection-settings">
      <p className="auth-connection-settings__status" data-testid="ca-trust-status">
        {describeCaTrust(p.status)}
      </p>
      {p.status.problem ? (
        <p className="field__problem" role="alert">
          {p.status.problem}
        </p>
      ) : null}
      <Field
        label="CA certificate file"
        value={p.path}
        onChange={p.onPathChange}
        placeholder="/path/to/company-ca.pem"
        testId="ca-cert-file"
        help="Only needed when your company’s CA is not installed in the operating system: the full path of its .pem file (from IT). Used from the next sign-in."
      />
      <div className="auth-form__actions">
        <button type="submit" className="button" aria-busy={p.saving} disabled={p.path.trim() === ''} data-testid="ca-cert-file-save">
          {p.saving ? 'Checking…' : 'Use this file'}
        </button>
        {p.status.caCertFile !== null ? (
          <button type="button" className="button" onClick={p.onRemove} disabled={p.saving} data-testid="ca-cert-file-remove">
            Stop using this file
          </button>
        ) : null}
      </div>
      {p.failure ? <ErrorView action="Set the CA certificate file" error={p.failure} {...(p.onDismissFailure ? { onDismiss: p.onDismissFailure } : {})} /> : null}
    </form>
  );
}

/** "Connection settings" under the sign-in form: which CAs are trusted, and the CA certificate file setting. */
export function ConnectionSettings() {
  const trust = useCaTrust();
  const [path, setPath] = useState('');
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const save = useSetCaCertFile({
    onSuccess: (status) => {
      setFailure(undefined);
      setPath('');
      announce(status.caCertFile ? `Using ${status.fileCertificates} certificate(s) from ${status.caCertFile}.` : 'No CA certificate file is used now.');
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  if (!trust.data) return null;
  return (
    <Disclosure className="auth-advanced" summary={caTrustSummary(trust.data)} testId="connection-settings-toggle" defaultOpen={trust.data.problem !== undefined}>
      <ConnectionSettingsView
        status={trust.data}
        path={path}
        onPathChange={setPath}
        onSave={() => save.mutate({ path: path.trim() })}
        onRemove={() => save.mutate({ path: null })}
        saving={save.isPending}
        failure={failure}
        onDismissFailure={() => setFailure(undefined)}
      />
    </Disclosure>
  );
}
