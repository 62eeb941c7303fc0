import type { SandboxSetup, WorkspaceChoices } from '../../../../shared/contract/auth';
import { parseWorkspaceUrl } from '../../../../shared/domain/workspace-url';
import { Field } from '../../ui/field';
import type { SignInForm, WorkspaceSource } from './form-state';
import { RecentList } from './recent-list';
import { fieldId } from './sign-in-problems';
import { SandboxPanel } from './sandbox-panel';

export interface WorkspacePickerProps {
  readonly form: SignInForm;
  readonly patch: (p: Partial<SignInForm>) => void;
  /** Switches the workspace choice (each keeps its own client id). */
  readonly setSource: (source: WorkspaceSource) => void;
  readonly choices: WorkspaceChoices | undefined;
  readonly problems: Readonly<Partial<Record<keyof SignInForm, string>>>;
  readonly sandbox: SandboxSetup | undefined;
  readonly onStartSandbox: () => void;
  readonly startingSandbox: boolean;
}

const SOURCES: readonly { readonly id: WorkspaceSource; readonly label: string }[] = [
  { id: 'url', label: 'Workspace address' },
  { id: 'profile', label: 'Profile from ~/.databrickscfg' },
  { id: 'sandbox', label: 'Local sandbox' },
];

/** Step 1a: which workspace — typed (validated as you type), a profile, a recent one, or the local sandbox. */
export function WorkspacePicker(p: WorkspacePickerProps) {
  const { form, patch, choices } = p;
  const typed = form.url.trim() === '' ? undefined : parseWorkspaceUrl(form.url);
  const profiles = choices?.profiles ?? [];
  return (
    <fieldset className="auth-fieldset" data-testid="workspace-picker">
      <legend>Workspace</legend>
      <div className="auth-choices" role="radiogroup" aria-label="Where the workspace comes from">
        {SOURCES.map((s) => (
          <label key={s.id} className="auth-choice">
            <input type="radio" name="workspace-source" checked={form.source === s.id} onChange={() => p.setSource(s.id)} />
            {s.label}
          </label>
        ))}
      </div>
      {form.source === 'url' ? (
        <>
          <Field
            label="Workspace or account console address"
            value={form.url}
            onChange={(url) => patch({ url })}
            placeholder="https://dbc-a1b2c3d4-e5f6.cloud.databricks.com"
            type="url"
            testId="workspace-url"
            problem={typed && !typed.ok ? typed.problem : p.problems.url}
            id={fieldId('url')}
            help={typed?.ok ? `${typed.value.kind === 'account' ? 'Account console' : 'Workspace'} on ${typed.value.cloud.toUpperCase()}: ${typed.value.url}` : undefined}
          />
          {typed && !typed.ok && typed.suggestion ? (
            <button type="button" className="link-button" onClick={() => patch({ url: typed.suggestion ?? '' })}>
              Use {typed.suggestion}
            </button>
          ) : null}
          <RecentList
            recents={choices?.recents ?? []}
            onPick={(r) => {
              // The sandbox gets a new address each time it starts: its recent entry means "the local sandbox".
              if (r.kind === 'sandbox') return p.setSource('sandbox');
              patch({ url: r.url, method: r.method, clientId: r.clientId ?? '', accountId: r.accountId ?? '', redirectUris: (r.redirectUris ?? []).join('\n') });
            }}
          />
        </>
      ) : null}
      {form.source === 'profile' ? (
        profiles.length === 0 ? (
          <p className="notice">
            No profiles found in {choices?.profilesSource.path ?? '~/.databrickscfg'}
            {choices?.profilesSource.problem ? `: ${choices.profilesSource.problem}` : '.'}
          </p>
        ) : (
          <div className="field">
            <label htmlFor={fieldId('profile')}>Profile</label>
            <select id={fieldId('profile')} value={form.profile} onChange={(e) => {
              const chosen = profiles.find((x) => x.name === e.currentTarget.value);
              patch({ profile: e.currentTarget.value, clientId: chosen?.clientId ?? '', accountId: chosen?.accountId ?? '', useProfileSecret: false });
            }} aria-invalid={p.problems.profile ? true : undefined}>
              <option value="">Choose a profile…</option>
              {profiles.map((x) => (
                <option key={x.name} value={x.name} disabled={x.url === undefined}>
                  {x.name} — {x.url ?? x.problem}
                </option>
              ))}
            </select>
          </div>
        )
      ) : null}
      {form.source === 'sandbox' ? (
        <SandboxPanel status={choices?.sandbox} setup={p.sandbox} onStart={p.onStartSandbox} starting={p.startingSandbox} />
      ) : null}
    </fieldset>
  );
}
