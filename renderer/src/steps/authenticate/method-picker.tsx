import type { AuthMethod } from '../../../../shared/contract/session';
import type { SignInForm } from './form-state';

const METHODS: readonly { readonly id: AuthMethod; readonly label: string; readonly detail: string }[] = [
  { id: 'oauth-u2m', label: 'Sign in with your browser (OAuth)', detail: 'Recommended. Your own identity, through an app connection.' },
  { id: 'oauth-m2m', label: 'Service principal (OAuth M2M)', detail: 'A client id and OAuth secret, for automation.' },
  { id: 'token-federation', label: 'Token federation', detail: 'Exchange a token from your identity provider; no Databricks secret.' },
  { id: 'pat', label: 'Personal access token (legacy)', detail: 'Only for trying things out: OAuth is required in production.' },
];

/** Step 1b: how to sign in. OAuth U2M is the default; PAT is marked legacy. */
export function MethodPicker({ form, patch }: { readonly form: SignInForm; readonly patch: (p: Partial<SignInForm>) => void }) {
  return (
    <fieldset className="auth-fieldset" data-testid="method-picker">
      <legend>Sign-in method</legend>
      <div className="auth-methods" role="radiogroup" aria-label="Sign-in method">
        {METHODS.map((m) => (
          <label key={m.id} className="auth-choice auth-choice--block">
            <input type="radio" name="auth-method" value={m.id} checked={form.method === m.id} onChange={() => patch({ method: m.id })} />
            <span>
              <strong>{m.label}</strong>
              {m.id === 'pat' ? <span className="badge"> legacy</span> : null}
              <br />
              <span className="auth-muted">{m.detail}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
