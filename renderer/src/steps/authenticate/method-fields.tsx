import type { HostKind } from '../../../../shared/domain/workspace-url';
import { Disclosure } from '../../ui/disclosure';
import { AppConnectionGuide } from './app-connection-guide';
import { Field } from '../../ui/field';
import type { SignInForm } from './form-state';
import { fieldId } from './sign-in-problems';

export interface MethodFieldsProps {
  readonly form: SignInForm;
  readonly patch: (p: Partial<SignInForm>) => void;
  readonly problems: Readonly<Partial<Record<keyof SignInForm, string>>>;
  readonly hostKind: HostKind | undefined;
  readonly defaultRedirectUris: readonly string[];
  /** The chosen profile holds a secret the user may agree to use. */
  readonly profileSecret?: { readonly profile: string; readonly what: string };
}

function AccountId({ form, patch, problems }: Pick<MethodFieldsProps, 'form' | 'patch' | 'problems'>) {
  return (
    <Field
      label="Account id (account-level sign-in)"
      value={form.accountId}
      onChange={(accountId) => patch({ accountId })}
      problem={problems.accountId} id={fieldId('accountId')}
      placeholder="0d26daa6-5e44-4c97-a497-ef015f91254a"
      help="A UUID, shown in the account console under your user menu."
    />
  );
}

function ProfileSecretConsent({ form, patch, consent }: Pick<MethodFieldsProps, 'form' | 'patch'> & { readonly consent: NonNullable<MethodFieldsProps['profileSecret']> }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={form.useProfileSecret} onChange={(e) => patch({ useProfileSecret: e.currentTarget.checked })} />
      Use the {consent.what} saved in profile “{consent.profile}”. ucbridge keeps it in your OS keychain and never copies it anywhere else.
    </label>
  );
}

/** The fields of the chosen method; secrets typed here go to main once and never come back. */
export function MethodFields(p: MethodFieldsProps) {
  const { form, patch, problems } = p;
  const account = p.hostKind === 'account' ? <AccountId form={form} patch={patch} problems={problems} /> : null;
  const consent = p.profileSecret && form.source === 'profile' ? <ProfileSecretConsent form={form} patch={patch} consent={p.profileSecret} /> : null;
  const redirects = form.redirectUris.trim() ? form.redirectUris.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : p.defaultRedirectUris;
  switch (form.method) {
    case 'oauth-u2m':
      return (
        <div className="auth-method-fields" data-testid="u2m-fields">
          {form.source === 'sandbox' ? null : (
            <>
              <Field label="Client id of your app connection" value={form.clientId} onChange={(clientId) => patch({ clientId })} problem={problems.clientId} id={fieldId('clientId')} testId="client-id" />
              <AppConnectionGuide redirectUris={redirects} />
            </>
          )}
          {account}
          <Disclosure className="auth-advanced" summary="Advanced: redirect URLs, confidential app connection">
            <Field
              label="Redirect URLs, one per line, exactly as registered"
              multiline
              value={form.redirectUris}
              onChange={(redirectUris) => patch({ redirectUris })}
              problem={problems.redirectUris} id={fieldId('redirectUris')}
              placeholder={p.defaultRedirectUris.join('\n')}
              help="ucbridge listens on the first free one. Databricks compares them exactly, port included."
            />
            <Field label="Client secret (only for a confidential app connection)" type="password" value={form.clientSecret} onChange={(clientSecret) => patch({ clientSecret })} />
          </Disclosure>
        </div>
      );
    case 'oauth-m2m':
      return (
        <div className="auth-method-fields" data-testid="m2m-fields">
          <Field label="Service principal application (client) id" value={form.clientId} onChange={(clientId) => patch({ clientId })} problem={problems.clientId} id={fieldId('clientId')} testId="client-id" />
          <Field label="OAuth secret" type="password" value={form.clientSecret} onChange={(clientSecret) => patch({ clientSecret })} problem={problems.clientSecret} id={fieldId('clientSecret')} testId="client-secret" />
          {consent}
          {account}
        </div>
      );
    case 'token-federation':
      return (
        <div className="auth-method-fields" data-testid="federation-fields">
          <div className="auth-choices" role="radiogroup" aria-label="Where the identity-provider token is">
            <label className="auth-choice">
              <input type="radio" name="federation-source" checked={form.federationSource === 'file'} onChange={() => patch({ federationSource: 'file' })} />A file
            </label>
            <label className="auth-choice">
              <input type="radio" name="federation-source" checked={form.federationSource === 'env'} onChange={() => patch({ federationSource: 'env' })} />
              An environment variable
            </label>
          </div>
          <Field
            label={form.federationSource === 'file' ? 'Path of the file that holds the JWT' : 'Environment variable that holds the JWT'}
            value={form.federationValue}
            onChange={(federationValue) => patch({ federationValue })}
            problem={problems.federationValue} id={fieldId('federationValue')}
            help="ucbridge reads it again each time it needs a new Databricks token."
          />
          <Field
            label="Service principal application id (leave empty for account-wide federation)"
            value={form.clientId}
            onChange={(clientId) => patch({ clientId })}
            problem={problems.clientId} id={fieldId('clientId')}
          />
          {account}
        </div>
      );
    case 'pat':
      return (
        <div className="auth-method-fields" data-testid="pat-fields">
          <p className="banner banner--warning" role="note">
            Personal access tokens are legacy: Databricks requires OAuth for production integrations. Use one only to try ucbridge out.
          </p>
          <Field label="Personal access token" type="password" value={form.token} onChange={(token) => patch({ token })} problem={problems.token} id={fieldId('token')} testId="pat" />
          {consent}
        </div>
      );
  }
}
