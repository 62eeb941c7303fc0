import { useState, type FormEvent } from 'react';
import type { SandboxSetup } from '../../../../shared/contract/auth';
import { parseWorkspaceUrl } from '../../../../shared/domain/workspace-url';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { checkForm, EMPTY_FORM, hostKindOf, newTaskId, switchSource, type FormContext, type SignInForm, type WorkspaceSource } from './form-state';
import { MethodFields } from './method-fields';
import { MethodPicker } from './method-picker';
import { useSignIn, useStartSandbox, useWorkspaceChoices } from './use-auth';
import { WorkspacePicker } from './workspace-picker';

/** Choosing a workspace and a method, then signing in; failures are explained in place, with the fix. */
export function SignInPanel({ onSignedIn }: { readonly onSignedIn?: () => void }) {
  const choices = useWorkspaceChoices();
  const [form, setForm] = useState<SignInForm>(EMPTY_FORM);
  const [problems, setProblems] = useState<Readonly<Partial<Record<keyof SignInForm, string>>>>({});
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [sandbox, setSandbox] = useState<SandboxSetup | undefined>(undefined);
  const patch = (p: Partial<SignInForm>) => setForm((f) => ({ ...f, ...p }));
  const setSource = (source: WorkspaceSource) => setForm((f) => switchSource(f, source));

  const startSandbox = useStartSandbox({
    onSuccess: (setup) => {
      setSandbox(setup);
      setForm((f) => ({ ...switchSource(f, 'sandbox'), redirectUris: '' }));
      announce('The local sandbox is running.');
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const signIn = useSignIn({
    onSuccess: (state) => {
      setFailure(undefined);
      setForm((f) => ({ ...f, clientSecret: '', token: '' }));
      announce(state.identity ? `Signed in as ${state.identity.displayName}.` : 'Signed in.');
      onSignedIn?.();
    },
    onError: (e) => {
      const error = toAppError(e);
      setFailure(error.code === 'CANCELLED' ? undefined : error);
      if (error.code === 'CANCELLED') announce('Sign-in cancelled.');
    },
  });

  const profile = choices.data?.profiles.find((p) => p.name === form.profile);
  const profileUrl = profile?.url ? parseWorkspaceUrl(profile.url) : undefined;
  const ctx: FormContext = {
    ...(profileUrl?.ok ? { profileKind: profileUrl.value.kind } : {}),
    profileHasSecret: form.method === 'pat' ? profile?.hasToken : profile?.hasClientSecret,
  };
  const profileSecret =
    profile && (form.method === 'pat' ? profile.hasToken : form.method === 'oauth-m2m' && profile.hasClientSecret)
      ? { profile: profile.name, what: form.method === 'pat' ? 'personal access token' : 'client secret' }
      : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (signIn.isPending) return;
    const check = checkForm(form, ctx);
    if (!check.ok) {
      setProblems(check.problems);
      announce('Some fields need attention.');
      return;
    }
    setProblems({});
    setFailure(undefined);
    signIn.mutate({ ...check.request, taskId: newTaskId() });
  };

  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-label="Sign in" data-testid="sign-in-form">
      <WorkspacePicker form={form} patch={patch} setSource={setSource} choices={choices.data} problems={problems} sandbox={sandbox} onStartSandbox={() => startSandbox.mutate({})} startingSandbox={startSandbox.isPending} />
      <MethodPicker form={form} patch={patch} />
      <MethodFields form={form} patch={patch} problems={problems} hostKind={hostKindOf(form, ctx)} defaultRedirectUris={sandbox?.redirectUris ?? choices.data?.defaults.redirectUris ?? []} {...(profileSecret ? { profileSecret } : {})} />
      <div className="auth-form__actions">
        <button type="submit" className="button button--primary" aria-busy={signIn.isPending} data-testid="sign-in">
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
      {failure ? <ErrorView action="Sign in" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
    </form>
  );
}
